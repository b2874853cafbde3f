// src/store/operation_configs.hpp
//
// The operation_configs table: the operation's rules as JSON, one row per version; the highest
// version applies.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct ConfigRow {
  int version = 0;
  UnixSeconds created_at = 0;
  std::optional<long long> created_by;
  std::string config;  // JSON
  long long operation_id = 0;
};
Status insert_config(soci::session& sql, long long operation_id, const ConfigRow& row);
Result<std::optional<ConfigRow>> latest_config(soci::session& sql, long long operation_id);
/// Newest first.
Result<std::vector<ConfigRow>> config_history(soci::session& sql, long long operation_id, int limit);

}  // namespace ombud::store
