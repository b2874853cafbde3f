// src/services/internal/network.hpp
//
// What the network map, the consents and the contact log share: a stored consent's terms as the
// domain reads them, and the consents of a client by whom in the network they are for, so that
// each page says where a consent is missing or has expired.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/network.hpp"
#include "store/consents.hpp"

namespace ombud::services::internal {

/// The sealed column of a network entry's name, which the map, the consents and the log all open.
inline constexpr std::string_view kNetworkNameColumn = "network_entries.name_ct";

/// The terms of a stored consent (its matter stays sealed: the terms do not need it).
domain::Consent consent_terms(const store::ConsentRow& row);

/// The client's consents by network entry id.
class ConsentsByEntry {
 public:
  explicit ConsentsByEntry(const std::vector<store::ConsentRow>& rows);
  /// Where the consents for `network_id` leave the ombud on `on`.
  domain::ConsentStanding standing(const std::string& network_id, Date on) const;
  /// The last day of the consent valid on `on`, or else of the one that expired last (a revoked
  /// one has no say); none when the valid one is open-ended.
  std::optional<Date> until(const std::string& network_id, Date on) const;

 private:
  std::map<std::string, std::vector<domain::Consent>> by_entry_;
};

}  // namespace ombud::services::internal
