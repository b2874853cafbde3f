// tests/store/store_test.cpp
//
// The store contract: every test runs on SQLite and on PostgreSQL (when the run started one;
// CI requires it with OMBUD_REQUIRE_PG=1).
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "crypto/secret.hpp"
#include "store/audit.hpp"
#include "store/client_keys.hpp"
#include "store/login_failures.hpp"
#include "store/migrate.hpp"
#include "store/operations.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"
#include "support/test_env.hpp"

namespace ombud::store {
namespace {

using ombud::testing::TestDatabase;

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kPostgres && !ombud::testing::postgres_dsn()) {
      if (ombud::testing::postgres_required()) FAIL() << "OMBUD_REQUIRE_PG=1 but no PostgreSQL DSN";
      GTEST_SKIP() << "no PostgreSQL for this run (set TEST_PG_DSN)";
    }
    tdb = TestDatabase::create(GetParam());
    ASSERT_NE(tdb, nullptr);
  }
  Database& db() { return tdb->db(); }
  void migrate_all() {
    auto m = migrate(db());
    ASSERT_TRUE(m) << m.error().detail;
  }
  long long make_operation(soci::session& sql) {
    return *insert_operation(sql, OperationRecord{0, "Testverksamheten", "Europe/Stockholm", 100});
  }
  UserRecord user(long long op, std::string name) {
    UserRecord u;
    u.operation_id = op;
    u.username = std::move(name);
    u.display_name = "Namn";
    u.role = domain::Role::kOmbud;
    u.password_hash = "$argon2id$placeholder";
    u.created_at = 100;
    u.password_changed_at = 100;
    return u;
  }
  AuditEntry entry(std::string action) {
    AuditEntry e;
    e.at = 1000;
    e.username = "ada";
    e.role = "ombud";
    e.action = std::move(action);
    e.record_kind = "client";
    e.client_id = "c1";
    e.outcome = "ok";
    e.address = "127.0.0.1";
    return e;
  }
  std::unique_ptr<TestDatabase> tdb;
};

TEST_P(StoreTest, MigratesAFreshDatabaseToTheLatestVersionOnce) {
  auto before = migration_state(db());
  ASSERT_TRUE(before) << before.error().detail;
  EXPECT_EQ(before->current, 0);
  EXPECT_FALSE(before->pending.empty());
  EXPECT_FALSE(require_current_schema(db()));
  auto applied = migrate(db());
  ASSERT_TRUE(applied) << applied.error().detail;
  EXPECT_EQ(applied->size(), before->pending.size());
  auto again = migrate(db());
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  EXPECT_TRUE(require_current_schema(db()));
}

TEST_P(StoreTest, BothEnginesCarryTheSameMigrationNumbers) {
  auto a = known_migrations(Engine::kSqlite);
  auto b = known_migrations(Engine::kPostgres);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].version, b[i].version);
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].version, static_cast<int>(i) + 1) << "migrations are numbered 1, 2, 3, …";
  }
}

TEST_P(StoreTest, RefusesADatabaseNewerThanThisBinary) {
  migrate_all();
  {
    auto conn = db().acquire();
    conn.sql() << "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES(9999, 'future', 'x', 0)";
  }
  auto state = migration_state(db());
  ASSERT_FALSE(state);
  EXPECT_NE(state.error().detail.find("newer"), std::string::npos);
  EXPECT_FALSE(migrate(db()));
  EXPECT_FALSE(require_current_schema(db()));
}

TEST_P(StoreTest, RefusesAnAppliedMigrationThatWasAltered) {
  migrate_all();
  {
    auto conn = db().acquire();
    conn.sql() << "UPDATE schema_migrations SET checksum = 'altered' WHERE version = 1";
  }
  auto state = migration_state(db());
  ASSERT_FALSE(state);
  EXPECT_NE(state.error().detail.find("differs"), std::string::npos);
}

TEST_P(StoreTest, ForeignKeysAreEnforced) {
  migrate_all();
  auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
  SessionRecord s{0, "hash", 424242, "csrf", 1, 1, 2};
  EXPECT_FALSE(insert_session(tx->sql(), s));
}

