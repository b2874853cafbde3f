// src/services/internal/network.cpp
#include "services/internal/network.hpp"

#include <chrono>

#include "core/text.hpp"
#include "domain/vocabulary.hpp"

namespace ombud::services::internal {

domain::Consent consent_terms(const store::ConsentRow& row) {
  domain::Consent c;
  for (auto code : split(row.scopes, ' ')) {
    if (auto s = domain::parse_code(domain::kConsentScopes, code)) c.scopes.push_back(*s);
  }
  c.form = domain::parse_code(domain::kConsentForms, row.given_as).value_or(domain::ConsentForm::kOral);
  c.from = parse_date(row.valid_from).value_or(Date{});
  if (row.valid_until) c.until = parse_date(*row.valid_until);
  if (row.revoked_on) c.revoked_on = parse_date(*row.revoked_on);
  return c;
}

ConsentsByEntry::ConsentsByEntry(const std::vector<store::ConsentRow>& rows) {
  for (const auto& r : rows)
    by_entry_[r.network_id].push_back(consent_terms(r));
}

domain::ConsentStanding ConsentsByEntry::standing(const std::string& network_id, Date on) const {
  std::vector<const domain::Consent*> list;
  if (auto it = by_entry_.find(network_id); it != by_entry_.end()) {
    for (const auto& c : it->second)
      list.push_back(&c);
  }
  return domain::standing_of(list, on);
}

std::optional<Date> ConsentsByEntry::until(const std::string& network_id, Date on) const {
  auto it = by_entry_.find(network_id);
  if (it == by_entry_.end()) return std::nullopt;
  std::optional<Date> latest;
  for (const auto& c : it->second) {
    const auto state = domain::consent_state(c, on);
    if (state == domain::ConsentState::kValid) return c.until;
    if (state == domain::ConsentState::kExpired &&
        (!latest || std::chrono::sys_days{*c.until} > std::chrono::sys_days{*latest}))
      latest = c.until;
  }
  return latest;
}

}  // namespace ombud::services::internal
