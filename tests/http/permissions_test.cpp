// tests/http/permissions_test.cpp
//
// The authorization matrix: every route × every role × own and other client. A role the route's
// permission does not allow gets 403; an ombud asking for another ombud's client gets 404 as if it
// did not exist; nothing of a client reaches a response its user may not see; every refusal is
// in the audit log.
#include <regex>

#include <gtest/gtest.h>

#include "domain/operation_config.hpp"
#include "services/config_service.hpp"
#include "store/audit.hpp"
#include "support/web_client.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::TestApp;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

struct Client {
  std::string id;
  std::string code;
  std::string alias;
  std::string entry;        // a contact-log entry its ombud made with it
  std::string goal;         // a goal of its action plan
  std::string step;         // a step of that goal
  std::string person;       // someone in its network map
  std::string consent;      // a consent to speak with them
  std::string appointment;  // a meeting booked with them
  std::string cover;        // a colleague's covering for its ombud
};

bool client_scoped(const Route& r);

class Permissions : public ::testing::Test {
 protected:
  void SetUp() override {
    t = std::make_unique<TestApp>();
    ASSERT_TRUE(services::initialise_config(t->services(), t->env().operation_id(), domain::seed_config()));
    ada = t->env().add_user("ada", "ombud");
    bo = t->env().add_user("bo", "ombud");
    ulla = t->env().add_user("ulla", "ombud");
    t->env().add_user("cecilia", "samordnare");
    t->env().add_user("david", "ledningsgrupp");
    t->env().add_user("eva", "admin");
    t->env().add_user("lars", "lansstyrelse");
    WebClient sam(t->app());
    ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
    own = make_active(sam, "Alfa Synlig", ada);
    other = make_active(sam, "Beta Dold", bo);
    own.entry = log_entry("ada", own);
    other.entry = log_entry("bo", other);
    plan_goal("ada", own);
    plan_goal("bo", other);
    network("ada", own);
    network("bo", other);
    // A client of bo's whom ada covers for: she reaches it as her own while the grant holds.
    covered = make_active(sam, "Gamma Vikariat", bo);
    covered.entry = log_entry("bo", covered);
    plan_goal("bo", covered);
    network("bo", covered);
    own.cover = grant(sam, own, ulla);
    other.cover = grant(sam, other, ulla);
    covered.cover = grant(sam, covered, ada);
  }

  std::string grant(WebClient& sam, const Client& client, long long ombud) {
    Response g = sam.api("POST", "/api/v1/clients/" + client.id + "/covers",
                         {{"ombud", ombud}, {"reason", "Semester"}, {"ends_on", "2026-12-31"}});
    EXPECT_EQ(g.status, 201) << g.body;
    return json::parse(g.body)["id"];
  }

  void network(const std::string& ombud, Client& client) {
    WebClient c(t->app());
    EXPECT_EQ(c.api_login(ombud, TestServices::kPassword).status, 201);
    Response p = c.api("POST", "/api/v1/clients/" + client.id + "/network",
                       {{"kind", "socialtjansten"}, {"name", "Nätverket " + client.alias}});
    EXPECT_EQ(p.status, 201) << p.body;
    client.person = json::parse(p.body)["id"];
    Response k = c.api("POST", "/api/v1/clients/" + client.id + "/consents",
                       {{"network_id", client.person},
                        {"scopes", {"kontakta"}},
                        {"form", "muntligt"},
                        {"matter", "Samtycket " + client.alias}});
    EXPECT_EQ(k.status, 201) << k.body;
    client.consent = json::parse(k.body)["id"];
    Response a = c.api("POST", "/api/v1/clients/" + client.id + "/appointments",
                       {{"date", "2026-12-10"},
                        {"time", "14.00"},
                        {"minutes", 60},
                        {"kind", "medfoljning"},
                        {"place", "annat"},
                        {"where", "Mötet " + client.alias}});
    EXPECT_EQ(a.status, 201) << a.body;
    client.appointment = json::parse(a.body)["id"];
  }

  void plan_goal(const std::string& ombud, Client& client) {
    WebClient c(t->app());
    EXPECT_EQ(c.api_login(ombud, TestServices::kPassword).status, 201);
    Response g = c.api("POST", "/api/v1/clients/" + client.id + "/goals", {{"text", "Målet " + client.alias}});
    EXPECT_EQ(g.status, 201) << g.body;
    client.goal = json::parse(g.body)["id"];
    Response st = c.api("POST", "/api/v1/clients/" + client.id + "/goals/" + client.goal + "/steps",
                        {{"text", "Steget " + client.alias}, {"actor", "klienten"}});
    EXPECT_EQ(st.status, 201) << st.body;
    client.step = json::parse(st.body)["id"];
  }

