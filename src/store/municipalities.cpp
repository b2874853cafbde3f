// src/store/municipalities.cpp
#include "store/municipalities.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<MunicipalityRecord> kMunicipalities("municipalities",
                                                {
                                                    column<&MunicipalityRecord::id>("id", Written::kNever),
                                                    column<&MunicipalityRecord::operation_id>("operation_id",
                                                                                              Written::kOnInsert),
                                                    column<&MunicipalityRecord::code>("code", Written::kOnInsert),
                                                    column<&MunicipalityRecord::name>("name"),
                                                });

struct ListMunicipalities {};
}  // namespace

Result<long long> insert_municipality(soci::session& sql, const MunicipalityRecord& m) {
  return guarded("municipalities.insert",
                 [&]() -> Result<long long> { return kMunicipalities.insert_returning_id(sql, m); });
}

Result<std::vector<MunicipalityRecord>> list_municipalities(soci::session& sql, long long operation_id) {
  return guarded("municipalities.list", [&]() -> Result<std::vector<MunicipalityRecord>> {
    return cached_rows<ListMunicipalities>(sql, kMunicipalities, "", " WHERE operation_id = :o ORDER BY name",
                                           operation_id);
  });
}

}  // namespace ombud::store
