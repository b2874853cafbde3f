// src/services/internal/input.hpp
//
// Parsing what a user typed, shared by the web forms and the API: each problem is a field error
// with a message key, and nothing is changed while there is one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::services::internal {

/// A date of something that has happened: not in the future, not before `not_before` (the first
/// contact). "" means today.
Date parse_past_date(const std::string& text, const char* field, Date today, std::optional<Date> not_before,
                     std::vector<FieldError>& errors);

/// "ja" / "nej" / "" (unanswered).
std::optional<bool> parse_yes_no(const std::string& v, const char* field, std::vector<FieldError>& errors);

/// Clean UTF-8 (newlines only when `multiline`) of at most `max_chars` characters.
void check_text(const std::string& value, const char* field, std::size_t max_chars, bool multiline,
                std::vector<FieldError>& errors);

/// kInvalidInput with the collected field errors, if any.
Status invalid_if(std::vector<FieldError>& errors);

}  // namespace ombud::services::internal
