// src/store/database.cpp
#include "store/database.hpp"

#include <cstring>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "core/url.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

// A DSN part as written, with its %XX escapes decoded (kept as it is when they are malformed).
std::string percent_decoded(std::string_view s) {
  return percent_decode(s, false).value_or(std::string(s));
}

// A libpq keyword value, quoted.
std::string pg_value(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// "postgresql://user:pw@host:port/db?sslmode=require" as libpq keywords, which SOCI passes on
// unchanged (it does not understand URIs itself).
Result<std::string> pg_keywords(const std::string& url) {
  std::string_view rest(url);
  rest.remove_prefix(rest.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    dbname = percent_decoded(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  std::string user;
  std::string password;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = cred.find(':');
    user = percent_decoded(cred.substr(0, colon));
    if (colon != std::string_view::npos) password = percent_decoded(cred.substr(colon + 1));
  }
  std::string host(rest);
  std::string port;
  if (!host.empty() && host.front() != '[') {
    if (auto colon = host.rfind(':'); colon != std::string::npos) {
      port = host.substr(colon + 1);
      host = host.substr(0, colon);
    }
  }
  std::string out;
  auto add = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : " ") + k + "=" + pg_value(v);
  };
  add("host", percent_decoded(host));
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", dbname);
  for (std::size_t start = 0; start < query.size();) {
    auto amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (auto eq = pair.find('='); eq != std::string::npos) {
      std::string key = pair.substr(0, eq);
      if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
        return fail(Error::internal("bad parameter in the database URL"));
      }
      add(key, percent_decoded(pair.substr(eq + 1)));
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

void configure_sqlite(soci::session& sql) {
  // WAL lets readers run beside the single writer; STRICT tables are declared per table.
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
  sql << "PRAGMA synchronous=NORMAL";
  // Deleted content is overwritten, so destroyed data does not linger in free pages.
  sql << "PRAGMA secure_delete=ON";
  // Sorts and temporary tables stay in memory, never in temporary files.
  sql << "PRAGMA temp_store=MEMORY";
  // Read pages through a memory map: pages other processes (ombud verify, a backup) changed are
  // read back without system calls, and the page cache stays the kernel's.
  sql << "PRAGMA mmap_size=268435456";
  // The WAL is folded into the database by checkpoint() on a timer, never inside a request.
  sql << "PRAGMA wal_autocheckpoint=0";
  // When the WAL starts over, a file grown past 64 MiB under load is cut back.
  sql << "PRAGMA journal_size_limit=67108864";
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& url, std::size_t pool_size) {
  static std::once_flag registered;
  std::call_once(registered, [] {
    soci::register_factory_sqlite3();
    soci::register_factory_postgresql();
  });
  std::unique_ptr<Database> db(new Database());
  db->pool_size_ = pool_size < 1 ? 1 : pool_size;
  std::string backend;
  std::string connect;
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    db->engine_ = Engine::kPostgres;
    backend = "postgresql";
    connect = OMBUD_TRY(pg_keywords(url));
  } else {
    db->engine_ = Engine::kSqlite;
    std::string path = starts_with(url, "sqlite:") ? url.substr(7) : url;
    if (path.empty() || path == ":memory:") {
      return fail(Error::internal("a SQLite database needs a file path"));
    }
    if (path.find_first_of("\"' ") != std::string::npos) {
      return fail(Error::internal("the SQLite path may not contain spaces or quotes"));
    }
    db->sqlite_path_ = path;
    backend = "sqlite3";
    // One connection serves the whole process (docs/adr/0014-sqlite-one-connection.md): every
    // request writes its audit entry, and with several connections each write would empty the
    // others' page caches. Requests take the connection for single statements or short
    // transactions and do their crypto and rendering without it.
    db->pool_size_ = 1;
    connect = "db=" + path + " timeout=10";
    db->connect_ = connect;
  }
  try {
    db->pool_ = std::make_unique<soci::connection_pool>(db->pool_size_);
    for (std::size_t i = 0; i < db->pool_size_; ++i) {
      soci::session& s = db->pool_->at(i);
      s.open(backend, connect);
      if (db->engine_ == Engine::kSqlite) configure_sqlite(s);
    }
  } catch (const std::exception& e) {
    return fail(database_error(e, "database.open"));
  }
  return db;
}

Database::~Database() {
  // Cached statements belong to their connection and go before it closes.
  if (pool_) {
    for (std::size_t i = 0; i < pool_size_; ++i)
      StatementCache::forget(pool_->at(i));
  }
}

Database::Conn::Conn(Database& db, std::size_t pos) : db_(&db), pos_(pos) {}

Database::Conn::~Conn() {
  if (db_ != nullptr) db_->pool_->give_back(pos_);
}

soci::session& Database::Conn::sql() {
  return db_->pool_->at(pos_);
}

Database::Conn Database::acquire() {
  // A caller that already holds the only connection and asks for another would wait forever;
  // waiting is bounded so such a bug fails one request instead of hanging the server.
  constexpr int kWaitMs = 30'000;
  std::size_t pos = 0;
  if (!pool_->try_lease(pos, kWaitMs)) throw soci::soci_error("timed out waiting for a database connection");
  return Conn(*this, pos);
}

namespace {
// How long the checkpointer's RESTART pass waits for a read on the server's connection to end.
constexpr int kRestartWaitMs = 20;
}  // namespace

Status Database::checkpoint() {
  if (engine_ != Engine::kSqlite) return {};
  return guarded("database.checkpoint", [&]() -> Status {
    // On a connection of its own. A PASSIVE pass first copies what the WAL holds back into the
    // database without waiting for or blocking the server's connection. Under steady writes that
    // pass never reaches the end of the WAL, and the WAL starts over only once a checkpoint has:
    // it grew by the whole load (35 MB/s under the start page, 675 MB in 20 s) and was cut back
    // to journal_size_limit, in one stall of ~150 ms, at the first write after the load. So a
    // RESTART pass follows, copying the few frames written meanwhile; it holds new writes back
    // for those frames and one sync, waits at most kRestartWaitMs for a read (or another
    // process's write) to end, and then lets the next write start the WAL from its beginning.
    std::lock_guard lock(checkpoint_mutex_);
    if (!checkpoint_session_) {
      auto session = std::make_unique<soci::session>("sqlite3", connect_);
      configure_sqlite(*session);
      *session << "PRAGMA busy_timeout=" + std::to_string(kRestartWaitMs);
      checkpoint_session_ = std::move(session);
    }
    int busy = 0;
    int log = 0;
    int done = 0;
    *checkpoint_session_ << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log), soci::into(done);
    if (log > 0) {
      // Holding the process's write mutex, so no write of this process slips in between the
      // passes (under back-to-back writes SQLite's own wait would seldom win).
      std::lock_guard writers(write_mutex_);
      *checkpoint_session_ << "PRAGMA wal_checkpoint(RESTART)", soci::into(busy), soci::into(log), soci::into(done);
    }
    return {};
  });
}

