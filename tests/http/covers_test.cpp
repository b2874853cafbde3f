// tests/http/covers_test.cpp
//
// Covering for a colleague (vikariat) from both sides: the samordnare grants bo access to ada's
// client with a reason and a last day; bo then reads and writes the client's work with a notice
// on the pages and every access marked in the audit log; the grant ends by itself after its last
// day or when the samordnare ends it. The samordnare still never reads the work. Bad grants are
// refused with Swedish messages and API codes. Today is 2026-11-23 on the test clock.
#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Covers : public ombud::testing::WorkFixture {
 protected:
  void SetUp() override {
    WorkFixture::SetUp();
    if (IsSkipped()) return;
    sam_page = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(sam_page->login("cecilia", TestServices::kPassword).status, 303);
    sam_api = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(sam_api->api_login("cecilia", TestServices::kPassword).status, 201);
    relogin_bo();
  }
  void relogin_bo() {
    bo_page = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(bo_page->login("bo", TestServices::kPassword).status, 303);
    bo_api = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(bo_api->api_login("bo", TestServices::kPassword).status, 201);
  }
  std::string covers() { return "/clients/" + client + "/covers"; }
  std::string api_covers() { return "/api/v1/clients/" + client + "/covers"; }

  Response sam_post(const std::string& from, const std::string& action,
                    std::vector<std::pair<std::string, std::string>> fields) {
    EXPECT_EQ(sam_page->get(from).status, 200) << from;
    fields.emplace_back("csrf", sam_page->csrf_from_last_page());
    return sam_page->post_form(action, fields);
  }

  std::unique_ptr<WebClient> sam_page, sam_api, bo_page, bo_api;
};

