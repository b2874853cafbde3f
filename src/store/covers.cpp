// src/store/covers.cpp
#include "store/covers.hpp"

#include "store/client_records.hpp"

namespace ombud::store {

namespace {
using R = CoverRow;
const Table<R> kCovers("covers", {
                                     column<&R::id>("id", Written::kOnInsert),
                                     column<&R::client_id>("client_id", Written::kOnInsert),
                                     column<&R::ombud_id>("ombud_id", Written::kOnInsert),
                                     column<&R::reason_ct>("reason_ct", Written::kOnInsert),
                                     column<&R::starts_on>("starts_on", Written::kOnInsert),
                                     column<&R::ends_on>("ends_on"),
                                     column<&R::ended_on>("ended_on"),
                                     column<&R::created_by>("created_by", Written::kOnInsert),
                                     column<&R::created_at>("created_at", Written::kOnInsert),
                                     column<&R::version>("version", Written::kOnInsert),
                                 });
const ClientRecords<R> kRecords("covers", kCovers, "created_at DESC, id");
}  // namespace

Result<std::vector<CoverRow>> list_covers(soci::session& sql, const std::string& client_id) {
  return kRecords.list(sql, client_id);
}

Result<std::optional<CoverRow>> find_cover(soci::session& sql, const std::string& client_id, const std::string& id) {
  return kRecords.find(sql, client_id, id);
}

Status insert_cover(soci::session& sql, const CoverRow& row) {
  return kRecords.insert(sql, row);
}

Result<bool> update_cover(soci::session& sql, const CoverRow& row) {
  return kRecords.update(sql, row);
}

Result<std::vector<CoveringOmbud>> covering_ombud(soci::session& sql, const std::string& client_id,
                                                  const std::string& on) {
  return guarded("covers.covering", [&]() -> Result<std::vector<CoveringOmbud>> {
    std::vector<CoveringOmbud> out;
    CoveringOmbud row;
    soci::statement st = (sql.prepare << "SELECT ombud_id, ends_on FROM covers WHERE client_id = :c AND starts_on <= :a"
                                         " AND ends_on >= :b AND (ended_on IS NULL OR ended_on > :e) ORDER BY ombud_id",
                          soci::use(client_id), soci::use(on), soci::use(on), soci::use(on), soci::into(row.ombud_id),
                          soci::into(row.ends_on));
    st.execute();
    while (st.fetch())
      out.push_back(row);
    return out;
  });
}

}  // namespace ombud::store