void Database::exec_script(soci::session& sql, Engine engine, const std::string& script) {
  if (engine == Engine::kSqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* err = nullptr;
    int rc = sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &err);
    if (rc != 0) {
      std::string msg = err != nullptr ? err : "sqlite3_exec failed";
      sqlite_api::sqlite3_free(err);
      throw soci::soci_error(msg);
    }
  } else {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGresult* res = PQexec(backend->conn_, script.c_str());
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string msg = PQresultErrorMessage(res);
      PQclear(res);
      throw soci::soci_error(msg);
    }
    PQclear(res);
  }
}

Result<std::unique_ptr<Tx>> Tx::begin(Database& db, Mode mode, Durability durability) {
  return guarded("tx.begin", [&]() -> Result<std::unique_ptr<Tx>> {
    return std::unique_ptr<Tx>(new Tx(db, db.acquire(), mode, durability));
  });
}

Tx::Tx(Database& db, Database::Conn conn, Mode mode, Durability durability)
    : db_(db), conn_(std::move(conn)), mode_(mode), durability_(durability) {
  soci::session& s = conn_.sql();
  if (db_.engine() == Engine::kSqlite) {
    if (mode_ == Mode::kWrite) {
      write_lock_ = std::unique_lock<std::mutex>(db_.write_mutex());
      if (durability_ == Durability::kFull) s << "PRAGMA synchronous=FULL";
      s << "BEGIN IMMEDIATE";
    } else {
      s << "BEGIN";
    }
  } else {
    s << (mode_ == Mode::kWrite ? "BEGIN" : "BEGIN READ ONLY");
    if (durability_ == Durability::kRelaxed) s << "SET LOCAL synchronous_commit = off";
  }
}

Status Tx::commit() {
  return guarded("tx.commit", [&]() -> Status {
    if (db_.engine() == Engine::kPostgres) {
      // PostgreSQL aborts a transaction at its first failed statement and would silently roll
      // back at COMMIT; report that instead of pretending the write succeeded.
      auto* backend = static_cast<soci::postgresql_session_backend*>(conn_.sql().get_backend());
      if (PQtransactionStatus(backend->conn_) == PQTRANS_INERROR) {
        conn_.sql() << "ROLLBACK";
        open_ = false;
        return fail(Error::internal("commit of a transaction in which a statement failed"));
      }
    }
    conn_.sql() << "COMMIT";
    open_ = false;
    if (db_.engine() == Engine::kSqlite && mode_ == Mode::kWrite && durability_ == Durability::kFull) {
      conn_.sql() << "PRAGMA synchronous=NORMAL";
    }
    if (write_lock_.owns_lock()) write_lock_.unlock();
    return {};
  });
}

Tx::~Tx() {
  try {
    if (open_) conn_.sql() << "ROLLBACK";
    if (db_.engine() == Engine::kSqlite && mode_ == Mode::kWrite && durability_ == Durability::kFull && open_) {
      conn_.sql() << "PRAGMA synchronous=NORMAL";
    }
  } catch (...) {
    // The connection is unusable; the next use reports it.
  }
}

Status ping(Database& db) {
  return guarded("database.ping", [&]() -> Status {
    auto conn = db.acquire();
    int one = 0;
    conn.sql() << "SELECT 1", soci::into(one);
    if (one != 1) return fail(Error::internal("database answered wrongly"));
    return {};
  });
}

Error database_error(const std::exception& e, const char* what) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") {
      Error err = Error::conflict("error.duplicate");
      err.detail = std::string(what) + ": unique violation";
      return err;
    }
    if (state == "40001" || state == "40P01") {
      Error err = Error::conflict("error.conflict");
      err.detail = std::string(what) + ": serialization failure";
      return err;
    }
  }
  // Only the driver's own message: SOCI's what() goes on to quote the statement and its bound
  // values, which may be a typed user name, a token or an address.
  const auto* se = dynamic_cast<const soci::soci_error*>(&e);
  std::string msg = se != nullptr ? se->get_error_message() : std::string(e.what());
  if (msg.find("UNIQUE constraint failed") != std::string::npos) {
    Error err = Error::conflict("error.duplicate");
    err.detail = std::string(what) + ": unique violation";
    return err;
  }
  // Keep only the first line: driver messages may quote the statement.
  if (auto nl = msg.find('\n'); nl != std::string::npos) msg.resize(nl);
  return Error::internal(std::string(what) + ": " + msg);
}

}  // namespace ombud::store
