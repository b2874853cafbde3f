// src/services/internal/assessment_codec.hpp
//
// The assessment as it is sealed: a small JSON object of outcome, reason and the answers to each
// criterion.
#pragma once

#include <optional>
#include <string>

#include "services/client_service.hpp"

namespace ombud::services::internal {

std::string assessment_to_json(const ClientView::Assessment& a);
/// nullopt when the text is not an assessment.
std::optional<ClientView::Assessment> assessment_from_json(const std::string& text);

}  // namespace ombud::services::internal
