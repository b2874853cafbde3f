// tests/support/test_env.hpp
//
// Fresh databases and services for tests: a SQLite file in a temporary directory, or a new
// database on the PostgreSQL server that the test run started (TEST_PG_DSN or TEST_PG_DSN_FILE).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/time.hpp"
#include "crypto/keyring.hpp"
#include "crypto/password.hpp"
#include "services/context.hpp"
#include "store/database.hpp"

namespace ombud::testing {

/// The administrative DSN of the test PostgreSQL server, if one was started for this run.
std::optional<std::string> postgres_dsn();

/// True when the run must not skip PostgreSQL (CI sets OMBUD_REQUIRE_PG=1).
bool postgres_required();

/// A directory removed when the object dies.
/// The process's time zone set for a test's lifetime and given back after it (local times in the
/// tests are Stockholm's, as in production, whatever TZ the run has).
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const std::string& tz);
  ~ScopedTimeZone();
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::optional<std::string> before_;
};

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A fresh, empty database of the given engine (nothing migrated), dropped at the end.
class TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> create(store::Engine engine, std::size_t pool_size = 4);
  ~TestDatabase();
  store::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  const std::filesystem::path& dir() const { return dir_.path(); }
  void reopen(std::size_t pool_size = 4);

 private:
  TestDatabase() = default;
  TempDir dir_;
  store::Engine engine_ = store::Engine::kSqlite;
  std::string url_;
  std::string pg_name_;
  std::unique_ptr<store::Database> db_;
};

/// A migrated database, a key file, fast password hashing, a manual clock and the services.
class TestServices {
 public:
  explicit TestServices(store::Engine engine = store::Engine::kSqlite);
  ~TestServices();
  services::Services& services() { return *services_; }
  store::Database& db() { return tdb_->db(); }
  TestDatabase& test_db() { return *tdb_; }
  ManualClock& clock() { return clock_; }
  crypto::KeyRing& keys() { return *keys_; }
  const std::filesystem::path& key_file() const { return key_file_; }
  long long operation_id() const { return operation_id_; }

  /// Adds a user with password kPassword and returns its id.
  long long add_user(const std::string& username, const std::string& role);
  static constexpr const char* kPassword = "Rabarberpaj-med-vaniljsås";

 private:
  std::unique_ptr<TestDatabase> tdb_;
  std::filesystem::path key_file_;
  std::unique_ptr<crypto::KeyRing> keys_;
  crypto::PasswordHasher hasher_{2, crypto::HashStrength::kTestOnly};
  ManualClock clock_{1795425600};  // 2026-11-23T08:00:00Z
  std::unique_ptr<services::Services> services_;
  long long operation_id_ = 0;
};

}  // namespace ombud::testing
