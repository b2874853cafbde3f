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
    KekCheck row{version, check, now};
    soci::statement st(sql);
    kKekChecks.use_inserted(st, row);
    prepare_bound(st, kKekChecks.insert());
    st.execute(true);
    return {};
  });
}

Result<std::vector<KekCheck>> list_kek_checks(soci::session& sql) {
  return guarded("kek_checks.list", [&]() -> Result<std::vector<KekCheck>> {
    KekCheck row;
    soci::statement st(sql);
    kKekChecks.into(st, row);
    prepare_bound(st, kKekChecks.select() + " ORDER BY version");
    std::vector<KekCheck> out;
    collect(st, out, row);
    return out;
  });
}

}  // namespace ombud::store
