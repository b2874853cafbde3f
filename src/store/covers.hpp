// src/store/covers.hpp
//
// The covers table: grants that let an ombud cover for a client's primary ombud (vikariat).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct CoverRow {
  std::string id;
  std::string client_id;
  long long ombud_id = 0;
  std::string reason_ct;
  std::string starts_on;
  std::string ends_on;
  std::optional<std::string> ended_on;
  long long created_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

/// The client's grants, newest first.
Result<std::vector<CoverRow>> list_covers(soci::session& sql, const std::string& client_id);
Result<std::optional<CoverRow>> find_cover(soci::session& sql, const std::string& client_id, const std::string& id);
Status insert_cover(soci::session& sql, const CoverRow& row);
/// Writes at the next version if still at `row.version`; false when someone changed it first.
Result<bool> update_cover(soci::session& sql, const CoverRow& row);

/// Who covers for the client's primary ombud on `on` (YYYY-MM-DD), with the last day of their
/// grant: the grants in force.
struct CoveringOmbud {
  long long ombud_id = 0;
  std::string ends_on;
};
Result<std::vector<CoveringOmbud>> covering_ombud(soci::session& sql, const std::string& client_id,
                                                  const std::string& on);

}  // namespace ombud::store
