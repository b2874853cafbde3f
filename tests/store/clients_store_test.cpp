// tests/store/clients_store_test.cpp
//
// The store contract for cases, client codes, configuration history and statistics events, on
// SQLite and PostgreSQL; and two server instances sharing one PostgreSQL database.
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "store/assignments.hpp"
#include "store/audit.hpp"
#include "store/clients.hpp"
#include "store/code_counters.hpp"
#include "store/migrate.hpp"
#include "store/municipalities.hpp"
#include "store/operation_configs.hpp"
#include "store/operations.hpp"
#include "store/orientation_ombud.hpp"
#include "store/stat_events.hpp"
#include "store/users.hpp"
#include "support/test_env.hpp"

namespace ombud::store {
namespace {

using ombud::testing::TestDatabase;

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

bool skip_postgres(Engine e) {
  if (e != Engine::kPostgres || ombud::testing::postgres_dsn()) return false;
  if (ombud::testing::postgres_required()) ADD_FAILURE() << "OMBUD_REQUIRE_PG=1 but no PostgreSQL DSN";
  return true;
}

class ClientStore : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (skip_postgres(GetParam())) GTEST_SKIP() << "no PostgreSQL for this run";
    tdb = TestDatabase::create(GetParam());
    ASSERT_TRUE(migrate(db()));
    auto tx = *Tx::begin(db(), Tx::Mode::kWrite);
    op = *insert_operation(tx->sql(), OperationRecord{0, "Test", "Europe/Stockholm", 1});
    UserRecord u;
    u.operation_id = op;
    u.username = "ada";
    u.display_name = "Ada";
    u.password_hash = "x";
    ada = *insert_user(tx->sql(), u);
    u.username = "bo";
    bo = *insert_user(tx->sql(), u);
    ASSERT_TRUE(tx->commit());
  }
  Database& db() { return tdb->db(); }

  ClientRow row(const std::string& id, const std::string& code, const std::string& state) {
    ClientRow r;
    r.id = id;
    r.operation_id = op;
    r.code = code;
    r.state = state;
    r.municipality_code = "0882";
    r.channel = "sms";
    r.contact_by = "sjalv";
    r.first_contact_on = "2026-11-01";
    r.recorded_by = ada;
    r.birth_year_ct = "sealed-by";
    r.gender_ct = "sealed-g";
    r.alias_ct = "sealed-alias";
    r.created_at = 100;
    return r;
  }

  std::unique_ptr<TestDatabase> tdb;
  long long op = 0;
  long long ada = 0;
  long long bo = 0;
};

TEST_P(ClientStore, AClientIsStoredFoundAndUpdatedOnlyAtItsVersion) {
  auto conn = db().acquire();
  ASSERT_TRUE(insert_client(conn.sql(), row("c1", "K-2026-001", "bedomning")));
  auto found = find_client(conn.sql(), op, "c1");
  ASSERT_TRUE(found && *found);
  ClientRow r = **found;
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.alias_ct, "sealed-alias");
  EXPECT_FALSE(r.reach_ct);
  EXPECT_FALSE(r.primary_ombud_id);
  EXPECT_FALSE(*find_client(conn.sql(), op + 1, "c1")) << "another operation's client is not found";

  r.state = "aktiv";
  r.primary_ombud_id = ada;
  r.assigned_on = "2026-11-20";
  r.reach_ct = "sealed-reach";
  ASSERT_TRUE(update_client(conn.sql(), r, 200));
  auto stale = update_client(conn.sql(), r, 300);  // still at version 1
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  ClientRow now = **find_client(conn.sql(), op, "c1");
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.state, "aktiv");
  EXPECT_EQ(now.primary_ombud_id, ada);
  EXPECT_EQ(now.reach_ct, "sealed-reach");
  EXPECT_EQ(now.updated_at, 200);
}

