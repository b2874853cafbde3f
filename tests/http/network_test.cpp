// tests/http/network_test.cpp
//
// The client's network map and the consents to speak with it, through the pages and the API:
// who already does what, contact details only with the client's agreement, consents with their
// scope, dates and revocation, and the contact log naming someone in the network and showing
// where no consent covers the contact. Today is 2026-11-23 on the test clock.
#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Network : public ombud::testing::WorkFixture {
 protected:
  std::string map() { return "/clients/" + client + "/network"; }
  std::string api_map() { return "/api/v1/clients/" + client + "/network"; }
  std::string consents() { return "/clients/" + client + "/consents"; }
  std::string api_consents() { return "/api/v1/clients/" + client + "/consents"; }

  json add_person(const json& body) {
    Response r = api->api("POST", api_map(), body);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body);
  }
};

TEST_P(Network, TheMapShowsWhoAlreadyDoesWhatAndKeepsContactDetailsOnlyWhenTheClientAgrees) {
  Response client_page = page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + map() + "\""), std::string::npos) << "one tap from the client";

  // Contact details without the client's agreement are refused, and nothing is kept.
  Response refused = post(map(), map(),
                          {{"kind", "boendestodjare"},
                           {"name", "Boendestödjaren Kim"},
                           {"does", "Handlar och städar varje tisdag"},
                           {"contact", "070-123 45 67"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Kryssa i att klienten vill att kontaktuppgifterna sparas"), std::string::npos);
  EXPECT_NE(refused.body.find("Handlar och städar varje tisdag"), std::string::npos) << "what was typed is kept";
  EXPECT_EQ(count("network_entries"), 0);

  Response added = post(map(), map(),
                        {{"kind", "boendestodjare"},
                         {"name", "Boendestödjaren <Kim>"},
                         {"does", "Handlar och städar varje tisdag"},
                         {"contact_agreed", "1"},
                         {"contact", "070-123 45 67"}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 400);
  Response shown = page->get(map());
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Yrkespersoner"), std::string::npos);
  EXPECT_NE(shown.body.find("Boendestödjaren &lt;Kim&gt;"), std::string::npos) << "shown as text";
  EXPECT_NE(shown.body.find("Handlar och städar varje tisdag"), std::string::npos) << "hjälpen till hjälpen";
  EXPECT_NE(shown.body.find("070-123 45 67"), std::string::npos);
  EXPECT_NE(shown.body.find("Samtycke saknas"), std::string::npos);

  // Taking back the agreement takes the details away.
  json p = json::parse(api->api("GET", api_map()).body)["network"][0];
  EXPECT_EQ(p["group"], "yrkespersoner");
  EXPECT_EQ(p["consent"]["standing"], "missing");
  Response edited = api->api("PUT", api_map() + "/" + p["id"].get<std::string>(),
                             {{"kind", "boendestodjare"}, {"name", "Kim"}, {"version", p["version"]}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(json::parse(edited.body)["contact"], "");
  EXPECT_EQ(page->get(map()).body.find("070-123 45 67"), std::string::npos);
  // A stale edit is refused and nothing is overwritten.
  Response stale = api->api("PUT", api_map() + "/" + p["id"].get<std::string>(),
                            {{"kind", "privat"}, {"name", "Någon annan"}, {"version", p["version"]}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(json::parse(stale.body)["error"]["key"], "network.changed");
  EXPECT_EQ(json::parse(api->api("GET", api_map()).body)["network"][0]["name"], "Kim");
  // An unknown kind and an empty name are refused with the field they concern.
  Response bad_kind = api->api("POST", api_map(), {{"kind", "grannen"}, {"name", "Grannen"}});
  EXPECT_EQ(bad_kind.status, 400);
  EXPECT_NE(bad_kind.body.find("\"field\":\"kind\""), std::string::npos) << bad_kind.body;
  Response no_name = post(map(), map(), {{"kind", "privat"}, {"name", " "}});
  EXPECT_EQ(no_name.status, 400);
  EXPECT_NE(no_name.body.find("Fältet måste fyllas i."), std::string::npos);
  EXPECT_EQ(audited("create", "network"), 1);
  EXPECT_EQ(audited("update", "network"), 1);
}

TEST_P(Network, AConsentCoversSomeoneInTheMapForItsScopeAndPeriodUntilTheClientRevokesIt) {
  Response none = page->get(consents());
  ASSERT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("Lägg först till myndigheten eller personen i nätverkskartan"), std::string::npos);
  json fk = add_person({{"kind", "forsakringskassan"}, {"name", "Handläggaren på FK"}});
  const std::string fk_id = fk["id"];

  // Someone not in this client's map, no scope, an end before the start: clear codes, nothing kept.
  Response unknown =
      api->api("POST", api_consents(), {{"network_id", "nobody"}, {"scopes", {"kontakta"}}, {"form", "fullmakt"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("consent.network_unknown"), std::string::npos) << unknown.body;
  Response no_scope = post(consents(), consents(), {{"network_id", fk_id}, {"form", "muntligt"}});
  EXPECT_EQ(no_scope.status, 400);
  EXPECT_NE(no_scope.body.find("Kryssa i minst en sak som klienten säger ja till."), std::string::npos);
  Response backwards = api->api("POST", api_consents(),
                                {{"network_id", fk_id},
                                 {"scopes", {"kontakta"}},
                                 {"form", "fullmakt"},
                                 {"from", "2026-12-01"},
                                 {"until", "2026-11-30"}});
  EXPECT_EQ(backwards.status, 400);
  EXPECT_NE(backwards.body.find("consent.until_before_from"), std::string::npos);
  EXPECT_EQ(count("consents"), 0);

  // Through the page: two scopes, signed, until the end of next June.
  Response made = post(consents(), consents(),
                       {{"network_id", fk_id},
                        {"scopes", "kontakta"},
                        {"scopes", "ta_del"},
                        {"matter", "Min ansökan om sjukersättning"},
                        {"form", "fullmakt"},
                        {"from", "2026-11-23"},
                        {"until", "2027-06-30"}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 400);
  json c = json::parse(api->api("GET", api_consents()).body)["consents"][0];
  EXPECT_EQ(c["scopes"], json({"kontakta", "ta_del"}));
  EXPECT_EQ(c["state"], "valid");
  EXPECT_EQ(c["network_name"], "Handläggaren på FK");
  Response listed = page->get(consents());
  EXPECT_NE(listed.body.find("Ombudet får ta del av uppgifter och handlingar om mig"), std::string::npos);
  EXPECT_NE(listed.body.find("2026-11-23 – 2027-06-30"), std::string::npos);
  EXPECT_NE(page->get(map()).body.find("Gäller till 2027-06-30"), std::string::npos);

  // The client takes it back: it stays listed as revoked, and the map says so.
  const std::string one = api_consents() + "/" + c["id"].get<std::string>();
  Response unconfirmed =
      post(consents() + "/" + c["id"].get<std::string>(), consents() + "/" + c["id"].get<std::string>() + "/revoke",
           {{"version", std::to_string(c["version"].get<int>())}});
  EXPECT_EQ(unconfirmed.status, 400);
  Response revoked = api->api("POST", one + "/revoke", {{"version", c["version"]}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(json::parse(revoked.body)["state"], "revoked");
  EXPECT_EQ(json::parse(revoked.body)["revoked_on"], "2026-11-23");
  EXPECT_NE(page->get(map()).body.find("Återkallat"), std::string::npos);
  Response again = api->api("POST", one + "/revoke", {{"version", json::parse(revoked.body)["version"]}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(json::parse(again.body)["error"]["key"], "consent.already_revoked");
  Response stale = api->api("POST", one + "/revoke", {{"version", c["version"]}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(json::parse(stale.body)["error"]["key"], "consent.changed");
  EXPECT_EQ(audited("revoke", "consent"), 1);

  // An oral consent that has run out shows as expired on the map.
  t->env().clock().advance(30 * 86400);
  relogin();
  Response oral = api->api("POST", api_consents(),
                           {{"network_id", fk_id},
                            {"scopes", {"lamna"}},
                            {"form", "muntligt"},
                            {"from", "2026-12-01"},
                            {"until", "2026-12-31"}});
  ASSERT_EQ(oral.status, 201) << oral.body;
  t->env().clock().advance(40 * 86400);
  relogin();
  json person = json::parse(api->api("GET", api_map() + "/" + fk_id).body);
  EXPECT_EQ(person["consent"]["standing"], "expired");
  EXPECT_EQ(person["consent"]["until"], "2026-12-31");
  EXPECT_NE(page->get(map()).body.find("Gick ut 2026-12-31"), std::string::npos);

  // Removing them from the map removes the consents given for them.
  Response gone = api->api("DELETE", api_map() + "/" + fk_id + "?version=1");
  EXPECT_EQ(gone.status, 204);
  EXPECT_EQ(count("consents"), 0);
}

TEST_P(Network, TheLogNamesSomeoneInTheNetworkAndShowsWhereNoConsentCoveredTheContact) {
  json soc = add_person({{"kind", "socialtjansten"}, {"name", "Handläggaren Sara"}});
  const std::string soc_id = soc["id"];
  Response form = page->get(log());
  EXPECT_NE(form.body.find("value=\"network:" + soc_id + "\""), std::string::npos) << "offered by name";
  Response logged =
      post(log(), log(),
           {{"date", "2026-11-20"}, {"kind", "telefon"}, {"counterpart", "network:" + soc_id}, {"minutes", "20"}});
  ASSERT_EQ(logged.status, 303) << logged.body.substr(0, 400);
  Response shown = page->get(log());
  EXPECT_NE(shown.body.find("Handläggaren Sara"), std::string::npos);
  EXPECT_NE(shown.body.find("Samtycke saknas"), std::string::npos);
  // The statistics count the category, never the person.
  auto events = stats(domain::StatEventType::kContactLogged);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].counterpart, "socialtjansten");

  // With a consent from that day on, the entry is covered.
  ASSERT_EQ(api->api("POST", api_consents(),
                     {{"network_id", soc_id}, {"scopes", {"kontakta"}}, {"form", "muntligt"}, {"from", "2026-11-20"}})
                .status,
            201);
  EXPECT_EQ(page->get(log()).body.find("Samtycke saknas"), std::string::npos);

  // Someone of another client, or a category that is not theirs, is refused.
  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  const std::string second = ombud::testing::make_active_case(sam, "Olle Annan", ada, {ada, bo})["id"];
  Response theirs = api->api("POST", "/api/v1/clients/" + second + "/network", {{"kind", "privat"}, {"name", "Mamma"}});
  ASSERT_EQ(theirs.status, 201);
  Response crossed = api->api("POST", api_log(),
                              {{"kind", "telefon"}, {"network_id", json::parse(theirs.body)["id"]}, {"minutes", 5}});
  EXPECT_EQ(crossed.status, 400);
  EXPECT_NE(crossed.body.find("log.counterpart_unknown"), std::string::npos) << crossed.body;
  Response mismatch = api->api(
      "POST", api_log(), {{"kind", "telefon"}, {"network_id", soc_id}, {"counterpart", "kronofogden"}, {"minutes", 5}});
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("log.counterpart_mismatch"), std::string::npos);
  EXPECT_EQ(stats(domain::StatEventType::kContactLogged).size(), 1u) << "nothing was stored";

  // Removing them from the map leaves the entry with its category.
  ASSERT_EQ(api->api("DELETE", api_map() + "/" + soc_id + "?version=1").status, 204);
  json entry = json::parse(api->api("GET", api_log()).body)["contacts"][0];
  EXPECT_TRUE(entry["network_id"].is_null());
  EXPECT_EQ(entry["counterpart"], "socialtjansten");
}

TEST_P(Network, NobodyButTheClientsOmbudReadsTheNetworkOrTheConsents) {
  add_person({{"kind", "privat"}, {"name", "Syster Hemlig"}});
  WebClient sam(t->app());
  ASSERT_EQ(sam.login("cecilia", TestServices::kPassword).status, 303);
  for (const auto& path : {map(), consents()}) {
    Response r = sam.get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body.find("Syster Hemlig"), std::string::npos);
  }
  WebClient bo_api(t->app());
  ASSERT_EQ(bo_api.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(bo_api.api("GET", api_map()).status, 404);
  EXPECT_EQ(bo_api.api("GET", api_consents()).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, Network, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
