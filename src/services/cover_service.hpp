// src/services/cover_service.hpp
//
// Covering for a colleague (vikariat): the samordnare lets an ombud stand in for a client's
// primary ombud, with a reason and a last day. The grant ends by itself after that day or when
// the samordnare ends it; while it holds, the access policy lets the covering ombud read the case
// and its work records, and every such access is marked in the audit log. Granting is the
// samordnare's (CaseNeed::kAssign), who still does not read the work records. The reason is
// sealed with the client's key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct CoverView {
  std::string id;
  long long ombud_id = 0;
  std::string ombud_name;
  std::string reason;
  Date starts_on;
  Date ends_on;
  std::optional<Date> ended_on;
  bool in_force = false;  // today
  int version = 1;
};

struct CoverInput {
  std::string ombud;  // the covering ombud's user id
  std::string reason;
  std::string ends_on;  // YYYY-MM-DD, the last day
};

/// The client's grants, newest first.
Result<std::vector<CoverView>> covers(const Services& s, const Actor& actor, const std::string& client_id);
/// Refused: an ombud who is not an active ombud of the operation ("ombud": "cover.ombud_unknown"),
/// the primary ombud ("cover.is_primary"), one who already covers ("cover.exists"), no reason, a
/// last day already past or too far ahead (domain::validate_cover); an assignment that is not
/// running ("cover.case_not_running").
Result<CoverView> grant_cover(const Services& s, const Actor& actor, const std::string& client_id,
                              const CoverInput& input);
/// Ends the grant today; a stale version is refused ("cover.changed"), an ended one stays ended
/// ("cover.already_ended").
Result<CoverView> end_cover(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& cover_id, int version);

}  // namespace ombud::services