// Every field of the row, set to a value of its own, comes back as written: a column left out of
// the insert, the update or the select (or bound to the wrong field) fails here.
TEST_P(ClientStore, EveryColumnOfAClientIsWrittenAndReadBack) {
  auto conn = db().acquire();
  ClientRow r = row("c1", "K-2026-001", "aktiv");
  r.own_wish_on = "2026-11-02";
  r.reach_ct = "sealed-reach";
  r.priorities_ct = "sealed-priorities";
  r.assessment_ct = "sealed-assessment";
  r.assessed_on = "2026-11-03";
  r.assessed_by = bo;
  r.orientation_on = "2026-11-04";
  r.own_wish_how = "telefon";
  r.own_wish_received_by = ada;
  r.orientation_place = "hemma";
  r.orientation_time = "13:30";
  r.orientation_trusted_person = true;
  r.orientation_booked_by = ada;
  r.orientation_held_on = "2026-11-05";
  r.queue_entered_on = "2026-11-06";
  r.primary_ombud_id = bo;
  r.assigned_on = "2026-11-07";
  r.paused_on = "2026-11-08";
  r.ended_on = "2026-11-09";
  r.end_reason = "flyttat";
  ASSERT_TRUE(insert_client(conn.sql(), r));
  ClientRow read = **find_client(conn.sql(), op, "c1");
  r.updated_at = r.created_at;
  EXPECT_EQ(read, r);

  // Every mutable column changes; the fixed ones stay as inserted.
  ClientRow changed = read;
  changed.state = "vilande";
  changed.municipality_code = "0880";
  changed.own_wish_on.reset();
  changed.alias_ct = "sealed-alias-2";
  changed.reach_ct.reset();
  changed.birth_year_ct = "sealed-by-2";
  changed.gender_ct = "sealed-g-2";
  changed.priorities_ct.reset();
  changed.assessment_ct = "sealed-assessment-2";
  changed.assessed_on = "2026-12-03";
  changed.assessed_by = ada;
  changed.orientation_on = "2026-12-04";
  changed.own_wish_how = "skriftligen";
  changed.own_wish_received_by.reset();
  changed.orientation_place.reset();
  changed.orientation_time = "09:00";
  changed.orientation_trusted_person = false;
  changed.orientation_booked_by = bo;
  changed.orientation_held_on.reset();
  changed.queue_entered_on.reset();
  changed.primary_ombud_id = ada;
  changed.assigned_on = "2026-12-07";
  changed.paused_on.reset();
  changed.ended_on.reset();
  changed.end_reason = "annat";
  ASSERT_TRUE(update_client(conn.sql(), changed, 500));
  ClientRow after = **find_client(conn.sql(), op, "c1");
  changed.version = 2;
  changed.updated_at = 500;
  EXPECT_EQ(after, changed);
  auto listed = *list_clients(conn.sql(), ClientFilter{op, {}, std::nullopt});
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0], static_cast<const ClientSummary&>(changed)) << "a list reads what the row holds";
}

TEST_P(ClientStore, CodesAreUniquePerOperationAndTheStateIsChecked) {
  auto conn = db().acquire();
  ASSERT_TRUE(insert_client(conn.sql(), row("c1", "K-2026-001", "bedomning")));
  EXPECT_FALSE(insert_client(conn.sql(), row("c2", "K-2026-001", "bedomning")));
  EXPECT_FALSE(insert_client(conn.sql(), row("c3", "K-2026-003", "nonsense")));
}

TEST_P(ClientStore, AnOmbudListsOwnAssignmentsBookingsAndOwnIntakeOnly) {
  auto conn = db().acquire();
  ClientRow mine = row("mine", "K-1", "aktiv");
  mine.primary_ombud_id = ada;
  ClientRow theirs = row("theirs", "K-2", "aktiv");
  theirs.primary_ombud_id = bo;
  theirs.recorded_by = bo;
  ClientRow visit = row("visit", "K-3", "orienteringsbesok");
  visit.recorded_by = bo;
  visit.orientation_on = "2026-11-30";
  ClientRow intake = row("intake", "K-4", "forsta_kontakt");
  ClientRow booked_elsewhere = row("booked", "K-5", "orienteringsbesok");
  booked_elsewhere.orientation_on = "2026-11-30";  // recorded by ada, but booked for others
  ClientRow queued = row("queued", "K-6", "ko");   // recorded by ada, in the queue
  for (const auto& r : {mine, theirs, visit, intake, booked_elsewhere, queued})
    ASSERT_TRUE(insert_client(conn.sql(), r));
  ASSERT_TRUE(set_orientation_ombud(conn.sql(), "visit", {ada, bo}));
  ASSERT_TRUE(set_orientation_ombud(conn.sql(), "booked", {bo}));
  ClientFilter f;
  f.operation_id = op;
  f.visible_to_ombud = ada;
  std::set<std::string> ids;
  auto visible = list_clients(conn.sql(), f);
  ASSERT_TRUE(visible);
  for (const auto& r : *visible)
    ids.insert(r.id);
  EXPECT_EQ(ids, (std::set<std::string>{"mine", "visit", "intake"}));
  f.visible_to_ombud.reset();
  f.states = {"aktiv", "ko"};
  EXPECT_EQ(list_clients(conn.sql(), f)->size(), 3U);
  EXPECT_EQ(*orientation_ombud(conn.sql(), "visit"), (std::vector<long long>{std::min(ada, bo), std::max(ada, bo)}));
}

