// tests/http/work_fixture.hpp
//
// What the tests of the work inside an assignment start from, on both engines: an operation with
// two ombud and a samordnare, an active client of "ada", and ada signed in on a page session and
// an API session.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "domain/operation_config.hpp"
#include "services/config_service.hpp"
#include "store/audit.hpp"
#include "store/stat_events.hpp"
#include "support/web_client.hpp"

namespace ombud::testing {

using http::Response;

inline std::string engine_name(const ::testing::TestParamInfo<store::Engine>& info) {
  return info.param == store::Engine::kSqlite ? "Sqlite" : "Postgres";
}

// On both engines: the work tables, the totals kept beside the log and the events that follow.
class WorkFixture : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == store::Engine::kPostgres && !ombud::testing::postgres_dsn()) {
      if (ombud::testing::postgres_required()) ADD_FAILURE() << "OMBUD_REQUIRE_PG=1 but no PostgreSQL DSN";
      GTEST_SKIP() << "no PostgreSQL for this run";
    }
    t = std::make_unique<TestApp>(GetParam());
    ASSERT_TRUE(services::initialise_config(t->services(), t->env().operation_id(), domain::seed_config()));
    ada = t->env().add_user("ada", "ombud");
    bo = t->env().add_user("bo", "ombud");
    t->env().add_user("cecilia", "samordnare");
    WebClient sam(t->app());
    ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
    client = ombud::testing::make_active_case(sam, "Vera Arbetsdag", ada, {ada, bo})["id"];
    page = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(page->login("ada", TestServices::kPassword).status, 303);
    api = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(api->api_login("ada", TestServices::kPassword).status, 201);
  }

  std::string log() { return "/clients/" + client + "/log"; }
  std::string api_log() { return "/api/v1/clients/" + client + "/contacts"; }

  Response post(const std::string& from, const std::string& action,
                std::vector<std::pair<std::string, std::string>> fields) {
    EXPECT_EQ(page->get(from).status, 200) << from;
    fields.emplace_back("csrf", page->csrf_from_last_page());
    return page->post_form(action, fields);
  }

  std::vector<domain::StatEvent> stats(domain::StatEventType type) {
    auto conn = t->env().db().acquire();
    std::vector<domain::StatEvent> out;
    auto all = store::list_stat_events(conn.sql(), t->env().operation_id());
    for (const auto& e : *all) {
      if (e.type == type) out.push_back(e);
    }
    return out;
  }

  // ada's sessions again, after the clock has moved on past their lifetime.
  void relogin() {
    page = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(page->login("ada", TestServices::kPassword).status, 303);
    api = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(api->api_login("ada", TestServices::kPassword).status, 201);
  }

  long long count(const char* table) {
    auto conn = t->env().db().acquire();
    long long n = 0;
    conn.sql() << "SELECT COUNT(*) FROM " + std::string(table), soci::into(n);
    return n;
  }

  // The SQLite file and its WAL, as written (for the tests that grep them for a marker).
  std::string database_bytes() {
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(t->env().test_db().url() + suffix, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      bytes += ss.str();
    }
    return bytes;
  }

  long long audited(const std::string& action, const std::string& kind) {
    auto conn = t->env().db().acquire();
    long long n = 0;
    conn.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :a AND record_kind = :k", soci::use(action),
        soci::use(kind), soci::into(n);
    return n;
  }

  std::unique_ptr<TestApp> t;
  std::unique_ptr<WebClient> page;
  std::unique_ptr<WebClient> api;
  std::string client;
  long long ada = 0;
  long long bo = 0;
};

}  // namespace ombud::testing
