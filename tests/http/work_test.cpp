// tests/http/work_test.cpp
//
// The work inside an assignment, first part: the contact log and the needs mapping, through the
// pages and the API. Only the client's ombud reaches them (not the samordnare); every entry feeds
// and follows its statistics event; bad input changes nothing; nothing the client said reaches
// the database file in plaintext.
#include <fstream>
#include <sstream>

#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestApp;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Work : public ombud::testing::WorkFixture {};

TEST_P(Work, AnOmbudLogsAContactInAFewTapsAndTheLogFeedsTheStatistics) {
  Response client_page = page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + log() + "\""), std::string::npos) << "the log is one tap away";

  Response added = post(log(), log(),
                        {{"date", "2026-11-20"},
                         {"kind", "mote"},
                         {"place", "hemma"},
                         {"counterpart", "klienten"},
                         {"minutes", "90"},
                         {"note", "Gick igenom <script>alert(1)</script> räkningarna"}});
  ASSERT_EQ(added.status, 303) << added.body;
  Response shown = page->get(log() + "?notice=log_added");
  EXPECT_NE(shown.body.find("Kontakten är sparad i loggen."), std::string::npos);
  EXPECT_NE(shown.body.find("Möte med klienten, hemma hos personen"), std::string::npos);
  EXPECT_NE(shown.body.find("1 h 30 min"), std::string::npos);
  EXPECT_NE(shown.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << "shown as text";
  EXPECT_EQ(shown.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(shown.body.find("1 kontakt, sammanlagt 1 h 30 min."), std::string::npos);

  auto events = stats(domain::StatEventType::kContactLogged);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].activity, "mote");
  EXPECT_EQ(events[0].counterpart, "klienten");
  EXPECT_EQ(events[0].minutes, 90);
  EXPECT_EQ(events[0].year, 2026);
  EXPECT_EQ(events[0].municipality_code, "0861");
  EXPECT_EQ(audited("create", "contact_log"), 1);
  EXPECT_GE(audited("read", "contact_log"), 1);

  // Through the API the same entry, and a second one.
  Response list = api->api("GET", api_log());
  ASSERT_EQ(list.status, 200);
  json l = json::parse(list.body);
  ASSERT_EQ(l["total"], 1);
  EXPECT_EQ(l["contacts"][0]["note"], "Gick igenom <script>alert(1)</script> räkningarna");
  Response call =
      api->api("POST", api_log(), {{"kind", "telefon"}, {"counterpart", "forsakringskassan"}, {"minutes", 20}});
  ASSERT_EQ(call.status, 201) << call.body;
  EXPECT_EQ(json::parse(call.body)["date"], "2026-11-23") << "no date is today";
  EXPECT_EQ(stats(domain::StatEventType::kContactLogged).size(), 2U);
}

TEST_P(Work, BadEntriesGetClearMessagesAndChangeNothing) {
  Response bad = post(log(), log(),
                      {{"date", "2026-12-24"},
                       {"kind", "telefon"},
                       {"place", "hemma"},
                       {"counterpart", ""},
                       {"minutes", "0"},
                       {"note", std::string(501, 'x')}});
  EXPECT_EQ(bad.status, 400);
  for (const char* message : {"Datumet kan inte ligga i framtiden.", "Ange bara ställe för ett möte med klienten.",
                              "Välj hur lång tid det tog", "Anteckningen får ha högst 500 tecken."}) {
    EXPECT_NE(bad.body.find(message), std::string::npos) << message;
  }
  EXPECT_NE(bad.body.find("value=\"2026-12-24\""), std::string::npos) << "what was typed stays";
  Response api_bad =
      api->api("POST", api_log(), {{"kind", "brev"}, {"counterpart", "klienten"}, {"minutes", 5000}, {"notes", "x"}});
  EXPECT_EQ(api_bad.status, 400);
  std::set<std::string> fields;
  json bad_body = json::parse(api_bad.body);
  for (const auto& f : bad_body["error"]["fields"])
    fields.insert(f["field"].get<std::string>() + ":" + f["code"].get<std::string>());
  EXPECT_TRUE(fields.count("notes:field.unknown")) << api_bad.body;
  Response api_values = api->api("POST", api_log(), {{"kind", "brev"}, {"counterpart", "klienten"}, {"minutes", 5000}});
  EXPECT_EQ(api_values.status, 400);
  fields.clear();
  json values_body = json::parse(api_values.body);
  for (const auto& f : values_body["error"]["fields"])
    fields.insert(f["field"].get<std::string>() + ":" + f["code"].get<std::string>());
  EXPECT_TRUE(fields.count("kind:field.invalid")) << api_values.body;
  EXPECT_TRUE(fields.count("minutes:log.minutes_invalid")) << api_values.body;
  EXPECT_EQ(json::parse(api->api("GET", api_log()).body)["total"], 0);
  EXPECT_TRUE(stats(domain::StatEventType::kContactLogged).empty());
}