TEST_P(ClientStore, ClientNumbersCountPerOperationAndYearEvenUnderConcurrency) {
  EXPECT_EQ(*next_client_number(db().acquire().sql(), op, 2026), 1);
  EXPECT_EQ(*next_client_number(db().acquire().sql(), op, 2027), 1);
  std::vector<std::thread> threads;
  std::mutex m;
  std::set<int> seen;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto tx = Tx::begin(db(), Tx::Mode::kWrite);
        ASSERT_TRUE(tx);
        auto n = next_client_number((*tx)->sql(), op, 2026);
        ASSERT_TRUE(n);
        ASSERT_TRUE((*tx)->commit());
        std::lock_guard lock(m);
        seen.insert(*n);
      }
    });
  }
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(seen.size(), 40U);
  EXPECT_EQ(*seen.begin(), 2);
  EXPECT_EQ(*seen.rbegin(), 41);
}

TEST_P(ClientStore, AssignmentsKeepTheirHistory) {
  auto conn = db().acquire();
  ASSERT_TRUE(insert_client(conn.sql(), row("c1", "K-1", "aktiv")));
  ASSERT_TRUE(insert_assignment(
      conn.sql(), AssignmentRow{0, "c1", ada, "2026-11-01", std::nullopt, std::nullopt, ada, 3, "tidigare_ombud"}));
  ASSERT_TRUE(end_assignment(conn.sql(), "c1", "2026-11-10", "arbetsbelastning"));
  ASSERT_TRUE(insert_assignment(conn.sql(), AssignmentRow{0, "c1", bo, "2026-11-10", std::nullopt, std::nullopt, ada}));
  auto h = *list_assignments(conn.sql(), "c1");
  ASSERT_EQ(h.size(), 2U);
  EXPECT_EQ(h[0].ended_on, "2026-11-10");
  EXPECT_EQ(h[0].change_reason, "arbetsbelastning");
  EXPECT_EQ(h[0].queue_place, 3);
  EXPECT_EQ(h[0].bypass_reason, "tidigare_ombud");
  EXPECT_FALSE(h[1].ended_on);
  EXPECT_FALSE(h[1].queue_place);
  // The queue's history: assignments from the queue only, with the client's code.
  auto from_queue = *list_queue_assignments(conn.sql(), op, "2026-10-01", 10);
  ASSERT_EQ(from_queue.size(), 1U);
  EXPECT_EQ(from_queue[0].client_code, "K-1");
  EXPECT_EQ(from_queue[0].queue_place, 3);
  EXPECT_TRUE(list_queue_assignments(conn.sql(), op, "2026-11-02", 10)->empty());
  ClientRow r = row("c2", "K-2", "aktiv");
  r.primary_ombud_id = bo;
  ASSERT_TRUE(insert_client(conn.sql(), r));
  auto load = *caseload(conn.sql(), op);
  ASSERT_EQ(load.size(), 1U);
  EXPECT_EQ(load[0].ombud_id, bo);
  EXPECT_EQ(load[0].count, 1);
}

TEST_P(ClientStore, AnOperationsCasesComeInPagesInCodeOrder) {
  auto conn = db().acquire();
  for (int i = 9; i >= 1; --i) {
    std::string n = std::to_string(i);
    ASSERT_TRUE(insert_client(conn.sql(), row("p" + n, "K-2026-00" + n, i % 3 == 0 ? "ko" : "aktiv")));
  }
  auto p2 = *list_operation_clients(conn.sql(), op, std::nullopt, 4, 4);
  EXPECT_EQ(p2.total, 9);
  ASSERT_EQ(p2.rows.size(), 4U);
  EXPECT_EQ(p2.rows[0].code, "K-2026-005");
  EXPECT_EQ(p2.rows[3].code, "K-2026-008");
  auto queued = *list_operation_clients(conn.sql(), op, std::string("ko"), 2, 0);
  EXPECT_EQ(queued.total, 3);
  ASSERT_EQ(queued.rows.size(), 2U);
  EXPECT_EQ(queued.rows[1].code, "K-2026-006");
  EXPECT_TRUE(list_operation_clients(conn.sql(), op, std::nullopt, 4, 12)->rows.empty());
  EXPECT_EQ(list_operation_clients(conn.sql(), op + 1000, std::nullopt, 4, 0)->total, 0) << "another operation's";
}

