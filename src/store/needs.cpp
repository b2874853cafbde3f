// src/store/needs.cpp
#include "store/needs.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
using R = NeedRow;
const Table<R> kNeeds("needs", {
                                   column<&R::client_id>("client_id", Written::kOnInsert),
                                   column<&R::area>("area", Written::kOnInsert),
                                   column<&R::words_ct>("words_ct"),
                                   column<&R::wants_help>("wants_help"),
                                   column<&R::stat_id>("stat_id"),
                                   column<&R::updated_by>("updated_by"),
                                   column<&R::updated_at>("updated_at"),
                                   column<&R::version>("version", Written::kOnInsert),
                               });
}  // namespace

Result<std::vector<NeedRow>> list_needs(soci::session& sql, const std::string& client_id) {
  return guarded("needs.list", [&]() -> Result<std::vector<NeedRow>> {
    return kNeeds.select_rows(sql, " WHERE client_id = :c", client_id);
  });
}

Status insert_need(soci::session& sql, const NeedRow& row) {
  return guarded("needs.insert", [&]() -> Status {
    kNeeds.insert_row(sql, row);
    return {};
  });
}

Result<bool> update_need(soci::session& sql, const NeedRow& row) {
  return guarded("needs.update", [&]() -> Result<bool> {
    return kNeeds.update_row(sql, row, ", version = version + 1 WHERE client_id = :c AND area = :a AND version = :v",
                             row.client_id, row.area, row.version) == 1;
  });
}

}  // namespace ombud::store
