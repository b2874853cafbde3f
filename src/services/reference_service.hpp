// src/services/reference_service.hpp
//
// The operation's reference data that pages and use cases look up: staff names, the ombud who can
// be booked or assigned, the member municipalities, and today's date.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// Display names of the operation's users by id (staff names, for showing who is booked).
Result<std::map<long long, std::string>> staff_names(const Services& s, const Actor& actor);
/// One user's display name, or "" when there is none (no id, or not of the actor's operation).
Result<std::string> staff_name(const Services& s, const Actor& actor, std::optional<long long> user_id);

/// The ombud of the actor's operation who can be booked or assigned (active users, role ombud).
Result<std::vector<std::pair<long long, std::string>>> ombud_choices(const Services& s, const Actor& actor);

/// Who can receive a person's own wish: the active users who take contacts (ombud, samordnare).
Result<std::vector<std::pair<long long, std::string>>> receiver_choices(const Services& s, const Actor& actor);

/// The operation's member municipalities as (code, name).
Result<std::vector<std::pair<std::string, std::string>>> municipalities(const Services& s, long long operation_id);

/// Today in the operation's time zone.
Date today(const Services& s);

}  // namespace ombud::services