TEST_P(StoreTest, UsersAreUniqueByNameAndFoundAgain) {
  migrate_all();
  auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
  long long op = make_operation(tx->sql());
  auto id = insert_user(tx->sql(), user(op, "ada"));
  ASSERT_TRUE(id) << id.error().detail;
  ASSERT_TRUE(tx->commit());
  tx.reset();
  {
    auto tx2 = *Tx::begin(db(), Tx::Mode::kWrite);
    auto dup = insert_user(tx2->sql(), user(op, "ada"));
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  }
  auto conn = db().acquire();
  auto found = find_user_by_username(conn.sql(), "ada");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, *id);
  EXPECT_EQ((*found)->role, domain::Role::kOmbud);
  EXPECT_FALSE((*found)->disabled);
  EXPECT_FALSE(*find_user_by_username(conn.sql(), "bo"));
  ASSERT_TRUE(set_user_disabled(conn.sql(), *id, true));
  EXPECT_TRUE((*find_user_by_id(conn.sql(), *id))->disabled);
}

TEST_P(StoreTest, ATransactionWithAFailedStatementDoesNotCommitOnPostgres) {
  migrate_all();
  auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
  long long op = make_operation(tx->sql());
  ASSERT_TRUE(insert_user(tx->sql(), user(op, "ada")));
  ASSERT_FALSE(insert_user(tx->sql(), user(op, "ada")));
  auto committed = tx->commit();
  tx.reset();
  auto conn = db().acquire();
  bool stored = find_user_by_username(conn.sql(), "ada")->has_value();
  if (GetParam() == Engine::kPostgres) {
    EXPECT_FALSE(committed) << "a commit that PostgreSQL turns into a rollback must not look like success";
    EXPECT_FALSE(stored);
  } else {
    EXPECT_EQ(committed.has_value(), stored);
  }
}

TEST_P(StoreTest, ARolledBackTransactionLeavesNothing) {
  migrate_all();
  {
    auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
    long long op = make_operation(tx->sql());
    ASSERT_TRUE(insert_user(tx->sql(), user(op, "ada")));
    // No commit: destroyed uncommitted.
  }
  auto conn = db().acquire();
  EXPECT_FALSE(*find_user_by_username(conn.sql(), "ada"));
  EXPECT_TRUE(list_operations(conn.sql())->empty());
}

TEST_P(StoreTest, SessionsAreFoundTouchedAndPurged) {
  migrate_all();
  auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
  long long op = make_operation(tx->sql());
  long long uid = *insert_user(tx->sql(), user(op, "ada"));
  SessionRecord s{0, "tokenhash", uid, "csrf", 1000, 1000, 1000 + 36000};
  auto sid = insert_session(tx->sql(), s);
  ASSERT_TRUE(sid);
  ASSERT_TRUE(tx->commit());
  tx.reset();
  auto conn = db().acquire();
  auto found = find_session(conn.sql(), "tokenhash");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->first.csrf_token, "csrf");
  EXPECT_EQ((*found)->second.username, "ada");
  ASSERT_TRUE(touch_session(conn.sql(), *sid, 2000));
  EXPECT_EQ((*find_session(conn.sql(), "tokenhash"))->first.last_seen_at, 2000);
  EXPECT_EQ(*delete_stale_sessions(conn.sql(), 2500, 1800), 0);
  EXPECT_EQ(*delete_stale_sessions(conn.sql(), 4000, 1800), 1);
  EXPECT_FALSE(*find_session(conn.sql(), "tokenhash"));
}

