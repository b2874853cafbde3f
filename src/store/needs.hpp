// src/store/needs.hpp
//
// The needs table: the needs mapping (kartläggning) of a client, one row per life area the ombud
// and the client have talked about.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct NeedRow {
  std::string client_id;
  std::string area;
  std::optional<std::string> words_ct;
  bool wants_help = false;
  std::optional<std::string> stat_id;
  long long updated_by = 0;
  UnixSeconds updated_at = 0;
  int version = 1;
};

Result<std::vector<NeedRow>> list_needs(soci::session& sql, const std::string& client_id);
Status insert_need(soci::session& sql, const NeedRow& row);
/// Writes the row at the next version if it is still at `row.version`; false when someone changed
/// it first.
Result<bool> update_need(soci::session& sql, const NeedRow& row);

}  // namespace ombud::store