  std::string log_entry(const std::string& ombud, const Client& client) {
    WebClient c(t->app());
    EXPECT_EQ(c.api_login(ombud, TestServices::kPassword).status, 201);
    Response r =
        c.api("POST", "/api/v1/clients/" + client.id + "/contacts",
              {{"kind", "mote"}, {"counterpart", "klienten"}, {"minutes", 30}, {"note", "Loggad " + client.alias}});
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body)["id"];
  }

  Client make_active(WebClient& sam, const std::string& alias, long long ombud) {
    json c = ombud::testing::make_active_case(sam, alias, ombud, {ada, bo});
    return Client{c["id"], c["code"], alias};
  }

  long long denials() {
    auto conn = t->env().db().acquire();
    long long n = 0;
    conn.sql() << "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'", soci::into(n);
    return n;
  }

  // Sends the request a signed-in user of this role would send to the route, for the client.
  Response call(WebClient& c, const Route& route, const Client& client) {
    std::string path = std::regex_replace(route.pattern, std::regex("\\{id\\}"), client.id);
    path = std::regex_replace(path, std::regex("\\{user\\}"), std::to_string(bo));
    path = std::regex_replace(path, std::regex("\\{entry\\}"), client.entry);
    path = std::regex_replace(path, std::regex("\\{goal\\}"), client.goal);
    path = std::regex_replace(path, std::regex("\\{step\\}"), client.step);
    path = std::regex_replace(path, std::regex("\\{person\\}"), client.person);
    path = std::regex_replace(path, std::regex("\\{consent\\}"), client.consent);
    path = std::regex_replace(path, std::regex("\\{letter\\}"), "god_man");
    path = std::regex_replace(path, std::regex("\\{appointment\\}"), client.appointment);
    path = std::regex_replace(path, std::regex("\\{cover\\}"), client.cover);
    path = std::regex_replace(path, std::regex("\\{[a-z]+\\}"), "x");
    if (route.kind == RouteKind::kApi) {
      // A well-formed body, so that the request reaches the access check of the use case.
      json body = route.method == "GET" ? json(nullptr) : json{{"version", 1}};
      if (route.method != "GET") {
        const std::string& p = route.pattern;
        if (p.ends_with("/assessment")) body["outcome"] = "malgrupp";
        if (p.ends_with("/own-wish")) body["how"] = "telefon";
        if (p.ends_with("/orientation"))
          body.update({{"date", "2026-12-01"}, {"place", "hemma"}, {"ombud", {ada, bo}}});
        if (p.ends_with("/held")) body["decision"] = "ko";
        if (p.ends_with("/priorities")) body["priorities"] = json::array();
        if (p.ends_with("/assignment")) body["ombud"] = ada;
        if (p.ends_with("/status")) body["action"] = "vilande";
        if (p.ends_with("/details")) body.update({{"municipality", "0861"}, {"birth_year", 1985}, {"gender", "man"}});
        if (p.find("/contacts") != std::string::npos && client_scoped(route)) {
          // A contact-log entry (an edit must carry the version; a removal gets a stale one).
          body = {{"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 15}};
          if (route.method == "PUT") body["version"] = 1;
          if (route.method == "DELETE") return c.api("DELETE", path + "?version=99");
        } else if (p.find("/goals") != std::string::npos || p.find("/steps/") != std::string::npos) {
          // A goal or a step (an edit must carry the version; a removal gets a stale one).
          if (route.method == "DELETE") return c.api("DELETE", path + "?version=99");
          body = {{"text", "Ett steg i taget"}};
          if (p.ends_with("/steps") || p.find("/steps/") != std::string::npos) body["actor"] = "ombudet";
          if (p.ends_with("/goals/{goal}")) body["status"] = "aktivt";
          if (route.method == "PUT") body["version"] = 1;
        } else if (p.find("/network") != std::string::npos) {
          if (route.method == "DELETE") return c.api("DELETE", path + "?version=99");
          body = {{"kind", "privat"}, {"name", "Granne"}};
          if (route.method == "PUT") body["version"] = 1;
        } else if (p.find("/consents") != std::string::npos) {
          if (route.method == "DELETE") return c.api("DELETE", path + "?version=99");
          if (!p.ends_with("/revoke"))
            body = {{"network_id", client.person}, {"scopes", {"lamna"}}, {"form", "fullmakt"}};
          body["version"] = 99;
          if (route.method == "POST" && p.ends_with("/consents")) body.erase("version");
        } else if (p.find("/appointments") != std::string::npos) {
          if (route.method == "DELETE") return c.api("DELETE", path + "?version=99");
          body = {{"date", "2026-12-10"}, {"time", "14.00"}, {"minutes", 60}, {"kind", "mote"}, {"place", "kontoret"}};
          if (route.method == "PUT") body["version"] = 99;
        } else if (p.find("/covers") != std::string::npos) {
          body = p.ends_with("/end") ? json{{"version", 99}}
                                     : json{{"ombud", ulla}, {"reason", "Sjukdom"}, {"ends_on", "2026-12-31"}};
        } else if (p.ends_with("/mapping")) {
          body = {{"areas", json::array()}};
        } else if (p.ends_with("/contacts")) {
          body.update({{"channel", "sms"},
                       {"contact_by", "sjalv"},
                       {"municipality", "0861"},
                       {"birth_year", 1980},
                       {"gender", "man"}});
        }
        if (p.ends_with("/inquiries")) body.update({{"channel", "sms"}, {"contact_by", "sjalv"}});
      }
      return c.api(route.method, path, body);
    }
    if (route.method == "GET") return c.get(path);
    c.get("/");  // a page with the session's CSRF token
    return c.post_form(path, {{"csrf", c.csrf_from_last_page()}, {"version", "1"}});
  }

  std::unique_ptr<TestApp> t;
  long long ada = 0;
  long long bo = 0;
  long long ulla = 0;
  Client own;
  Client other;
  Client covered;
};

bool client_scoped(const Route& r) {
  return r.pattern.find("{id}") != std::string::npos;
}

TEST_F(Permissions, EveryRouteRoleAndClientGetsTheRightAnswerAndNothingLeaks) {
  const std::vector<std::pair<std::string, domain::Role>> users = {{"ada", domain::Role::kOmbud},
                                                                   {"cecilia", domain::Role::kSamordnare},
                                                                   {"david", domain::Role::kLedningsgrupp},
                                                                   {"eva", domain::Role::kAdmin},
                                                                   {"lars", domain::Role::kLansstyrelse}};
  int checked = 0;
  for (const auto& [username, role] : users) {
    // One session serves both: the pages carry its CSRF token in their forms, the API in a header.
    WebClient c(t->app());
    ASSERT_EQ(c.api_login(username, TestServices::kPassword).status, 201);
    for (const auto& route : t->app().router().routes()) {
      if (route.permission == domain::Permission::kPublic) continue;
      if (route.pattern == "/logout" || route.pattern == "/api/v1/session") continue;  // ends the session
      for (const Client* client : {&own, &other, &covered}) {
        if (!client_scoped(route) && client != &own) continue;
        const long long before = denials();
        Response r = call(c, route, *client);
        const std::string what = username + " " + route.method + " " + route.pattern +
                                 (client == &own     ? " own"
                                  : client == &other ? " other"
                                                     : " covered");
        ++checked;
        const bool role_ok = domain::role_allows(role, route.permission);
        if (!role_ok) {
          EXPECT_EQ(r.status, 403) << what;
          EXPECT_EQ(denials(), before + 1) << what << ": the refusal is logged";
        } else if (client_scoped(route) && role == domain::Role::kOmbud && client == &other) {
          EXPECT_EQ(r.status, 404) << what;
          EXPECT_EQ(denials(), before + 1) << what << ": the refusal is logged";
        } else {
          EXPECT_NE(r.status, 404) << what << ": " << r.body.substr(0, 300);
          EXPECT_NE(r.status, 401) << what;
          EXPECT_LT(r.status, 500) << what << ": " << r.body.substr(0, 300);
        }
        // Nothing of a client reaches a user who may not see it.
        const bool may_see_other = role == domain::Role::kSamordnare;
        const bool may_see_own = role == domain::Role::kSamordnare || role == domain::Role::kOmbud;
        if (!may_see_other) {
          EXPECT_EQ(r.body.find(other.alias), std::string::npos) << what;
          EXPECT_EQ(r.body.find(other.code), std::string::npos) << what;
        }
        if (!may_see_own) {
          EXPECT_EQ(r.body.find(own.alias), std::string::npos) << what;
          EXPECT_EQ(r.body.find(own.code), std::string::npos) << what;
          EXPECT_EQ(r.body.find(covered.alias), std::string::npos) << what;
          EXPECT_EQ(r.body.find(covered.code), std::string::npos) << what;
        }
        // The work records reach the client's own ombud only: not the samordnare, who sees the case.
        if (role != domain::Role::kOmbud) {
          EXPECT_EQ(r.body.find("Loggad "), std::string::npos) << what;
          EXPECT_EQ(r.body.find("Målet "), std::string::npos) << what;
          EXPECT_EQ(r.body.find("Steget "), std::string::npos) << what;
          EXPECT_EQ(r.body.find("Nätverket "), std::string::npos) << what;
          EXPECT_EQ(r.body.find("Samtycket "), std::string::npos) << what;
          EXPECT_EQ(r.body.find("Mötet "), std::string::npos) << what;
        }
        EXPECT_EQ(r.body.find("Nätverket " + other.alias), std::string::npos) << what;
        EXPECT_EQ(r.body.find("Samtycket " + other.alias), std::string::npos) << what;
        EXPECT_EQ(r.body.find("Mötet " + other.alias), std::string::npos) << what;
        EXPECT_EQ(r.body.find("Målet " + other.alias), std::string::npos) << what;
        EXPECT_EQ(r.body.find("Steget " + other.alias), std::string::npos) << what;
        EXPECT_EQ(r.body.find("Loggad " + other.alias), std::string::npos) << what;
      }
    }
  }
  EXPECT_GT(checked, 150);
}

TEST_F(Permissions, AnOmbudListsOnlyOwnClientsAndTheSamordnareAll) {
  WebClient ombud(t->app());
  ASSERT_EQ(ombud.api_login("ada", TestServices::kPassword).status, 201);
  std::string mine = ombud.api("GET", "/api/v1/clients").body;
  EXPECT_NE(mine.find(own.alias), std::string::npos);
  EXPECT_EQ(mine.find(other.alias), std::string::npos);
  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  std::string all = sam.api("GET", "/api/v1/clients").body;
  EXPECT_NE(all.find(own.alias), std::string::npos);
  EXPECT_NE(all.find(other.alias), std::string::npos);
  // The page /clients and the API agree: an ombud's page lists the same own cases.
  WebClient page(t->app());
  ASSERT_EQ(page.login("ada", TestServices::kPassword).status, 303);
  Response list = page.get("/clients");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("<h1>Mina ärenden</h1>"), std::string::npos);
  EXPECT_NE(list.body.find(own.alias), std::string::npos);
  EXPECT_EQ(list.body.find(other.alias), std::string::npos);
  Response filtered = page.get("/clients?state=ko");
  EXPECT_EQ(filtered.body.find(own.alias), std::string::npos) << "the filter applies to the own cases too";
}

