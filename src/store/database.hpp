// src/store/database.hpp
//
// One data-access API over the embedded default (SQLite) and the scale-out engine (PostgreSQL),
// chosen by the connection string (docs/adr/0003-store.md). Repositories take the soci::session of
// an open transaction, so a service composes several of them in one unit of work.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <soci/soci.h>

#include "core/result.hpp"

namespace ombud::store {

enum class Engine { kSqlite, kPostgres };

/// How hard a commit works to survive a power loss. On PostgreSQL, kRelaxed turns off
/// synchronous_commit for the transaction (the server still never corrupts; it may lose the last
/// relaxed commits on a crash).
enum class Durability {
  kFull,     // fsync at commit: every write a user is told succeeded.
  kRelaxed,  // WAL without fsync: survives a killed process, not a power loss. Read-audit entries,
             // session touches and throttling counters, which a later full commit also syncs.
};

class Database {
 public:
  /// url: "postgresql://…" (or "postgres://…") for PostgreSQL; otherwise a SQLite file path,
  /// optionally prefixed "sqlite:". ":memory:" is refused: the pool needs one shared database.
  static Result<std::unique_ptr<Database>> open(const std::string& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return engine_; }
  const std::string& sqlite_path() const { return sqlite_path_; }

  /// A pooled connection, returned to the pool when destroyed.
  class Conn {
   public:
    Conn(Database& db, std::size_t pos);
    ~Conn();
    Conn(Conn&& o) noexcept : db_(o.db_), pos_(o.pos_) { o.db_ = nullptr; }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;
    Conn& operator=(Conn&&) = delete;
    soci::session& sql();

   private:
    Database* db_;
    std::size_t pos_;
  };
  Conn acquire();

  /// Folds the SQLite WAL back into the database without blocking readers or the writer
  /// (PASSIVE); the server calls it on a timer. No-op on PostgreSQL.
  Status checkpoint();

  /// Runs SQL text that may hold several statements (migrations), on the native driver.
  static void exec_script(soci::session& sql, Engine engine, const std::string& script);

  /// Serialises writers on SQLite (one writer per file anyway) so they queue in-process instead of
  /// sleeping in SQLite's busy handler; unused on PostgreSQL.
  std::mutex& write_mutex() { return write_mutex_; }

 private:
  Database() = default;
  Engine engine_ = Engine::kSqlite;
  std::string sqlite_path_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::size_t pool_size_ = 0;
  std::mutex write_mutex_;
  std::string connect_;                                // how the pool's sessions were opened
  std::unique_ptr<soci::session> checkpoint_session_;  // SQLite: the checkpointer's own connection
  std::mutex checkpoint_mutex_;
};

/// A transaction. Reads use kRead (on SQLite a snapshot; on PostgreSQL READ COMMITTED, read
/// only); writes kWrite, which on SQLite takes the write lock up front (BEGIN IMMEDIATE). Rolled
/// back when destroyed uncommitted.
class Tx {
 public:
  enum class Mode { kRead, kWrite };
  static Result<std::unique_ptr<Tx>> begin(Database& db, Mode mode, Durability durability = Durability::kFull);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  soci::session& sql() { return conn_.sql(); }
  Engine engine() const { return db_.engine(); }
  Mode mode() const { return mode_; }
  Status commit();

 private:
  Tx(Database& db, Database::Conn conn, Mode mode, Durability durability);
  Database& db_;
  Database::Conn conn_;
  Mode mode_;
  Durability durability_;
  std::unique_lock<std::mutex> write_lock_;
  bool open_ = true;
};

/// Checks that the database answers (readiness).
Status ping(Database& db);

/// Turns a driver exception into an Error: unique violations become kConflict, everything else
/// kInternal with the driver's message in `detail` for the log. Values never reach the message:
/// personal data is encrypted before it reaches SQL.
Error database_error(const std::exception& e, const char* what);

/// Runs f (returning Result<T>), converting driver exceptions with database_error.
template <typename F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return fail(database_error(e, what));
  }
}

}  // namespace ombud::store
