// tests/support/test_env.cpp
#include "support/test_env.hpp"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "crypto/secret.hpp"
#include "services/admin_service.hpp"
#include "services/user_service.hpp"
#include "store/migrate.hpp"

namespace ombud::testing {

ScopedTimeZone::ScopedTimeZone(const std::string& tz) {
  if (const char* now = std::getenv("TZ"); now != nullptr) before_ = now;
  set_time_zone(tz);
}

ScopedTimeZone::~ScopedTimeZone() {
  if (before_) {
    set_time_zone(*before_);
  } else {
    ::unsetenv("TZ");
    ::tzset();
  }
}

std::optional<std::string> postgres_dsn() {
  if (const char* dsn = std::getenv("TEST_PG_DSN"); dsn != nullptr && *dsn != '\0') return std::string(dsn);
  if (const char* file = std::getenv("TEST_PG_DSN_FILE"); file != nullptr && *file != '\0') {
    std::ifstream in(file);
    std::string dsn;
    if (std::getline(in, dsn) && !dsn.empty()) return dsn;
  }
  return std::nullopt;
}

bool postgres_required() {
  const char* v = std::getenv("OMBUD_REQUIRE_PG");
  return v != nullptr && std::string(v) == "1";
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "ombud-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  if (made == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {
// Replaces the database name in a "postgresql://user@host:port/dbname" DSN.
std::string with_database(const std::string& dsn, const std::string& name) {
  auto slash = dsn.rfind('/');
  auto query = dsn.find('?', slash);
  return dsn.substr(0, slash + 1) + name + (query == std::string::npos ? "" : dsn.substr(query));
}
}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::create(store::Engine engine, std::size_t pool_size) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  t->engine_ = engine;
  if (engine == store::Engine::kSqlite) {
    t->url_ = (t->dir_.path() / "test.db").string();
  } else {
    auto dsn = postgres_dsn();
    if (!dsn) return nullptr;
    t->pg_name_ = "ombud_test_" + crypto::random_id().substr(0, 12);
    auto admin = store::Database::open(*dsn, 1);
    if (!admin) throw std::runtime_error("cannot reach the test PostgreSQL: " + admin.error().detail);
    (*admin)->acquire().sql() << "CREATE DATABASE " + t->pg_name_;
    t->url_ = with_database(*dsn, t->pg_name_);
  }
  t->reopen(pool_size);
  return t;
}

void TestDatabase::reopen(std::size_t pool_size) {
  db_.reset();
  auto db = store::Database::open(url_, pool_size);
  if (!db) throw std::runtime_error("cannot open test database: " + db.error().detail);
  db_ = std::move(*db);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!pg_name_.empty()) {
    try {
      auto admin = store::Database::open(*postgres_dsn(), 1);
      if (admin) (*admin)->acquire().sql() << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
    } catch (...) {
      // The server is going away with the run anyway.
    }
  }
}

TestServices::TestServices(store::Engine engine) {
  crypto::init();
  tdb_ = TestDatabase::create(engine);
  if (!tdb_) throw std::runtime_error("no PostgreSQL for this test run");
  auto migrated = store::migrate(tdb_->db());
  if (!migrated) throw std::runtime_error("migration failed: " + migrated.error().detail);
  key_file_ = tdb_->dir() / "ombud.key";
  if (!crypto::KeyRing::create_file(key_file_)) throw std::runtime_error("key file");
  keys_ = std::move(*crypto::KeyRing::load(key_file_));
  services_ = std::make_unique<services::Services>(services::Services{tdb_->db(), *keys_, hasher_, clock_, {}});
  if (!services::ensure_key_check(*services_)) throw std::runtime_error("key check");
  services::OperationSpec spec;
  spec.name = "Testverksamheten";
  spec.municipalities = {{"0882", "Oskarshamn"}, {"0861", "Mönsterås"}, {"0821", "Högsby"}};
  auto op = services::create_operation(*services_, services::AuditSubject::command_line(), spec);
  if (!op) throw std::runtime_error("operation: " + op.error().detail);
  operation_id_ = *op;
}

TestServices::~TestServices() = default;

long long TestServices::add_user(const std::string& username, const std::string& role) {
  auto id = services::add_user(*services_, services::UserAdministrator::command_line(),
                               services::NewUser{operation_id_, username, "Namn " + username, role, kPassword});
  if (!id) {
    throw std::runtime_error("add_user " + username + ": " + id.error().message_key +
                             (id.error().fields.empty() ? "" : " " + id.error().fields[0].message_key));
  }
  return id->id;
}

}  // namespace ombud::testing
