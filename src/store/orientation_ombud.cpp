// src/store/orientation_ombud.cpp
#include "store/orientation_ombud.hpp"

#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

Status set_orientation_ombud(soci::session& sql, const std::string& client_id, const std::vector<long long>& users) {
  return guarded("orientation_ombud.set", [&]() -> Status {
    sql << "DELETE FROM orientation_ombud WHERE client_id = :c", soci::use(client_id);
    for (long long u : users) {
      sql << "INSERT INTO orientation_ombud(client_id, user_id) VALUES(:c, :u)", soci::use(client_id), soci::use(u);
    }
    return {};
  });
}

namespace {
struct OrientationOmbud : CachedStatement {
  std::string client_id;
  long long user = 0;
  explicit OrientationOmbud(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(user));
    st.exchange(soci::use(client_id));
    prepare("SELECT user_id FROM orientation_ombud WHERE client_id = :c ORDER BY user_id");
  }
};
}  // namespace

Result<std::vector<long long>> orientation_ombud(soci::session& sql, const std::string& client_id) {
  return guarded("orientation_ombud.list", [&]() -> Result<std::vector<long long>> {
    auto q = StatementCache::get<OrientationOmbud>(sql);
    q->client_id = client_id;
    std::vector<long long> out;
    if (q->st.execute(true)) {
      do {
        out.push_back(q->user);
      } while (q->st.fetch());
    }
    return out;
  });
}

Result<std::vector<std::pair<std::string, long long>>> all_orientation_ombud(soci::session& sql,
                                                                             long long operation_id) {
  return guarded("orientation_ombud.all", [&]() -> Result<std::vector<std::pair<std::string, long long>>> {
    std::string c;
    long long u = 0;
    soci::statement st = (sql.prepare << "SELECT o.client_id, o.user_id FROM orientation_ombud o "
                                         "JOIN clients c ON c.id = o.client_id WHERE c.operation_id = :op",
                          soci::use(operation_id), soci::into(c), soci::into(u));
    std::vector<std::pair<std::string, long long>> out;
    if (st.execute(true)) {
      do {
        out.emplace_back(c, u);
      } while (st.fetch());
    }
    return out;
  });
}

}  // namespace ombud::store
