// tests/store/access_filter_test.cpp
//
// The store's list filter answers the access policy's question in SQL (it makes lists fast).
// Here every state × relation × role is stored, on SQLite and PostgreSQL, and the lists the
// filter returns must be exactly the cases domain::may() lets the role read.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "store/clients.hpp"
#include "store/covers.hpp"
#include "store/migrate.hpp"
#include "store/municipalities.hpp"
#include "store/operations.hpp"
#include "store/orientation_ombud.hpp"
#include "store/users.hpp"
#include "support/test_env.hpp"

namespace ombud::store {
namespace {

using domain::CaseState;
using domain::Role;
using ombud::testing::TestDatabase;

struct StoredCase {
  std::string id;
  domain::CaseStanding standing;
};

class AccessFilter : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kPostgres && !ombud::testing::postgres_dsn()) {
      if (ombud::testing::postgres_required()) FAIL() << "OMBUD_REQUIRE_PG=1 but no PostgreSQL DSN";
      GTEST_SKIP() << "no PostgreSQL for this run";
    }
    tdb = TestDatabase::create(GetParam());
    ASSERT_TRUE(migrate(tdb->db()));
    auto tx = *Tx::begin(tdb->db(), Tx::Mode::kWrite);
    op = *insert_operation(tx->sql(), OperationRecord{0, "Test", "Europe/Stockholm", 1});
    other_op = *insert_operation(tx->sql(), OperationRecord{0, "Annan", "Europe/Stockholm", 1});
    UserRecord u;
    u.operation_id = op;
    u.display_name = "x";
    u.password_hash = "x";
    for (const char* name : {"me", "colleague", "third"}) {
      u.username = name;
      users.push_back(*insert_user(tx->sql(), u));
    }
    me = users[0];
    colleague = users[1];
    ASSERT_TRUE(tx->commit());
  }

  // Stores one case of every state × relation of `me` (recorder, booked on the visit, primary
  // ombud) × whether the visit has a date × how `me` covers for its ombud (not at all, under a
  // grant in force, one run out, one ended early), in `op`; and one of each state in `other_op`.
  void store_every_case() {
    auto tx = *Tx::begin(tdb->db(), Tx::Mode::kWrite);
    int n = 0;
    auto add = [&](long long operation, CaseState state, bool recorder, bool booked, bool primary, bool dated,
                   int cover) {
      ClientRow r;
      r.id = "c" + std::to_string(++n);
      r.operation_id = operation;
      r.code = "K-2026-" + std::to_string(1000 + n);
      r.state = std::string(domain::code_of(domain::kCaseStates, state));
      r.municipality_code = "0882";
      r.channel = "telefon";
      r.contact_by = "sjalv";
      r.first_contact_on = "2026-11-01";
      r.recorded_by = recorder ? me : colleague;
      r.birth_year_ct = "sealed";
      r.gender_ct = "sealed";
      r.primary_ombud_id = primary ? me : colleague;
      if (dated) r.orientation_on = "2026-11-20";
      r.created_at = 1;
      ASSERT_TRUE(insert_client(tx->sql(), r)) << r.id;
      std::vector<long long> on_visit = {colleague};
      if (booked) on_visit.push_back(me);
      ASSERT_TRUE(set_orientation_ombud(tx->sql(), r.id, on_visit));
      domain::CaseStanding c{operation, state, r.recorded_by, r.primary_ombud_id, dated, on_visit, {}};
      if (cover != 0) {
        CoverRow g;
        g.id = r.id + "-cover";
        g.client_id = r.id;
        g.ombud_id = me;
        g.reason_ct = "sealed";
        g.starts_on = "2026-11-01";
        g.ends_on = cover == 2 ? "2026-11-22" : "2026-12-31";
        if (cover == 3) g.ended_on = "2026-11-23";
        g.created_by = colleague;
        g.created_at = 1;
        ASSERT_TRUE(insert_cover(tx->sql(), g));
        if (cover == 1) c.covering_ombud = {me};
      }
      stored.push_back({r.id, c});
    };
    for (auto [state, code] : domain::kCaseStates) {
      (void)code;
      for (int rel = 0; rel < 8; ++rel) {
        for (bool dated : {false, true}) {
          for (int cover = 0; cover < 4; ++cover)
            add(op, state, rel & 1, rel & 2, rel & 4, dated, cover);
        }
      }
      add(other_op, state, true, true, true, true, 1);
    }
    ASSERT_TRUE(tx->commit());
  }

  // What the list pages show this principal, through the filter the services build from the
  // policy's list scope; nullopt when the role has no client list.
  std::optional<std::set<std::string>> listed(const domain::Principal& p, const std::vector<std::string>& states) {
    ClientFilter f;
    f.operation_id = p.operation_id;
    f.states = states;
    switch (domain::case_list_scope(p.role)) {
      case domain::ListScope::kNone: return std::nullopt;
      case domain::ListScope::kOwn:
        f.visible_to_ombud = p.user_id;
        f.today = "2026-11-23";
        break;
      case domain::ListScope::kOperation: break;
    }
    auto conn = tdb->db().acquire();
    auto rows = list_clients(conn.sql(), f);
    EXPECT_TRUE(rows) << rows.error().detail;
    std::set<std::string> out;
    for (const auto& r : *rows)
      out.insert(r.id);
    return out;
  }

  std::set<std::string> readable(const domain::Principal& p, const std::vector<std::string>& states) {
    std::set<std::string> out;
    for (const auto& c : stored) {
      bool state_ok = states.empty();
      for (const auto& s : states)
        state_ok |= s == domain::code_of(domain::kCaseStates, c.standing.state);
      if (state_ok && domain::may(p, c.standing, domain::CaseNeed::kRead)) out.insert(c.id);
    }
    return out;
  }

  std::unique_ptr<TestDatabase> tdb;
  long long op = 0;
  long long other_op = 0;
  std::vector<long long> users;
  long long me = 0;
  long long colleague = 0;
  std::vector<StoredCase> stored;
};

TEST_P(AccessFilter, ListsHoldExactlyTheCasesThePolicyLetsEachRoleRead) {
  store_every_case();
  ASSERT_EQ(stored.size(), 10u * 65u);
  const std::vector<std::vector<std::string>> state_filters = {
      {}, {"aktiv"}, {"orienteringsbesok"}, {"forsta_kontakt", "bedomning", "orienteringsbesok"}, {"ko", "avstar"}};
  for (Role role : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    for (long long user : users) {
      const domain::Principal p{user, op, role};
      for (const auto& states : state_filters) {
        auto got = listed(p, states);
        auto want = readable(p, states);
        std::string where = std::string(domain::role_name(role)) + " user " + std::to_string(user) + " states " +
                            std::to_string(states.size());
        if (!got) {
          EXPECT_TRUE(want.empty()) << where << ": no list, yet the policy lets the role read cases";
          continue;
        }
        EXPECT_EQ(*got, want) << where;
      }
    }
  }
  // The check can fail: an ombud reads some cases and not others, and the samordnare all of the
  // operation's.
  const auto mine = readable(domain::Principal{me, op, Role::kOmbud}, {});
  EXPECT_GT(mine.size(), 0u);
  EXPECT_LT(mine.size(), 640u);
  EXPECT_EQ(readable(domain::Principal{me, op, Role::kSamordnare}, {}).size(), 640u);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccessFilter, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& p) { return p.param == Engine::kSqlite ? "Sqlite" : "Postgres"; });

}  // namespace
}  // namespace ombud::store
