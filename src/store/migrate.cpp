// src/store/migrate.cpp
#include "store/migrate.hpp"

#include <algorithm>
#include <map>

#include "core/embedded.hpp"
#include "core/time.hpp"
#include "crypto/secret.hpp"

namespace ombud::store {

namespace {

const char* engine_dir(Engine engine) {
  return engine == Engine::kSqlite ? "migrations/sqlite/" : "migrations/postgres/";
}

void ensure_table(Database& db) {
  auto conn = db.acquire();
  conn.sql() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
                "applied_at BIGINT NOT NULL)";
}

}  // namespace

std::vector<Migration> known_migrations(Engine engine) {
  std::vector<Migration> out;
  std::string prefix = engine_dir(engine);
  for (const auto& f : core::embedded_files()) {
    if (f.path.rfind(prefix, 0) != 0 || !f.path.ends_with(".sql")) continue;
    std::string file(f.path.substr(prefix.size()));
    Migration m;
    m.version = std::stoi(file.substr(0, 4));
    m.name = file.substr(5, file.size() - 5 - 4);
    m.sql = std::string(f.data);
    m.checksum = crypto::hash_hex(m.sql);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  return out;
}

Result<MigrationState> migration_state(Database& db) {
  return guarded("migrations.state", [&]() -> Result<MigrationState> {
    ensure_table(db);
    std::map<int, std::string> applied;
    {
      auto conn = db.acquire();
      int version = 0;
      std::string checksum;
      soci::statement st = (conn.sql().prepare << "SELECT version, checksum FROM schema_migrations",
                            soci::into(version), soci::into(checksum));
      st.execute();
      while (st.fetch())
        applied[version] = checksum;
    }
    MigrationState state;
    auto known = known_migrations(db.engine());
    state.latest = known.empty() ? 0 : known.back().version;
    state.current = applied.empty() ? 0 : applied.rbegin()->first;
    if (state.current > state.latest) {
      return fail(Error::internal("the database schema (version " + std::to_string(state.current) +
                                  ") is newer than this ombud (version " + std::to_string(state.latest) +
                                  "); upgrade ombud, do not downgrade the database"));
    }
    for (const auto& m : known) {
      auto it = applied.find(m.version);
      if (it == applied.end()) {
        state.pending.push_back(m);
      } else if (it->second != m.checksum) {
        return fail(Error::internal("migration " + std::to_string(m.version) + " (" + m.name +
                                    ") differs from the one applied to this database"));
      }
    }
    return state;
  });
}

Result<std::vector<int>> migrate(Database& db) {
  auto state = OMBUD_TRY(migration_state(db));
  std::vector<int> done;
  for (const auto& m : state.pending) {
    auto tx = OMBUD_TRY(Tx::begin(db, Tx::Mode::kWrite));
    auto applied = guarded("migrations.apply", [&]() -> Status {
      Database::exec_script(tx->sql(), db.engine(), m.sql);
      long long now = SystemClock().now();
      tx->sql() << "INSERT INTO schema_migrations(version, name, checksum, applied_at) "
                   "VALUES(:v, :n, :c, :t)",
          soci::use(m.version), soci::use(m.name), soci::use(m.checksum), soci::use(now);
      return {};
    });
    if (!applied) {
      applied.error().detail = "migration " + std::to_string(m.version) + " (" + m.name +
                               ") failed and was rolled back: " + applied.error().detail;
      return fail(applied.error());
    }
    OMBUD_CHECK(tx->commit());
    done.push_back(m.version);
  }
  return done;
}

Status require_current_schema(Database& db) {
  auto state = OMBUD_TRY(migration_state(db));
  if (!state.pending.empty()) {
    return fail(Error::internal("the database schema is at version " + std::to_string(state.current) +
                                ", this ombud needs " + std::to_string(state.latest) + "; run: ombud migrate"));
  }
  return {};
}

}  // namespace ombud::store