TEST_F(Permissions, OrientationVisitOmbudSeeTheClientUntilItIsAssigned) {
  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  json c = json::parse(sam.api("POST", "/api/v1/contacts",
                               {{"channel", "telefon"},
                                {"contact_by", "sjalv"},
                                {"alias", "Gamma Besök"},
                                {"municipality", "0861"},
                                {"birth_year", 1985},
                                {"gender", "man"}})
                           .body);
  std::string id = c["id"];
  WebClient bo_client(t->app());
  ASSERT_EQ(bo_client.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(bo_client.api("GET", "/api/v1/clients/" + id).status, 404) << "not booked yet";
  c = json::parse(sam.api("POST", "/api/v1/clients/" + id + "/assessment",
                          {{"version", c["version"]},
                           {"outcome", "malgrupp"},
                           {"significant_disability", true},
                           {"complex_needs", true}})
                      .body);
  c = json::parse(sam.api("POST", "/api/v1/clients/" + id + "/orientation",
                          {{"version", c["version"]}, {"date", "2026-11-30"}, {"place", "hemma"}, {"ombud", {ada, bo}}})
                      .body);
  EXPECT_EQ(bo_client.api("GET", "/api/v1/clients/" + id).status, 200) << "booked on the visit";
  // A booked ombud may record the visit, but not assign.
  Response assign =
      bo_client.api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", bo}});
  EXPECT_EQ(assign.status, 403);
}

TEST_F(Permissions, AnOmbudWhoRecordedAContactFollowsItUntilTheVisitIsBooked) {
  WebClient ombud(t->app());
  ASSERT_EQ(ombud.api_login("ada", TestServices::kPassword).status, 201);
  Response r = ombud.api("POST", "/api/v1/contacts",
                         {{"channel", "telefon"},
                          {"contact_by", "sjalv"},
                          {"alias", "Delta Eget"},
                          {"municipality", "0861"},
                          {"birth_year", 1985},
                          {"gender", "man"}});
  ASSERT_EQ(r.status, 201);
  json c = json::parse(r.body);
  std::string id = c["id"];
  EXPECT_EQ(ombud.api("GET", "/api/v1/clients/" + id).status, 200);
  WebClient colleague(t->app());
  ASSERT_EQ(colleague.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(colleague.api("GET", "/api/v1/clients/" + id).status, 404);
  c = json::parse(ombud
                      .api("POST", "/api/v1/clients/" + id + "/assessment",
                           {{"version", c["version"]},
                            {"outcome", "malgrupp"},
                            {"significant_disability", true},
                            {"complex_needs", true}})
                      .body);
  EXPECT_EQ(c["state"], "orienteringsbesok");
}

}  // namespace
}  // namespace ombud::http
