// src/services/assignment_service.hpp
//
// The assignment (domain.md (d)): the samordnare assigns or reassigns the primary ombud, and the
// case is paused, resumed or withdrawn.
#pragma once

#include <string>

#include "services/client_service.hpp"

namespace ombud::services {

struct AssignInput {
  int version = 0;
  std::string ombud;  // user id
  std::string date;
  std::string reason;  // a reassignment reason code; required when the client already has an ombud
  // A first assignment of someone who is not first in the queue: why (domain::kBypassReasons).
  std::string bypass_reason;
};

struct StatusInput {
  int version = 0;
  std::string action;  // "vilande", "aterupptag", "avstar"
  std::string date;
  // For "avstar", which cannot be undone: why (domain::kWithdrawReasons), and that the person
  // handling it confirmed it.
  std::string reason;
  bool confirmed = false;
};

/// A first assignment records the client's place in the queue; past anyone who waited longer it
/// needs a reason ("assignment.bypass_reason_required"). The place is read from the queue just
/// before the change, as the samordnare saw it.
Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssignInput& input);

/// The queue's own history: the assignments from the queue since `since`, newest first.
struct QueueAssignment {
  std::string client_code;
  Date on;
  int place = 0;
  std::optional<domain::BypassReason> bypass_reason;
  long long ombud_id = 0;
};
Result<std::vector<QueueAssignment>> queue_history(const Services& s, const Actor& actor, Date since);

Result<ClientView> change_status(const Services& s, const Actor& actor, const std::string& client_id,
                                 const StatusInput& input);

}  // namespace ombud::services
