// src/services/admin_service.cpp
#include "services/admin_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/keys.hpp"
#include "store/client_keys.hpp"
#include "store/kek_checks.hpp"
#include "store/migrate.hpp"
#include "store/municipalities.hpp"
#include "store/operations.hpp"

namespace ombud::services {

namespace {

std::string client_key_ad(const std::string& client_id, int key_version) {
  return "client_key|" + client_id + "|" + std::to_string(key_version);
}

}  // namespace

Result<long long> create_operation(const Services& s, const AuditSubject& who, const OperationSpec& spec) {
  std::string name(trim(spec.name));
  if (name.empty() || utf8_length(name) > 200 || !is_clean_utf8(name)) {
    return fail(Error::field("name", "operation.name_invalid"));
  }
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  store::OperationRecord op{0, name, spec.time_zone, s.clock.now()};
  long long id = OMBUD_TRY(store::insert_operation(tx->sql(), op));
  for (const auto& [code, mname] : spec.municipalities) {
    bool digits = code.size() == 4 && code.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || code == "0000") return fail(Error::field("municipality", "municipality.code_invalid"));
    if (trim(mname).empty() || !is_clean_utf8(mname))
      return fail(Error::field("municipality", "municipality.code_invalid"));
    OMBUD_TRY(store::insert_municipality(tx->sql(), store::MunicipalityRecord{0, id, code, mname}));
  }
  OMBUD_CHECK(audit(*tx, s, who, AuditEvent{"create", "operation", {}, std::to_string(id), "ok"}));
  OMBUD_CHECK(tx->commit());
  return id;
}

Result<std::vector<OperationSummary>> list_operations(const Services& s) {
  auto conn = s.db.acquire();
  std::vector<OperationSummary> out;
  for (const auto& op : OMBUD_TRY(store::list_operations(conn.sql())))
    out.push_back(OperationSummary{op.id, op.name});
  return out;
}

Status ensure_key_check(const Services& s) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto checks = OMBUD_TRY(store::list_kek_checks(tx->sql()));
  auto version = static_cast<int>(s.keys.current_version());
  if (std::none_of(checks.begin(), checks.end(), [&](const auto& c) { return c.version == version; })) {
    OMBUD_CHECK(store::insert_kek_check(tx->sql(), version, s.keys.make_check(static_cast<std::uint32_t>(version)),
                                        s.clock.now()));
  }
  return tx->commit();
}

Status check_key_file(const Services& s) {
  auto conn = s.db.acquire();
  auto checks = OMBUD_TRY(store::list_kek_checks(conn.sql()));
  if (checks.empty()) return fail(Error::internal("the database records no key check; run: ombud init"));
  auto versions = s.keys.versions();
  bool current_checked = false;
  for (const auto& c : checks) {
    bool have = std::find(versions.begin(), versions.end(), static_cast<std::uint32_t>(c.version)) != versions.end();
    if (!have) continue;  // A retired version; its keys must be gone (checked below).
    if (!s.keys.verify_check(static_cast<std::uint32_t>(c.version), c.check_value)) {
      return fail(Error::internal("key version " + std::to_string(c.version) +
                                  " in the key file does not belong to this database"));
    }
    if (static_cast<std::uint32_t>(c.version) == s.keys.current_version()) current_checked = true;
  }
  if (!current_checked) {
    return fail(Error::internal("the key file's current key was never registered with this database"));
  }
  auto counts = OMBUD_TRY(store::count_client_keys_by_kek(conn.sql()));
  for (const auto& [version, n] : counts) {
    if (std::find(versions.begin(), versions.end(), static_cast<std::uint32_t>(version)) == versions.end()) {
      return fail(Error::internal(std::to_string(n) + " client keys are wrapped by key version " +
                                  std::to_string(version) + ", which the key file lacks"));
    }
  }
  return {};
}

VerifyReport verify_all(const Services& s) {
  VerifyReport r;
  // 1. Database integrity.
  try {
    auto conn = s.db.acquire();
    if (s.db.engine() == store::Engine::kSqlite) {
      std::string result;
      conn.sql() << "PRAGMA integrity_check", soci::into(result);
      if (result == "ok") {
        r.ok.push_back("database integrity: ok");
      } else {
        r.problems.push_back("database integrity: " + result);
      }
      long long fk_problems = 0;
      conn.sql() << "SELECT COUNT(*) FROM pragma_foreign_key_check", soci::into(fk_problems);
      if (fk_problems == 0) {
        r.ok.push_back("foreign keys: ok");
      } else {
        r.problems.push_back("foreign keys: " + std::to_string(fk_problems) + " broken references");
      }
    } else {
      int one = 0;
      conn.sql() << "SELECT 1", soci::into(one);
      r.ok.push_back("database connection: ok (PostgreSQL checks its own pages)");
    }
  } catch (const std::exception& e) {
    r.problems.push_back(std::string("database integrity: ") + store::database_error(e, "verify").detail);
  }
  // 2. Migrations.
  if (auto state = store::migration_state(s.db); !state) {
    r.problems.push_back("migrations: " + state.error().detail);
  } else if (!state->pending.empty()) {
    r.problems.push_back("migrations: schema at " + std::to_string(state->current) + ", latest is " +
                         std::to_string(state->latest) + "; run: ombud migrate");
  } else {
    r.ok.push_back("migrations: at version " + std::to_string(state->current) + " (latest)");
  }
  // 3. Key file.
  if (auto k = check_key_file(s); !k) {
    r.problems.push_back("key file: " + k.error().detail);
  } else {
    r.ok.push_back("key file: ok (current version " + std::to_string(s.keys.current_version()) + ")");
  }
  // 4. Audit chain.
  if (auto a = verify_audit(s); !a) {
    r.problems.push_back("audit log: " + a.error().detail);
  } else if (a->first_bad_seq) {
    r.problems.push_back("audit log: entry " + std::to_string(*a->first_bad_seq) + ": " + a->problem);
  } else {
    r.ok.push_back("audit log: " + std::to_string(a->entries) + " entries, chain intact");
  }
  return r;
}

