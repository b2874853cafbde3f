// tests/store/reference_test.cpp
//
// The operation's reference data (rules, municipalities, staff) kept in memory: its version moves
// with every change that matters and with nothing else, every instance sees a change at once, and
// what a write transaction read of its own changes is never kept.
#include "services/internal/reference.hpp"

#include <gtest/gtest.h>

#include "services/auth_service.hpp"
#include "services/config_service.hpp"
#include "services/reference_service.hpp"
#include "services/user_service.hpp"
#include "store/database.hpp"
#include "store/municipalities.hpp"
#include "store/operation_configs.hpp"
#include "store/operations.hpp"
#include "support/test_env.hpp"

namespace ombud::services {
namespace {

using ombud::testing::TestServices;
using store::Engine;

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

class Reference : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kPostgres && !ombud::testing::postgres_dsn()) {
      if (ombud::testing::postgres_required()) ADD_FAILURE() << "OMBUD_REQUIRE_PG=1 but no PostgreSQL DSN";
      GTEST_SKIP() << "no PostgreSQL for this run";
    }
    t = std::make_unique<TestServices>(GetParam());
    admin_id = t->add_user("admin", "admin");
    admin = Actor{admin_id, t->operation_id(), "admin", "Admin", domain::Role::kAdmin};
  }
  long long version() {
    auto conn = t->db().acquire();
    return *store::reference_version(conn.sql(), t->operation_id());
  }
  Status add_municipality(const std::string& code, const std::string& name) {
    auto tx = OMBUD_TRY(store::Tx::begin(t->db(), store::Tx::Mode::kWrite));
    OMBUD_TRY(store::insert_municipality(tx->sql(), store::MunicipalityRecord{0, t->operation_id(), code, name}));
    return tx->commit();
  }

  std::unique_ptr<TestServices> t;
  long long admin_id = 0;
  Actor admin;
};

TEST_P(Reference, TheVersionMovesWithStaffMunicipalitiesAndRulesAndNothingElse) {
  Services& s = t->services();
  auto who = UserAdministrator::command_line();
  long long v = version();
  auto ada = add_user(s, who, NewUser{t->operation_id(), "ada", "Ada Ombud", "ombud", TestServices::kPassword});
  ASSERT_TRUE(ada);
  EXPECT_GT(version(), v) << "a new user";
  v = version();
  ASSERT_TRUE(set_disabled(s, who, ada->id, true));
  EXPECT_GT(version(), v) << "a disabled user";
  v = version();
  ASSERT_TRUE(set_role(s, who, ada->id, "samordnare"));
  EXPECT_GT(version(), v) << "a new role";
  v = version();
  ASSERT_TRUE(add_municipality("0884", "Vimmerby"));
  EXPECT_GT(version(), v) << "a new municipality";
  v = version();
  ASSERT_TRUE(change_config(s, admin, domain::seed_config(), 0));
  EXPECT_GT(version(), v) << "a new version of the rules";

  // A password change, a sign-in and a client's data are not reference data.
  v = version();
  ASSERT_TRUE(set_password(s, who, admin_id, "Rönnbär-och-lingon-i-skogen"));
  ASSERT_TRUE(reset_password(s, who, admin_id));
  ASSERT_TRUE(set_password(s, who, admin_id, "Rönnbär-och-lingon-i-skogen"));
  ASSERT_TRUE(login(s, {"admin", "Rönnbär-och-lingon-i-skogen", "10.0.0.1", {}}));
  EXPECT_EQ(version(), v);
}

TEST_P(Reference, EveryInstanceSeesAChangeAtOnce) {
  // Two instances: their own caches (and, on PostgreSQL, their own connections) on one database.
  std::unique_ptr<store::Database> second_db;
  store::Database* db_b = &t->db();
  if (GetParam() == Engine::kPostgres) {
    second_db = std::move(*store::Database::open(t->test_db().url(), 2));
    db_b = second_db.get();
  }
  Services& a = t->services();
  Services b{*db_b, t->keys(), a.hasher, a.clock, {}};
  auto who = UserAdministrator::command_line();
  auto ada = add_user(a, who, NewUser{t->operation_id(), "ada", "Ada Ombud", "ombud", TestServices::kPassword});
  ASSERT_TRUE(ada);

  auto choices = *ombud_choices(a, admin);
  ASSERT_EQ(choices.size(), 1U);
  EXPECT_EQ(choices[0].second, "Ada Ombud");
  EXPECT_EQ(current_config(a, t->operation_id())->version, 0);
  auto before = *municipalities(a, t->operation_id());

  ASSERT_TRUE(set_disabled(b, who, ada->id, true));
  ASSERT_TRUE(change_config(b, admin, domain::seed_config(), 0));
  {
    auto tx = *store::Tx::begin(*db_b, store::Tx::Mode::kWrite);
    ASSERT_TRUE(
        store::insert_municipality(tx->sql(), store::MunicipalityRecord{0, t->operation_id(), "0884", "Vimmerby"}));
    ASSERT_TRUE(tx->commit());
  }

  EXPECT_TRUE(ombud_choices(a, admin)->empty()) << "a disabled ombud can no longer be chosen";
  auto cfg = *current_config(a, t->operation_id());
  EXPECT_EQ(cfg.version, 1);
  EXPECT_EQ(cfg.changed_by, "Namn admin") << "the name of whoever wrote it";
  EXPECT_EQ(municipalities(a, t->operation_id())->size(), before.size() + 1);
}

TEST_P(Reference, WhatAWriteTransactionReadsOfItsOwnChangesIsNotKept) {
  Services& s = t->services();
  ASSERT_TRUE(change_config(s, admin, domain::seed_config(), 0));
  ASSERT_EQ(current_config(s, t->operation_id())->version, 1);
  {
    // Version 2 inside a transaction that is rolled back.
    auto tx = *store::Tx::begin(t->db(), store::Tx::Mode::kWrite);
    domain::OperationConfig rolled_back = domain::seed_config();
    rolled_back.orientation_deadline_days = 3;
    ASSERT_TRUE(store::insert_config(tx->sql(), t->operation_id(),
                                     store::ConfigRow{2, 0, admin_id, config_to_json(rolled_back)}));
    auto inside = *internal::reference(s, *tx, t->operation_id());
    EXPECT_EQ(inside->config.version, 2) << "the transaction sees its own change";
  }
  EXPECT_EQ(current_config(s, t->operation_id())->version, 1) << "the rolled-back version is gone";

  // The version number the rollback gave back is taken by another change: that change is what
  // every reader sees, not the one rolled back.
  domain::OperationConfig committed = domain::seed_config();
  committed.orientation_deadline_days = 14;
  ASSERT_TRUE(change_config(s, admin, committed, 1));
  auto now = *current_config(s, t->operation_id());
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.config.orientation_deadline_days, 14);
}

INSTANTIATE_TEST_SUITE_P(Engines, Reference, ::testing::Values(Engine::kSqlite, Engine::kPostgres), engine_name);

}  // namespace
}  // namespace ombud::services
