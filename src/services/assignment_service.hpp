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
};

struct StatusInput {
  int version = 0;
  std::string action;  // "vilande", "aterupptag", "avstar"
  std::string date;
};

Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssignInput& input);

Result<ClientView> change_status(const Services& s, const Actor& actor, const std::string& client_id,
                                 const StatusInput& input);

}  // namespace ombud::services