TEST_P(ClientStore, ConfigurationVersionsAreKeptNewestFirst) {
  auto conn = db().acquire();
  EXPECT_FALSE(*latest_config(conn.sql(), op));
  ASSERT_TRUE(insert_config(conn.sql(), op, ConfigRow{1, 10, std::nullopt, "{\"v\":1}"}));
  ASSERT_TRUE(insert_config(conn.sql(), op, ConfigRow{2, 20, ada, "{\"v\":2}"}));
  EXPECT_FALSE(insert_config(conn.sql(), op, ConfigRow{2, 30, ada, "{}"})) << "one row per version";
  auto latest = *latest_config(conn.sql(), op);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->created_by, ada);
  auto history = *config_history(conn.sql(), op, 10);
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[1].version, 1);
  EXPECT_FALSE(history[1].created_by);
}

TEST_P(ClientStore, StatisticsEventsCarryNoClientIdentity) {
  auto conn = db().acquire();
  domain::StatEvent e;
  e.operation_id = op;
  e.municipality_code = "0882";
  e.year = 2026;
  e.type = domain::StatEventType::kQueued;
  e.gender = "kvinna";
  e.age_band = "26-35";
  e.channel = "sms";
  e.contact_by = "sjalv";
  e.days_waited = 12;
  ASSERT_TRUE(insert_stat_event(conn.sql(), e));
  e.days_waited.reset();
  e.type = domain::StatEventType::kFirstContact;
  ASSERT_TRUE(insert_stat_event(conn.sql(), e));
  auto events = *list_stat_events(conn.sql(), op);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].type, domain::StatEventType::kFirstContact);
  EXPECT_FALSE(events[0].days_waited);
  EXPECT_EQ(events[1].days_waited, 12);
  // The table has no column that could name a client or a moment.
  std::set<std::string> columns;
  std::string name;
  soci::statement st =
      GetParam() == Engine::kSqlite
          ? (conn.sql().prepare << "SELECT name FROM pragma_table_info('stat_events')", soci::into(name))
          : (conn.sql().prepare << "SELECT column_name FROM information_schema.columns "
                                   "WHERE table_name = 'stat_events'",
             soci::into(name));
  st.execute();
  while (st.fetch())
    columns.insert(name);
  EXPECT_EQ(columns, (std::set<std::string>{"id", "operation_id", "municipality_code", "year", "event_type", "gender",
                                            "age_band", "channel", "contact_by", "reason_code", "days_waited",
                                            "activity", "counterpart", "minutes"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ClientStore, ::testing::Values(Engine::kSqlite, Engine::kPostgres), engine_name);

// Two server instances on one PostgreSQL: sessions, throttling counters and the audit chain are
// shared, because they live in the database (design.md, "Scale").
TEST(TwoInstances, ShareSessionsThrottlingAndOneAuditChain) {
  if (skip_postgres(Engine::kPostgres)) GTEST_SKIP() << "no PostgreSQL for this run";
  ombud::testing::TestServices a(Engine::kPostgres);
  a.add_user("ada", "ombud");
  auto second_db = Database::open(a.test_db().url(), 4);
  ASSERT_TRUE(second_db);
  auto second_keys = crypto::KeyRing::load(a.key_file());
  ASSERT_TRUE(second_keys);
  crypto::PasswordHasher hasher(2, crypto::HashStrength::kTestOnly);
  services::Services b{**second_db, **second_keys, hasher, a.clock(), {}};

  // A session started on one instance is valid on the other, and ends on both.
  auto login = services::login(a.services(), {"ada", ombud::testing::TestServices::kPassword, "10.0.0.1", {}});
  ASSERT_TRUE(login);
  auto actor = services::authenticate(b, login->token, "10.0.0.1");
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->username, "ada");
  ASSERT_TRUE(services::logout(b, *actor));
  EXPECT_FALSE(services::authenticate(a.services(), login->token, "10.0.0.1"));

  // Failures counted on one instance throttle the account on the other.
  for (int i = 0; i < 10; ++i) {
    auto& s = i % 2 == 0 ? a.services() : b;
    EXPECT_FALSE(services::login(s, {"ada", "fel-lösenord-123", "10.0.0.2", {}}));
  }
  auto throttled = services::login(b, {"ada", ombud::testing::TestServices::kPassword, "10.0.0.3", {}});
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::kTooManyRequests);

  // Both instances append to one unbroken audit chain at the same time.
  std::vector<std::thread> threads;
  for (services::Services* s : {&a.services(), &b}) {
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([s] {
        for (int i = 0; i < 25; ++i) {
          ASSERT_TRUE(services::audit_now(*s, services::AuditSubject::command_line(),
                                          services::AuditEvent{"read", "test", {}, "", "ok"}));
        }
      });
    }
  }
  for (auto& t : threads)
    t.join();
  auto report = services::verify_audit(b);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->first_bad_seq) << report->problem;
  EXPECT_GE(report->entries, 100);
}

}  // namespace
}  // namespace ombud::store
