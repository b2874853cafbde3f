// src/store/client_keys.cpp
#include "store/client_keys.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<ClientKeyRecord> kClientKeys("client_keys",
                                         {
                                             column<&ClientKeyRecord::client_id>("client_id", Written::kOnInsert),
                                             column<&ClientKeyRecord::key_version>("key_version", Written::kOnInsert),
                                             column<&ClientKeyRecord::kek_version>("kek_version"),
                                             column<&ClientKeyRecord::wrapped>("wrapped"),
                                         });
}  // namespace

Status insert_client_key(soci::session& sql, const ClientKeyRecord& k) {
  return guarded("client_keys.insert", [&]() -> Status {
    kClientKeys.insert_row(sql, k);
    return {};
  });
}

Result<std::optional<ClientKeyRecord>> find_client_key(soci::session& sql, const std::string& client_id) {
  return guarded("client_keys.find", [&]() -> Result<std::optional<ClientKeyRecord>> {
    return kClientKeys.select_one(sql, " WHERE client_id = :c", client_id);
  });
}

Result<std::vector<ClientKeyRecord>> client_keys_not_at(soci::session& sql, int kek_version, int limit) {
  return guarded("client_keys.not_at", [&]() -> Result<std::vector<ClientKeyRecord>> {
    return kClientKeys.select_rows(sql, " WHERE kek_version <> :v ORDER BY client_id LIMIT :l", kek_version, limit);
  });
}

Status update_client_key_wrap(soci::session& sql, const std::string& client_id, int kek_version,
                              const std::string& wrapped) {
  return guarded("client_keys.update_wrap", [&]() -> Status {
    ClientKeyRecord k{client_id, 0, kek_version, wrapped};
    soci::statement st(sql);
    kClientKeys.use_updated(st, k);
    st.exchange(soci::use(client_id));
    prepare_bound(st, kClientKeys.update() + " WHERE client_id = :c");
    st.execute(true);
    return {};
  });
}

Result<std::vector<std::pair<int, long long>>> count_client_keys_by_kek(soci::session& sql) {
  return guarded("client_keys.count", [&]() -> Result<std::vector<std::pair<int, long long>>> {
    std::pair<int, long long> row;
    soci::statement st = (sql.prepare << "SELECT kek_version, COUNT(*) FROM client_keys GROUP BY kek_version "
                                         "ORDER BY kek_version",
                          soci::into(row.first), soci::into(row.second));
    std::vector<std::pair<int, long long>> out;
    collect(st, out, row);
    return out;
  });
}

}  // namespace ombud::store