Result<std::uint32_t> rotate_key_encryption_key(const Services& s, const AuditSubject& who) {
  OMBUD_CHECK(check_key_file(s));
  auto version = OMBUD_TRY(crypto::KeyRing::add_version(s.keys.path()));
  s.keys.refresh();
  OMBUD_CHECK(ensure_key_check(s));
  // Re-wrap in small batches, each its own transaction, until no key uses an older version.
  // Keys that another instance wraps meanwhile with an older version are caught by the next pass.
  while (true) {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
    auto batch = OMBUD_TRY(store::client_keys_not_at(tx->sql(), static_cast<int>(version), 200));
    if (batch.empty()) break;
    for (const auto& k : batch) {
      std::string ad = client_key_ad(k.client_id, k.key_version);
      auto key = OMBUD_TRY(s.keys.unwrap(static_cast<std::uint32_t>(k.kek_version), k.wrapped, ad));
      auto w = s.keys.wrap(key.view(), ad);
      OMBUD_CHECK(store::update_client_key_wrap(tx->sql(), k.client_id, static_cast<int>(w.kek_version), w.sealed));
    }
    OMBUD_CHECK(tx->commit());
  }
  // A server that read the old file just before the new version was added may still wrap a new
  // client's key with the old version; retire only when none is left, after a last pass.
  for (int pass = 0;; ++pass) {
    std::vector<std::pair<int, long long>> counts;
    {
      auto conn = s.db.acquire();
      counts = OMBUD_TRY(store::count_client_keys_by_kek(conn.sql()));
    }
    bool old_left = std::any_of(counts.begin(), counts.end(),
                                [&](const auto& c) { return static_cast<std::uint32_t>(c.first) != version; });
    if (!old_left) break;
    if (pass >= 10) return fail(Error::internal("keys are still being wrapped with the old version; run again"));
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
    for (const auto& k : OMBUD_TRY(store::client_keys_not_at(tx->sql(), static_cast<int>(version), 1000))) {
      std::string ad = client_key_ad(k.client_id, k.key_version);
      auto key = OMBUD_TRY(s.keys.unwrap(static_cast<std::uint32_t>(k.kek_version), k.wrapped, ad));
      auto w = s.keys.wrap(key.view(), ad);
      OMBUD_CHECK(store::update_client_key_wrap(tx->sql(), k.client_id, static_cast<int>(w.kek_version), w.sealed));
    }
    OMBUD_CHECK(tx->commit());
  }
  OMBUD_CHECK(crypto::KeyRing::retire_versions_except(s.keys.path(), version));
  s.keys.refresh();
  OMBUD_CHECK(audit_now(s, who, AuditEvent{"rotate_key", "key_file", {}, std::to_string(version), "ok"}));
  return version;
}

Result<crypto::DataKey> create_client_key(const Services& s, store::Tx& tx, const std::string& client_id) {
  crypto::DataKey key = crypto::DataKey::random();
  const int key_version = 1;
  auto w = s.keys.wrap(key.view(), client_key_ad(client_id, key_version));
  OMBUD_CHECK(store::insert_client_key(
      tx.sql(), store::ClientKeyRecord{client_id, key_version, static_cast<int>(w.kek_version), w.sealed}));
  if (s.key_cache != nullptr) s.key_cache->put(client_id, w.sealed, key);
  return key;
}

Result<crypto::DataKey> unwrap_client_key(const Services& s, const std::string& client_id, int key_version,
                                          int kek_version, const std::string& wrapped) {
  if (s.key_cache != nullptr) {
    if (auto cached = s.key_cache->get(client_id, wrapped)) return std::move(*cached);
  }
  auto key =
      OMBUD_TRY(s.keys.unwrap(static_cast<std::uint32_t>(kek_version), wrapped, client_key_ad(client_id, key_version)));
  if (s.key_cache != nullptr) s.key_cache->put(client_id, wrapped, key);
  return key;
}

}  // namespace ombud::services