TEST_P(Covers, TheSamordnareLetsAColleagueCoverAndTheColleagueWorksUnderANotice) {
  ASSERT_EQ(api->api("POST", api_log(),
                     {{"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 15}, {"note", "Loggad av Ada"}})
                .status,
            201);
  // Before: bo reaches nothing of ada's client.
  EXPECT_EQ(bo_page->get("/clients/" + client).status, 404);
  EXPECT_EQ(bo_api->api("GET", api_log()).status, 404);

  Response client_page = sam_page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + covers() + "\""), std::string::npos);
  Response form = sam_page->get(covers());
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Ingen har vikarierat för klienten."), std::string::npos);
  EXPECT_EQ(form.body.find("value=\"" + std::to_string(ada) + "\""), std::string::npos) << "not the client's own";

  Response no_reason = sam_post(covers(), covers(), {{"ombud", std::to_string(bo)}, {"ends_on", "2026-12-06"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("Fältet måste fyllas i."), std::string::npos);
  Response past =
      sam_post(covers(), covers(), {{"ombud", std::to_string(bo)}, {"reason", "Semester"}, {"ends_on", "2026-11-22"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("Den sista dagen har redan varit."), std::string::npos);
  EXPECT_NE(past.body.find("Semester"), std::string::npos) << "what was typed is kept";
  Response primary =
      sam_post(covers(), covers(), {{"ombud", std::to_string(ada)}, {"reason", "Semester"}, {"ends_on", "2026-12-06"}});
  EXPECT_EQ(primary.status, 400);
  EXPECT_NE(primary.body.find("Det är klientens eget ombud."), std::string::npos);
  EXPECT_EQ(bo_page->get("/clients/" + client).status, 404) << "nothing was granted";

  Response granted = sam_post(
      covers(), covers(), {{"ombud", std::to_string(bo)}, {"reason", "Ada har <semester>"}, {"ends_on", "2026-12-06"}});
  ASSERT_EQ(granted.status, 303) << granted.body.substr(0, 400);
  Response listed = sam_page->get(covers());
  EXPECT_NE(listed.body.find("2026-11-23 – 2026-12-06"), std::string::npos);
  EXPECT_NE(listed.body.find("Ada har &lt;semester&gt;"), std::string::npos);
  EXPECT_NE(listed.body.find("Gäller"), std::string::npos);
  Response again = sam_api->api("POST", api_covers(), {{"ombud", bo}, {"reason", "Igen"}, {"ends_on", "2026-12-06"}});
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(json::parse(again.body)["error"]["fields"][0]["code"], "cover.exists");

  // bo now covers: the client is in bo's list, its pages say so, and bo works in the log.
  EXPECT_NE(bo_page->get("/").body.find("Vera Arbetsdag"), std::string::npos) << "in bo's own list";
  Response seen = bo_page->get("/clients/" + client);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Du vikarierar för klientens ombud till och med 2026-12-06."), std::string::npos);
  Response log_page = bo_page->get(log());
  ASSERT_EQ(log_page.status, 200);
  EXPECT_NE(log_page.body.find("Du vikarierar"), std::string::npos);
  EXPECT_NE(log_page.body.find("Loggad av Ada"), std::string::npos);
  EXPECT_EQ(bo_api->api("POST", api_log(), {{"kind", "mote"}, {"counterpart", "klienten"}, {"minutes", 30}}).status,
            201);
  EXPECT_GE(audited("covered_access", "client"), 3) << "every access under the grant is marked";
  // What covering does not give: changing the case, or granting covers.
  EXPECT_EQ(bo_api->api("GET", api_covers()).status, 403);
  // The samordnare still does not read the work.
  EXPECT_EQ(sam_api->api("GET", api_log()).status, 403);

  // The grant ends by itself after its last day.
  t->env().clock().advance(14 * 86400);
  relogin_bo();
  EXPECT_EQ(bo_page->get("/clients/" + client).status, 404);
  EXPECT_EQ(bo_api->api("GET", api_log()).status, 404);
  EXPECT_EQ(bo_page->get("/").body.find("Vera Arbetsdag"), std::string::npos);
}

TEST_P(Covers, TheSamordnareEndsAGrantEarlyAndTheApiSaysWhatIsWrong) {
  Response bad = sam_api->api("POST", api_covers(), {{"ombud", 424242}, {"reason", ""}, {"ends_on", "2027-12-31"}});
  EXPECT_EQ(bad.status, 400);
  std::set<std::string> codes;
  const json refused = json::parse(bad.body);
  for (const auto& f : refused["error"]["fields"])
    codes.insert(f["field"].get<std::string>() + ":" + f["code"].get<std::string>());
  EXPECT_EQ(codes,
            (std::set<std::string>{"ombud:cover.ombud_unknown", "reason:field.required", "ends_on:cover.too_long"}));
  Response made = sam_api->api("POST", api_covers(), {{"ombud", bo}, {"reason", "Sjukdom"}, {"ends_on", "2026-12-31"}});
  ASSERT_EQ(made.status, 201) << made.body;
  json c = json::parse(made.body);
  EXPECT_TRUE(c["in_force"].get<bool>());
  EXPECT_EQ(bo_api->api("GET", api_log()).status, 200);
  // An ombud cannot grant a cover, not even to themselves.
  EXPECT_EQ(api->api("POST", api_covers(), {{"ombud", bo}, {"reason", "x"}, {"ends_on", "2026-12-01"}}).status, 403);
  const std::string end = api_covers() + "/" + c["id"].get<std::string>() + "/end";
  EXPECT_EQ(sam_api->api("POST", end, {{"version", 5}}).status, 409);
  Response ended = sam_api->api("POST", end, {{"version", c["version"]}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(json::parse(ended.body)["in_force"].get<bool>());
  EXPECT_EQ(json::parse(ended.body)["ended_on"], "2026-11-23");
  EXPECT_EQ(bo_api->api("GET", api_log()).status, 404) << "at once";
  Response twice = sam_api->api("POST", end, {{"version", json::parse(ended.body)["version"]}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(json::parse(twice.body)["error"]["key"], "cover.already_ended");
  EXPECT_EQ(audited("create", "cover"), 1);
  EXPECT_EQ(audited("update", "cover"), 1);
}

TEST_P(Covers, TheReasonNeverReachesTheDatabaseFileInPlaintext) {
  if (GetParam() != store::Engine::kSqlite) GTEST_SKIP() << "the file is SQLite's; PostgreSQL keeps its own";
  const std::string marker = "MARKER-Cv8Reason";
  ASSERT_EQ(sam_api->api("POST", api_covers(), {{"ombud", bo}, {"reason", marker}, {"ends_on", "2026-12-31"}}).status,
            201);
  EXPECT_EQ(json::parse(sam_api->api("GET", api_covers()).body)["covers"][0]["reason"], marker);
  const std::string bytes = database_bytes();
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(marker), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, Covers, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
