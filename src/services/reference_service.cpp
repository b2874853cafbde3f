// src/services/reference_service.cpp
#include "services/reference_service.hpp"

#include <map>

#include "services/internal/case_core.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core

Date today(const Services& s) {
  return local_date(s.clock.now());
}

Result<std::map<long long, std::string>> staff_names(const Services& s, const Actor& actor) {
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  std::map<long long, std::string> out;
  for (const auto& m : ref->staff)
    out[m.id] = m.display_name;
  return out;
}

Result<std::string> staff_name(const Services& s, const Actor& actor, std::optional<long long> user_id) {
  if (!user_id) return std::string();
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  for (const auto& m : ref->staff) {
    if (m.id == *user_id) return m.display_name;
  }
  return std::string();
}

Result<std::vector<std::pair<std::string, std::string>>> municipalities(const Services& s, long long operation_id) {
  return OMBUD_TRY(reference(s, operation_id))->municipalities;
}

Result<std::vector<std::pair<long long, std::string>>> ombud_choices(const Services& s, const Actor& actor) {
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& m : OMBUD_TRY(reference(s, actor.operation_id))->active_ombud())
    out.emplace_back(m.id, m.display_name);
  return out;
}

Result<std::vector<std::pair<long long, std::string>>> receiver_choices(const Services& s, const Actor& actor) {
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& m : OMBUD_TRY(reference(s, actor.operation_id))->contact_takers())
    out.emplace_back(m.id, m.display_name);
  return out;
}

}  // namespace ombud::services