TEST_P(Work, AnEntryIsEditedOrRemovedTogetherWithTheClientAndItsEventFollows) {
  Response made = api->api("POST", api_log(),
                           {{"date", "2026-11-02"},
                            {"kind", "mote"},
                            {"place", "kontoret"},
                            {"counterpart", "klienten"},
                            {"minutes", 60},
                            {"note", "Första mötet"}});
  ASSERT_EQ(made.status, 201);
  const std::string id = json::parse(made.body)["id"];
  const std::string entry = log() + "/" + id;
  Response form = page->get(entry);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Första mötet"), std::string::npos);

  Response edited = post(entry, entry,
                         {{"version", "1"},
                          {"date", "2026-11-02"},
                          {"kind", "medfoljning"},
                          {"counterpart", "socialtjansten"},
                          {"minutes", "120"},
                          {"note", "Följde med till socialtjänsten"}});
  ASSERT_EQ(edited.status, 303) << edited.body;
  auto events = stats(domain::StatEventType::kContactLogged);
  ASSERT_EQ(events.size(), 1U) << "the event follows the entry, it is not added to";
  EXPECT_EQ(events[0].activity, "medfoljning");
  EXPECT_EQ(events[0].counterpart, "socialtjansten");
  EXPECT_EQ(events[0].minutes, 120);
  EXPECT_EQ(audited("update", "contact_log"), 1);

  // A stale edit is refused, and nothing is overwritten.
  Response stale =
      post(entry, entry,
           {{"version", "1"}, {"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", "10"}, {"note", "Gammal"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Anteckningen har ändrats under tiden."), std::string::npos);
  EXPECT_EQ(json::parse(api->api("GET", api_log() + "/" + id).body)["note"], "Följde med till socialtjänsten");

  // Removing needs the confirmation.
  Response unconfirmed = post(entry, entry + "/remove", {{"version", "2"}});
  EXPECT_EQ(unconfirmed.status, 400);
  EXPECT_NE(unconfirmed.body.find("Kryssa i att ni vill ta bort anteckningen."), std::string::npos);
  Response removed = post(entry, entry + "/remove", {{"version", "2"}, {"confirmed", "1"}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(page->get(entry).status, 404);
  EXPECT_TRUE(stats(domain::StatEventType::kContactLogged).empty()) << "its event goes with it";
  EXPECT_EQ(audited("delete", "contact_log"), 1);
}

TEST_P(Work, TheLogIsPagedWithItsTotals) {
  for (int i = 0; i < 25; ++i) {
    ASSERT_EQ(api->api("POST", api_log(),
                       {{"date", "2026-11-01"}, {"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 10}})
                  .status,
              201);
  }
  json first = json::parse(api->api("GET", api_log() + "?limit=10").body);
  EXPECT_EQ(first["total"], 25);
  EXPECT_EQ(first["total_minutes"], 250);
  EXPECT_EQ(first["pages"], 3);
  EXPECT_EQ(first["contacts"].size(), 10U);
  EXPECT_EQ(json::parse(api->api("GET", api_log() + "?limit=10&page=3").body)["contacts"].size(), 5U);
  EXPECT_EQ(api->api("GET", api_log() + "?limit=1000").status, 400);
  Response p2 = page->get(log() + "?page=2");
  EXPECT_NE(p2.body.find("Sida 2 av 2"), std::string::npos);
  EXPECT_NE(p2.body.find("25 kontakter, sammanlagt 4 h 10 min."), std::string::npos);
}

TEST_P(Work, NobodyButTheClientsOmbudReadsTheWorkAndEveryRefusalIsLogged) {
  ASSERT_EQ(api->api("POST", api_log(),
                     {{"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 10}, {"note", "Hemligt"}})
                .status,
            201);
  WebClient sam(t->app());
  ASSERT_EQ(sam.login("cecilia", TestServices::kPassword).status, 303);
  EXPECT_EQ(sam.get("/clients/" + client).status, 200) << "the samordnare sees the case";
  Response refused = sam.get(log());
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find("Hemligt"), std::string::npos);
  EXPECT_EQ(sam.get("/clients/" + client).body.find(log()), std::string::npos) << "and is offered no link to it";
  WebClient bo_api(t->app());
  ASSERT_EQ(bo_api.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(bo_api.api("GET", api_log()).status, 404);
  EXPECT_EQ(bo_api.api("GET", "/api/v1/clients/" + client + "/mapping").status, 404);
  // The samordnare is refused by role (the route's permission), the other ombud by the policy.
  auto conn = t->env().db().acquire();
  long long by_role = 0;
  long long by_policy = 0;
  conn.sql() << "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND username = 'cecilia'", soci::into(by_role);
  conn.sql() << "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND username = 'bo' AND client_id = :c",
      soci::use(client), soci::into(by_policy);
  EXPECT_EQ(by_role, 1);
  EXPECT_EQ(by_policy, 2);
}

TEST_P(Work, TheNeedsMappingKeepsTheClientsWordsAndCountsTheAreasWithHelpWanted) {
  const std::string mapping = "/clients/" + client + "/mapping";
  Response form = page->get(mapping);
  ASSERT_EQ(form.status, 200);
  for (const auto& area : domain::default_life_areas())
    EXPECT_NE(form.body.find(area.label), std::string::npos) << area.label;
  Response saved = post(mapping, mapping,
                        {{"areas.ekonomi.version", "0"},
                         {"areas.ekonomi.words", "Skulder hos Kronofogden, vill ha ordning"},
                         {"areas.ekonomi.help", "1"},
                         {"areas.boende.version", "0"},
                         {"areas.boende.words", "Trivs i lägenheten"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  Response again = page->get(mapping + "?notice=mapping_saved");
  EXPECT_NE(again.body.find("Kartläggningen är sparad."), std::string::npos);
  EXPECT_NE(again.body.find("Skulder hos Kronofogden, vill ha ordning"), std::string::npos);
  auto wanted = stats(domain::StatEventType::kHelpWanted);
  ASSERT_EQ(wanted.size(), 1U);
  EXPECT_EQ(wanted[0].activity, "ekonomi");

  json m = json::parse(api->api("GET", "/api/v1/clients/" + client + "/mapping").body);
  int ekonomi_version = 0;
  for (const auto& a : m["areas"]) {
    if (a["area"] == "ekonomi") ekonomi_version = a["version"];
  }
  ASSERT_EQ(ekonomi_version, 1);
  // A stale form is refused as a whole.
  Response stale = post(mapping, mapping, {{"areas.ekonomi.version", "0"}, {"areas.ekonomi.words", "Annat"}});
  EXPECT_EQ(stale.status, 409);
  Response too_long = api->api("PUT", "/api/v1/clients/" + client + "/mapping",
                               {{"areas", {{{"area", "ekonomi"}, {"version", 1}, {"words", std::string(2001, 'a')}}}}});
  EXPECT_EQ(too_long.status, 400);
  Response unknown = api->api("PUT", "/api/v1/clients/" + client + "/mapping",
                              {{"areas", {{{"area", "rymden"}, {"version", 0}, {"words", "x"}}}}});
  EXPECT_EQ(unknown.status, 400);
  // Help no longer wanted: the area's event goes; the words stay.
  Response off =
      api->api("PUT", "/api/v1/clients/" + client + "/mapping",
               {{"areas", {{{"area", "ekonomi"}, {"version", 1}, {"words", "Ordning nu"}, {"wants_help", false}}}}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_TRUE(stats(domain::StatEventType::kHelpWanted).empty());
}

TEST_P(Work, WhatTheClientSaysNeverReachesTheDatabaseFileInPlaintext) {
  if (GetParam() != store::Engine::kSqlite) GTEST_SKIP() << "the file is SQLite's; PostgreSQL keeps its own";
  const std::string marker = "MARKER-Qz7kWork";
  ASSERT_EQ(api->api("POST", api_log(),
                     {{"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 10}, {"note", marker + "-note"}})
                .status,
            201);
  ASSERT_EQ(
      api->api("PUT", "/api/v1/clients/" + client + "/mapping",
               {{"areas", {{{"area", "halsa"}, {"version", 0}, {"words", marker + "-words"}, {"wants_help", true}}}}})
          .status,
      200);
  Response goal = api->api("POST", "/api/v1/clients/" + client + "/goals", {{"text", marker + "-goal"}});
  ASSERT_EQ(goal.status, 201);
  ASSERT_EQ(
      api->api("POST",
               "/api/v1/clients/" + client + "/goals/" + json::parse(goal.body)["id"].get<std::string>() + "/steps",
               {{"text", marker + "-step"}, {"actor", "klienten"}})
          .status,
      201);
  Response person = api->api("POST", "/api/v1/clients/" + client + "/network",
                             {{"kind", "god_man"},
                              {"name", marker + "-name"},
                              {"does", marker + "-does"},
                              {"contact_agreed", true},
                              {"contact", marker + "-contact"}});
  ASSERT_EQ(person.status, 201);
  ASSERT_EQ(api->api("POST", "/api/v1/clients/" + client + "/consents",
                     {{"network_id", json::parse(person.body)["id"]},
                      {"scopes", {"kontakta"}},
                      {"form", "fullmakt"},
                      {"matter", marker + "-matter"}})
                .status,
            201);
  // The SQLite file and its WAL, as written.
  const std::string bytes = database_bytes();
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(marker), std::string::npos);
}

TEST_P(Work, TheActionPlanHoldsOneActiveGoalWithSmallStepsAndKeepsItsRules) {
  const std::string plan = "/clients/" + client + "/plan";
  const std::string goals = "/api/v1/clients/" + client + "/goals";
  Response empty = post(plan, plan, {{"text", "  "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Fältet måste fyllas i."), std::string::npos) << empty.body.substr(0, 200);
  Response made = post(plan, plan, {{"text", "Få ordning på <b>ekonomin</b>"}});
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string goal_page = std::string(made.header("location")).substr(0, made.header("location").find('?'));
  Response shown = page->get(goal_page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Få ordning på &lt;b&gt;ekonomin&lt;/b&gt;"), std::string::npos);
  // One goal at a time: no form for another, and the API refuses one.
  Response p = page->get(plan);
  EXPECT_NE(p.body.find("Ni arbetar med ett mål i taget."), std::string::npos);
  EXPECT_EQ(p.body.find("action=\"" + plan + "\""), std::string::npos);
  Response second = api->api("POST", goals, {{"text", "Ett mål till"}});
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(json::parse(second.body)["error"]["key"], "plan.too_many_active");

  // Steps: who does what by when; a date that has passed is refused unless the step is done.
  json g = json::parse(api->api("GET", goals).body)["goals"][0];
  const std::string goal = g["id"];
  Response past = post(goal_page, goal_page + "/steps",
                       {{"text", "Ringa Kronofogden"}, {"actor", "ombudet"}, {"due", "2026-11-01"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("Datumet har redan varit."), std::string::npos);
  Response step = post(goal_page, goal_page + "/steps",
                       {{"text", "Ringa Kronofogden"}, {"actor", "ombudet"}, {"due", "2026-11-30"}});
  ASSERT_EQ(step.status, 303) << step.body;
  json steps = json::parse(api->api("GET", goals).body)["goals"][0]["steps"];
  ASSERT_EQ(steps.size(), 1U);
  EXPECT_EQ(steps[0]["actor"], "ombudet");
  EXPECT_EQ(steps[0]["due"], "2026-11-30");
  const std::string step_id = steps[0]["id"];
  Response done = api->api(
      "PUT", "/api/v1/clients/" + client + "/steps/" + step_id,
      {{"text", "Ringa Kronofogden"}, {"actor", "ombudet"}, {"due", "2026-11-30"}, {"done", true}, {"version", 1}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(json::parse(done.body)["done"], "2026-11-23");
  Response stale = api->api("PUT", "/api/v1/clients/" + client + "/steps/" + step_id,
                            {{"text", "Annat"}, {"actor", "klienten"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);

  // The goal reached: its status and date; then a new goal may be set.
  Response reached =
      post(goal_page, goal_page, {{"version", "1"}, {"text", "Få ordning på ekonomin"}, {"status", "uppnatt"}});
  ASSERT_EQ(reached.status, 303) << reached.body;
  json after = json::parse(api->api("GET", goals).body)["goals"][0];
  EXPECT_EQ(after["status"], "uppnatt");
  EXPECT_EQ(after["status_on"], "2026-11-23");
  EXPECT_EQ(api->api("POST", goals, {{"text", "Hitta en sysselsättning"}}).status, 201);
  // Reopening the first one would make two active: refused.
  Response reopen =
      api->api("PUT", goals + "/" + goal, {{"text", "Få ordning på ekonomin"}, {"status", "aktivt"}, {"version", 2}});
  EXPECT_EQ(reopen.status, 409);
  // Removing a goal removes its steps, after the confirmation.
  Response unconfirmed = post(goal_page, goal_page + "/remove", {{"version", "2"}});
  EXPECT_EQ(unconfirmed.status, 400);
  Response removed = post(goal_page, goal_page + "/remove", {{"version", "2"}, {"confirmed", "1"}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(page->get("/clients/" + client + "/steps/" + step_id).status, 404);
  EXPECT_EQ(json::parse(api->api("GET", goals).body)["goals"].size(), 1U);
  EXPECT_EQ(audited("create", "goal"), 2);
  EXPECT_EQ(audited("delete", "goal"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, Work, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
