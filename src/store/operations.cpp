// src/store/operations.cpp
#include "store/operations.hpp"

#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op) {
  return guarded("operations.insert", [&]() -> Result<long long> {
    long long id = 0;
    long long created = op.created_at;
    sql << "INSERT INTO operations(name, time_zone, created_at) VALUES(:n, :tz, :c) RETURNING id", soci::use(op.name),
        soci::use(op.time_zone), soci::use(created), soci::into(id);
    return id;
  });
}

Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id) {
  return guarded("operations.find", [&]() -> Result<std::optional<OperationRecord>> {
    OperationRecord op;
    long long created = 0;
    sql << "SELECT id, name, time_zone, created_at FROM operations WHERE id = :id", soci::use(id), soci::into(op.id),
        soci::into(op.name), soci::into(op.time_zone), soci::into(created);
    if (!sql.got_data()) return std::optional<OperationRecord>();
    op.created_at = created;
    return std::optional<OperationRecord>(op);
  });
}

Result<std::vector<OperationRecord>> list_operations(soci::session& sql) {
  return guarded("operations.list", [&]() -> Result<std::vector<OperationRecord>> {
    OperationRecord op;
    long long created = 0;
    soci::statement st = (sql.prepare << "SELECT id, name, time_zone, created_at FROM operations ORDER BY id",
                          soci::into(op.id), soci::into(op.name), soci::into(op.time_zone), soci::into(created));
    std::vector<OperationRecord> out;
    if (st.execute(true)) {
      do {
        op.created_at = created;
        out.push_back(op);
      } while (st.fetch());
    }
    return out;
  });
}

Result<long long> insert_municipality(soci::session& sql, const MunicipalityRecord& m) {
  return guarded("municipalities.insert", [&]() -> Result<long long> {
    long long id = 0;
    sql << "INSERT INTO municipalities(operation_id, code, name) VALUES(:o, :c, :n) RETURNING id",
        soci::use(m.operation_id), soci::use(m.code), soci::use(m.name), soci::into(id);
    return id;
  });
}

namespace {
struct ListMunicipalities : CachedStatement {
  long long operation_id = 0;
  MunicipalityRecord m;
  explicit ListMunicipalities(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(m.id));
    st.exchange(soci::into(m.operation_id));
    st.exchange(soci::into(m.code));
    st.exchange(soci::into(m.name));
    st.exchange(soci::use(operation_id));
    prepare("SELECT id, operation_id, code, name FROM municipalities WHERE operation_id = :o ORDER BY name");
  }
};
}  // namespace

Result<std::vector<MunicipalityRecord>> list_municipalities(soci::session& sql, long long operation_id) {
  return guarded("municipalities.list", [&]() -> Result<std::vector<MunicipalityRecord>> {
    auto q = StatementCache::get<ListMunicipalities>(sql);
    q->operation_id = operation_id;
    std::vector<MunicipalityRecord> out;
    if (q->st.execute(true)) {
      do {
        out.push_back(q->m);
      } while (q->st.fetch());
    }
    return out;
  });
}

Status insert_kek_check(soci::session& sql, int version, const std::string& check, UnixSeconds now) {
  return guarded("kek_checks.insert", [&]() -> Status {
    long long t = now;
    sql << "INSERT INTO kek_checks(version, check_value, created_at) VALUES(:v, :c, :t)", soci::use(version),
        soci::use(check), soci::use(t);
    return {};
  });
}

Result<std::vector<KekCheck>> list_kek_checks(soci::session& sql) {
  return guarded("kek_checks.list", [&]() -> Result<std::vector<KekCheck>> {
    KekCheck k;
    soci::statement st = (sql.prepare << "SELECT version, check_value FROM kek_checks ORDER BY version",
                          soci::into(k.version), soci::into(k.check_value));
    std::vector<KekCheck> out;
    if (st.execute(true)) {
      do {
        out.push_back(k);
      } while (st.fetch());
    }
    return out;
  });
}

Status insert_client_key(soci::session& sql, const ClientKeyRecord& k) {
  return guarded("client_keys.insert", [&]() -> Status {
    sql << "INSERT INTO client_keys(client_id, key_version, kek_version, wrapped) VALUES(:c, :k, :e, :w)",
        soci::use(k.client_id), soci::use(k.key_version), soci::use(k.kek_version), soci::use(k.wrapped);
    return {};
  });
}

Result<std::optional<ClientKeyRecord>> find_client_key(soci::session& sql, const std::string& client_id) {
  return guarded("client_keys.find", [&]() -> Result<std::optional<ClientKeyRecord>> {
    ClientKeyRecord k;
    sql << "SELECT client_id, key_version, kek_version, wrapped FROM client_keys WHERE client_id = :c",
        soci::use(client_id), soci::into(k.client_id), soci::into(k.key_version), soci::into(k.kek_version),
        soci::into(k.wrapped);
    if (!sql.got_data()) return std::optional<ClientKeyRecord>();
    return std::optional<ClientKeyRecord>(k);
  });
}

Result<std::vector<ClientKeyRecord>> client_keys_not_at(soci::session& sql, int kek_version, int limit) {
  return guarded("client_keys.not_at", [&]() -> Result<std::vector<ClientKeyRecord>> {
    ClientKeyRecord k;
    soci::statement st = (sql.prepare << "SELECT client_id, key_version, kek_version, wrapped FROM client_keys "
                                         "WHERE kek_version <> :v ORDER BY client_id LIMIT :l",
                          soci::use(kek_version), soci::use(limit), soci::into(k.client_id), soci::into(k.key_version),
                          soci::into(k.kek_version), soci::into(k.wrapped));
    std::vector<ClientKeyRecord> out;
    if (st.execute(true)) {
      do {
        out.push_back(k);
      } while (st.fetch());
    }
    return out;
  });
}

Status update_client_key_wrap(soci::session& sql, const std::string& client_id, int kek_version,
                              const std::string& wrapped) {
  return guarded("client_keys.update_wrap", [&]() -> Status {
    sql << "UPDATE client_keys SET kek_version = :v, wrapped = :w WHERE client_id = :c", soci::use(kek_version),
        soci::use(wrapped), soci::use(client_id);
    return {};
  });
}

Result<std::vector<std::pair<int, long long>>> count_client_keys_by_kek(soci::session& sql) {
  return guarded("client_keys.count", [&]() -> Result<std::vector<std::pair<int, long long>>> {
    int v = 0;
    long long n = 0;
    soci::statement st = (sql.prepare << "SELECT kek_version, COUNT(*) FROM client_keys GROUP BY kek_version "
                                         "ORDER BY kek_version",
                          soci::into(v), soci::into(n));
    std::vector<std::pair<int, long long>> out;
    if (st.execute(true)) {
      do {
        out.emplace_back(v, n);
      } while (st.fetch());
    }
    return out;
  });
}

}  // namespace ombud::store