TEST_P(StoreTest, LoginFailuresAreCountedPerSubjectWithinTheWindow) {
  migrate_all();
  auto conn = db().acquire();
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(record_login_failure(conn.sql(), ThrottleScope::kAccount, "a", 100 + i));
  ASSERT_TRUE(record_login_failure(conn.sql(), ThrottleScope::kAddress, "a", 101));
  auto w = login_failures_since(conn.sql(), ThrottleScope::kAccount, "a", 101);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->count, 2);
  EXPECT_EQ(w->oldest, 101);
  EXPECT_EQ(login_failures_since(conn.sql(), ThrottleScope::kAccount, "b", 0)->count, 0);
  ASSERT_TRUE(clear_login_failures(conn.sql(), ThrottleScope::kAccount, "a"));
  EXPECT_EQ(login_failures_since(conn.sql(), ThrottleScope::kAccount, "a", 0)->count, 0);
  EXPECT_EQ(login_failures_since(conn.sql(), ThrottleScope::kAddress, "a", 0)->count, 1);
}

TEST_P(StoreTest, AuditEntriesFormAnIntactChain) {
  migrate_all();
  for (int i = 0; i < 5; ++i) {
    auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
    AuditEntry e = entry("read");
    ASSERT_TRUE(append_audit(tx->sql(), db().engine(), e));
    EXPECT_EQ(e.seq, i + 1);
    ASSERT_TRUE(tx->commit());
  }
  auto conn = db().acquire();
  auto report = verify_audit_chain(conn.sql());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->entries, 5);
  EXPECT_FALSE(report->first_bad_seq);
  AuditQuery q;
  q.client_id = "c1";
  q.limit = 3;
  auto page = list_audit(conn.sql(), q);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 3U);
  EXPECT_EQ(page->front().seq, 5);
}

TEST_P(StoreTest, TheAuditLogRefusesUpdatesAndDeletes) {
  migrate_all();
  {
    auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
    AuditEntry e = entry("read");
    ASSERT_TRUE(append_audit(tx->sql(), db().engine(), e));
    ASSERT_TRUE(tx->commit());
  }
  auto conn = db().acquire();
  EXPECT_THROW(conn.sql() << "UPDATE audit_log SET action = 'x'", std::exception);
  EXPECT_THROW(conn.sql() << "DELETE FROM audit_log", std::exception);
}

class ChainTamper : public StoreTest {
 protected:
  // Writes five entries, then lets `tamper` change the table behind the triggers' back.
  std::optional<long long> tamper_and_verify(const std::vector<std::string>& tamper) {
    migrate_all();
    for (int i = 0; i < 5; ++i) {
      auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
      AuditEntry e = entry("read");
      EXPECT_TRUE(append_audit(tx->sql(), db().engine(), e));
      EXPECT_TRUE(tx->commit());
    }
    auto conn = db().acquire();
    if (db().engine() == Engine::kSqlite) {
      conn.sql() << "DROP TRIGGER audit_log_no_update";
      conn.sql() << "DROP TRIGGER audit_log_no_delete";
    } else {
      conn.sql() << "DROP TRIGGER audit_log_no_change ON audit_log";
    }
    for (const auto& statement : tamper)
      conn.sql() << statement;
    auto report = verify_audit_chain(conn.sql());
    EXPECT_TRUE(report);
    return report->first_bad_seq;
  }
};

TEST_P(ChainTamper, NamesTheFirstAlteredEntry) {
  EXPECT_EQ(tamper_and_verify({"UPDATE audit_log SET client_id = 'c2' WHERE seq = 3"}), 3);
}

TEST_P(ChainTamper, NamesWhereAnEntryWasRemoved) {
  EXPECT_EQ(tamper_and_verify({"DELETE FROM audit_log WHERE seq = 2"}), 2);
}

