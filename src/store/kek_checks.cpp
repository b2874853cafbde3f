// src/store/kek_checks.cpp
#include "store/kek_checks.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<KekCheck> kKekChecks("kek_checks", {
                                                   column<&KekCheck::version>("version", Written::kOnInsert),
                                                   column<&KekCheck::check_value>("check_value", Written::kOnInsert),
                                                   column<&KekCheck::created_at>("created_at", Written::kOnInsert),
                                               });
}  // namespace

Status insert_kek_check(soci::session& sql, int version, const std::string& check, UnixSeconds now) {
  return guarded("kek_checks.insert", [&]() -> Status {
    kKekChecks.insert_row(sql, KekCheck{version, check, now});
    return {};
  });
}

Result<std::vector<KekCheck>> list_kek_checks(soci::session& sql) {
  return guarded("kek_checks.list",
                 [&]() -> Result<std::vector<KekCheck>> { return kKekChecks.select_rows(sql, " ORDER BY version"); });
}

}  // namespace ombud::store
