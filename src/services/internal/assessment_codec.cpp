// src/services/internal/assessment_codec.cpp
#include "services/internal/assessment_codec.hpp"

#include <nlohmann/json.hpp>

namespace ombud::services::internal {

std::string assessment_to_json(const ClientView::Assessment& a) {
  auto yn = [](const std::optional<bool>& b) { return b ? nlohmann::json(*b) : nlohmann::json(nullptr); };
  nlohmann::json j = {
      {"outcome", std::string(domain::code_of(domain::kOutcomes, a.outcome))},
      {"reason", a.reason ? std::string(domain::code_of(domain::kDeclineReasons, *a.reason)) : std::string()},
      {"significant_disability", yn(a.criteria.significant_disability)},
      {"complex_needs", yn(a.criteria.complex_needs)},
      {"own_will", yn(a.criteria.own_will)},
      {"no_substance_abuse", yn(a.criteria.no_substance_abuse)}};
  return j.dump();
}

std::optional<ClientView::Assessment> assessment_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  ClientView::Assessment a;
  a.outcome = domain::parse_code(domain::kOutcomes, j.value("outcome", std::string()))
                  .value_or(domain::AssessmentOutcome::kInTargetGroup);
  a.reason = domain::parse_code(domain::kDeclineReasons, j.value("reason", std::string()));
  auto yn = [&](const char* k) -> std::optional<bool> {
    if (!j.contains(k) || j[k].is_null()) return std::nullopt;
    return j[k].get<bool>();
  };
  a.criteria.significant_disability = yn("significant_disability");
  a.criteria.complex_needs = yn("complex_needs");
  a.criteria.own_will = yn("own_will");
  a.criteria.no_substance_abuse = yn("no_substance_abuse");
  return a;
}

}  // namespace ombud::services::internal
