// src/store/orientation_ombud.hpp
//
// The orientation_ombud table: the ombud booked on a client's orientation visit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

Status set_orientation_ombud(soci::session& sql, const std::string& client_id, const std::vector<long long>& users);
Result<std::vector<long long>> orientation_ombud(soci::session& sql, const std::string& client_id);
/// Every booking of an operation's cases as (client id, user id).
Result<std::vector<std::pair<std::string, long long>>> all_orientation_ombud(soci::session& sql,
                                                                             long long operation_id);

}  // namespace ombud::store