TEST_P(ChainTamper, NamesReorderedEntries) {
  EXPECT_EQ(
      tamper_and_verify({"UPDATE audit_log SET seq = -2 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                         "UPDATE audit_log SET seq = 3 WHERE seq = -2"}),
      2);
}

TEST_P(ChainTamper, NamesAnEntryWhoseTimeWasChanged) {
  EXPECT_EQ(tamper_and_verify({"UPDATE audit_log SET at = at + 1 WHERE seq = 4"}), 4);
}

TEST_P(StoreTest, ConcurrentAppendsKeepOneChain) {
  migrate_all();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto tx = Tx::begin(db(), Tx::Mode::kWrite, Durability::kRelaxed);
        ASSERT_TRUE(tx);
        AuditEntry e = entry("read");
        ASSERT_TRUE(append_audit((*tx)->sql(), db().engine(), e));
        ASSERT_TRUE((*tx)->commit());
      }
    });
  }
  for (auto& t : threads)
    t.join();
  auto conn = db().acquire();
  auto report = verify_audit_chain(conn.sql());
  ASSERT_TRUE(report);
  EXPECT_EQ(report->entries, 100);
  EXPECT_FALSE(report->first_bad_seq) << report->problem;
}

TEST_P(StoreTest, ClientKeysAreStoredPerVersionAndRewrapped) {
  migrate_all();
  auto conn = db().acquire();
  ASSERT_TRUE(insert_client_key(conn.sql(), ClientKeyRecord{"c1", 1, 1, "w1"}));
  ASSERT_TRUE(insert_client_key(conn.sql(), ClientKeyRecord{"c2", 1, 2, "w2"}));
  auto old = client_keys_not_at(conn.sql(), 2, 10);
  ASSERT_TRUE(old);
  ASSERT_EQ(old->size(), 1U);
  EXPECT_EQ(old->front().client_id, "c1");
  ASSERT_TRUE(update_client_key_wrap(conn.sql(), "c1", 2, "w1b"));
  EXPECT_EQ((*find_client_key(conn.sql(), "c1"))->wrapped, "w1b");
  auto counts = count_client_keys_by_kek(conn.sql());
  ASSERT_EQ(counts->size(), 1U);
  EXPECT_EQ(counts->front(), std::make_pair(2, 2LL));
}

// Under steady writes the checkpointer still lets the WAL start over, so the file stays about
// one checkpoint interval long instead of growing with the whole load (and being cut back in one
// long stall of the first write after it).
TEST_P(StoreTest, TheWalStaysShortWhileWritesGoOn) {
  if (GetParam() != Engine::kSqlite) GTEST_SKIP() << "a SQLite WAL";
  migrate_all();
  const std::filesystem::path wal = tdb->url() + "-wal";
  const std::filesystem::path file = tdb->url();
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    AuditEntry e = entry("list");
    e.subject_ids = std::string(3000, 'x');
    while (!stop) {
      auto tx = *Tx::begin(db(), Tx::Mode::kWrite, Durability::kRelaxed);
      AuditEntry copy = e;
      ASSERT_TRUE(append_audit(tx->sql(), db().engine(), copy));
      ASSERT_TRUE(tx->commit());
    }
  });
  // The WAL file keeps its longest length once it starts over (the frames are written from its
  // beginning again), so it stays at about one checkpoint interval's writes; without a restart it
  // holds every write since the start, about five times what the database grew by here.
  const auto initial = std::filesystem::file_size(file);
  std::uintmax_t last = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::filesystem::file_size(file) < initial + 100'000'000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(db().checkpoint());
    std::error_code ec;
    last = std::filesystem::file_size(wal, ec);
  }
  stop = true;
  writer.join();
  const auto grown = std::filesystem::file_size(file) - initial;
  ASSERT_GE(grown, 100'000'000U) << "the writer wrote too little to tell";
  EXPECT_LT(last, grown * 5 / 2) << "the WAL grew with the load: " << last << " bytes while the database grew by "
                                 << grown;
}

TEST_P(StoreTest, SqliteTablesAreStrict) {
  if (GetParam() != Engine::kSqlite) GTEST_SKIP() << "STRICT is a SQLite notion";
  migrate_all();
  auto conn = db().acquire();
  conn.sql() << "INSERT INTO operations(name, created_at) VALUES('x', 1)";
  EXPECT_THROW(conn.sql() << "INSERT INTO operations(name, created_at) VALUES('y', 'not a number')", std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, ChainTamper, ::testing::Values(Engine::kSqlite, Engine::kPostgres), engine_name);

}  // namespace
}  // namespace ombud::store
