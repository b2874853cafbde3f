// tests/http/users_test.cpp
//
// The admin's user pages and API: adding a user with a one-time password that must be replaced at
// the first login, changing roles, disabling and enabling, handing out a new one-time password,
// the last login; the same rules as the command line; and each change in the audit log.
#include <regex>

#include <gtest/gtest.h>

#include "domain/operation_config.hpp"
#include "services/admin_service.hpp"
#include "services/config_service.hpp"
#include "services/user_service.hpp"
#include "store/audit.hpp"
#include "support/web_client.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::TestApp;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

const std::regex kOneTimePassword("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");

std::string one_time_password_in(const std::string& body) {
  std::smatch m;
  return std::regex_search(body, m, kOneTimePassword) ? m.str() : std::string();
}

class Users : public ::testing::Test {
 protected:
  void SetUp() override {
    t = std::make_unique<TestApp>();
    ASSERT_TRUE(services::initialise_config(t->services(), t->env().operation_id(), domain::seed_config()));
    ada = t->env().add_user("ada", "ombud");
    bo = t->env().add_user("bo", "ombud");
    cecilia = t->env().add_user("cecilia", "samordnare");
    eva = t->env().add_user("eva", "admin");
    admin = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(admin->login("eva", TestServices::kPassword).status, 303);
  }

  // A form post from the admin's browser, with the CSRF token of the page it was on.
  Response post(const std::string& page, const std::string& action,
                std::vector<std::pair<std::string, std::string>> fields) {
    EXPECT_EQ(admin->get(page).status, 200) << page;
    fields.emplace_back("csrf", admin->csrf_from_last_page());
    return admin->post_form(action, fields);
  }

  std::string version_of(long long id) {
    WebClient api(t->app());
    EXPECT_EQ(api.api_login("eva", TestServices::kPassword).status, 201);
    return std::to_string(
        json::parse(api.api("GET", "/api/v1/users/" + std::to_string(id)).body)["version"].get<int>());
  }

  int audited(const std::string& action, long long user_id) {
    auto conn = t->env().db().acquire();
    store::AuditQuery q;
    q.limit = 1000;
    int n = 0;
    auto entries = store::list_audit(conn.sql(), q);
    for (const auto& e : *entries) {
      if (e.action == action && e.record_kind == "user" && e.subject_ids.starts_with(std::to_string(user_id))) ++n;
    }
    return n;
  }

  std::unique_ptr<TestApp> t;
  std::unique_ptr<WebClient> admin;
  long long ada = 0;
  long long bo = 0;
  long long cecilia = 0;
  long long eva = 0;
};

TEST_F(Users, AnAdminAddsAUserWhoMustChooseAPasswordAtTheFirstLogin) {
  Response list = admin->get("/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("<h1>Användare</h1>"), std::string::npos);
  EXPECT_NE(list.body.find("href=\"/users/new\""), std::string::npos);
  EXPECT_NE(list.body.find("Aldrig"), std::string::npos) << "ada has never signed in";

  Response bad = post("/users/new", "/users", {{"display_name", ""}, {"username", "Fel namn"}, {"role", "chef"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Användarnamnet får ha 2–64 tecken"), std::string::npos);
  EXPECT_NE(bad.body.find("Okänd roll."), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"Fel namn\""), std::string::npos) << "what was typed stays";
  EXPECT_EQ(audited("create", 0), 0);

  Response added =
      post("/users/new", "/users", {{"display_name", "Frida Nyberg"}, {"username", "frida"}, {"role", "ombud"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_NE(added.body.find("Frida Nyberg är tillagd"), std::string::npos);
  const std::string one_time = one_time_password_in(added.body);
  ASSERT_FALSE(one_time.empty()) << "the one-time password is shown once";
  EXPECT_EQ(added.header("cache-control"), "no-store");
  EXPECT_EQ(admin->get("/users").body.find(one_time), std::string::npos) << "and never again";

  // Frida signs in with it and is sent to choose her own before anything else.
  WebClient frida(t->app());
  Response in = frida.login("frida", one_time);
  ASSERT_EQ(in.status, 303);
  Response start = frida.get("/");
  EXPECT_EQ(start.status, 303);
  EXPECT_EQ(start.header("location"), "/account/password?next=/");
  EXPECT_EQ(frida.get("/contacts/new").status, 303);
  Response form = frida.get("/account/password?next=/");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<h1>Välj ett eget lösenord</h1>"), std::string::npos);
  EXPECT_EQ(form.body.find("aria-label=\"Huvudmeny\""), std::string::npos) << "no menu leads elsewhere";
  EXPECT_NE(form.body.find("autocomplete=\"new-password\""), std::string::npos);

  const std::string csrf = frida.csrf_from_last_page();
  auto change = [&](const std::string& current, const std::string& fresh, const std::string& repeat) {
    return frida.post_form("/account/password", {{"csrf", csrf},
                                                 {"next", "/"},
                                                 {"current_password", current},
                                                 {"new_password", fresh},
                                                 {"repeat_password", repeat}});
  };
  Response wrong = change("fel-fel-fel-fel", "Blåbär-i-skogen-vid-sjön", "Blåbär-i-skogen-vid-sjön");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("Lösenordet stämmer inte."), std::string::npos);
  Response differ = change(one_time, "Blåbär-i-skogen-vid-sjön", "Blåbär-i-skogen-vid-sjö");
  EXPECT_EQ(differ.status, 400);
  EXPECT_NE(differ.body.find("Lösenorden är inte likadana."), std::string::npos);
  Response same = change(one_time, one_time, one_time);
  EXPECT_EQ(same.status, 400);
  EXPECT_NE(same.body.find("måste skilja sig från det nuvarande"), std::string::npos);
  EXPECT_EQ(same.body.find(one_time), std::string::npos) << "a password never comes back in a page";
  Response weak = change(one_time, "password1234", "password1234");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("för vanligt"), std::string::npos);

  Response done = change(one_time, "Blåbär-i-skogen-vid-sjön", "Blåbär-i-skogen-vid-sjön");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("location"), "/?notice=password_changed");
  Response mine = frida.get("/?notice=password_changed");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("Ditt lösenord är bytt."), std::string::npos);
  EXPECT_NE(mine.body.find("<h1>Mina klienter</h1>"), std::string::npos);

  WebClient again(t->app());
  EXPECT_EQ(again.login("frida", one_time).status, 401) << "the one-time password is used up";
  EXPECT_EQ(again.login("frida", "Blåbär-i-skogen-vid-sjön").status, 303);
  EXPECT_EQ(again.get("/").status, 200);

  // The list shows the last login; the log holds the creation and the change.
  std::string users = admin->get("/users").body;
  EXPECT_NE(users.find("Frida Nyberg"), std::string::npos);
  auto frida_id = services::find_user_id(t->services(), services::UserAdministrator::command_line(), "frida");
  ASSERT_TRUE(frida_id);
  EXPECT_EQ(audited("create", *frida_id), 1);
  EXPECT_EQ(audited("change_password", *frida_id), 1);
  std::string page = admin->get("/users/" + std::to_string(*frida_id)).body;
  EXPECT_EQ(page.find("Aldrig"), std::string::npos) << "frida has signed in";
}

TEST_F(Users, RolesAndAccountsChangeWithTheSameRulesAsTheCommandLine) {
  const std::string u = "/users/" + std::to_string(cecilia);
  Response role = post(u, u + "/role", {{"role", "ledningsgrupp"}, {"version", version_of(cecilia)}});
  ASSERT_EQ(role.status, 303) << role.body;
  EXPECT_NE(admin->get(u + "?notice=user_role").body.find("Rollen är ändrad."), std::string::npos);
  EXPECT_EQ(audited("update_role", cecilia), 1);

  // Stale: the form was read before the change.
  Response stale = post(u, u + "/role", {{"role", "samordnare"}, {"version", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Någon annan har ändrat användaren"), std::string::npos);
  Response unknown = post(u, u + "/role", {{"role", "chef"}, {"version", version_of(cecilia)}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("Okänd roll."), std::string::npos);

  // An ombud with an open case keeps the role until the samordnare has given it a new ombud.
  WebClient sam(t->app());
  ASSERT_TRUE(services::set_role(t->services(), services::UserAdministrator::command_line(), cecilia, "samordnare"));
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  ombud::testing::make_active_case(sam, "Alfa", ada, {ada, bo});
  const std::string a = "/users/" + std::to_string(ada);
  Response page = admin->get(a);
  EXPECT_NE(page.body.find("Är ombud för 1 pågående ärende."), std::string::npos);
  Response held = post(a, a + "/role", {{"role", "samordnare"}, {"version", version_of(ada)}});
  EXPECT_EQ(held.status, 409);
  EXPECT_NE(held.body.find("Samordnaren behöver ge dem ett nytt ombud"), std::string::npos);
  EXPECT_EQ(audited("update_role", ada), 0);

  // Disabling ends the user's sessions; enabling lets them back in with their password.
  WebClient bo_browser(t->app());
  ASSERT_EQ(bo_browser.login("bo", TestServices::kPassword).status, 303);
  const std::string b = "/users/" + std::to_string(bo);
  Response off = post(b, b + "/status", {{"action", "disable"}, {"version", version_of(bo)}});
  ASSERT_EQ(off.status, 303) << off.body;
  EXPECT_EQ(bo_browser.get("/").status, 303) << "bo's session ended";
  EXPECT_EQ(WebClient(t->app()).login("bo", TestServices::kPassword).status, 403);
  EXPECT_NE(admin->get("/users").body.find("Avstängd"), std::string::npos);
  Response on = post(b, b + "/status", {{"action", "enable"}, {"version", version_of(bo)}});
  ASSERT_EQ(on.status, 303) << on.body;
  EXPECT_EQ(WebClient(t->app()).login("bo", TestServices::kPassword).status, 303);
  EXPECT_EQ(audited("disable", bo), 1);
  EXPECT_EQ(audited("enable", bo), 1);
  Response nonsense = post(b, b + "/status", {{"action", "radera"}, {"version", version_of(bo)}});
  EXPECT_EQ(nonsense.status, 400);

  // An admin cannot lock themself out, and the operation keeps an active admin.
  const std::string e = "/users/" + std::to_string(eva);
  Response own_page = admin->get(e);
  EXPECT_NE(own_page.body.find("Det här är ditt eget konto."), std::string::npos);
  EXPECT_EQ(own_page.body.find("action=\"" + e + "/status\""), std::string::npos) << "no form to disable oneself";
  Response self = post(e, e + "/status", {{"action", "disable"}, {"version", version_of(eva)}});
  EXPECT_EQ(self.status, 409);
  EXPECT_NE(self.body.find("Ditt eget konto ändras av en annan administratör."), std::string::npos);
  auto cli = services::UserAdministrator::command_line();
  auto last = services::set_disabled(t->services(), cli, eva, true);
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().message_key, "user.last_admin");
  EXPECT_EQ(services::set_role(t->services(), cli, eva, "ombud").error().message_key, "user.last_admin");
  EXPECT_EQ(admin->get("/").status, 200) << "eva is still signed in";
}

TEST_F(Users, ANewOneTimePasswordEndsSessionsAndMustBeReplacedInTheApiToo) {
  WebClient ada_api(t->app());
  ASSERT_EQ(ada_api.api_login("ada", TestServices::kPassword).status, 201);
  WebClient eva_api(t->app());
  ASSERT_EQ(eva_api.api_login("eva", TestServices::kPassword).status, 201);
  Response reset = eva_api.api("POST", "/api/v1/users/" + std::to_string(ada) + "/password", json::object());
  ASSERT_EQ(reset.status, 200) << reset.body;
  json r = json::parse(reset.body);
  const std::string one_time = r["one_time_password"];
  EXPECT_TRUE(std::regex_match(one_time, kOneTimePassword)) << one_time;
  EXPECT_EQ(r["must_change_password"], true);
  EXPECT_EQ(audited("reset_password", ada), 1);

  EXPECT_EQ(ada_api.api("GET", "/api/v1/me").status, 401) << "ada's session ended";
  EXPECT_EQ(WebClient(t->app()).api_login("ada", TestServices::kPassword).status, 401) << "the old password is gone";
  WebClient fresh(t->app());
  Response in = fresh.api_login("ada", one_time);
  ASSERT_EQ(in.status, 201);
  EXPECT_EQ(json::parse(in.body)["must_change_password"], true);
  Response blocked = fresh.api("GET", "/api/v1/clients");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(json::parse(blocked.body)["error"]["key"], "password.change_required");
  Response wrong = fresh.api("POST", "/api/v1/me/password",
                             {{"current_password", "inte-det-har"}, {"new_password", "Lingon-och-hjortron-i-fjällen"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(json::parse(wrong.body)["error"]["fields"][0]["field"], "current_password");
  Response typo = fresh.api("POST", "/api/v1/me/password",
                            {{"current_password", one_time}, {"new_pasword", "Lingon-och-hjortron-i-fjällen"}});
  EXPECT_EQ(typo.status, 400);
  Response ok = fresh.api("POST", "/api/v1/me/password",
                          {{"current_password", one_time}, {"new_password", "Lingon-och-hjortron-i-fjällen"}});
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(fresh.api("GET", "/api/v1/clients").status, 200) << "the session goes on with the own password";

  // The list in the API: last login and whether a one-time password is pending.
  json users = json::parse(eva_api.api("GET", "/api/v1/users").body)["users"];
  bool found = false;
  for (const auto& u : users) {
    if (u["username"] != "ada") continue;
    found = true;
    EXPECT_EQ(u["must_change_password"], false);
    EXPECT_TRUE(u["last_login_at"].is_string());
  }
  EXPECT_TRUE(found);
  // Adding through the API answers the one-time password once.
  Response added = eva_api.api("POST", "/api/v1/users",
                               {{"username", "gustav"}, {"display_name", "Gustav"}, {"role", "samordnare"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_TRUE(std::regex_match(json::parse(added.body)["one_time_password"].get<std::string>(), kOneTimePassword));
  Response self = eva_api.api("POST", "/api/v1/users/" + std::to_string(eva) + "/password", json::object());
  EXPECT_EQ(self.status, 409) << "one's own password is changed knowing the current one";
}

TEST_F(Users, AnAdminReachesOnlyTheUsersOfTheOwnOperation) {
  auto cli = services::UserAdministrator::command_line();
  auto other_op = services::create_operation(t->services(), cli.subject, {"Annan verksamhet", "Europe/Stockholm", {}});
  ASSERT_TRUE(other_op);
  auto stranger = services::add_user(
      t->services(), cli, {*other_op, "stranger", "Främling", "ombud", std::string(TestServices::kPassword)});
  ASSERT_TRUE(stranger);
  const std::string s = "/users/" + std::to_string(stranger->id);
  EXPECT_EQ(admin->get(s).status, 404);
  EXPECT_EQ(admin->get("/users").body.find("Främling"), std::string::npos);
  Response reset = post("/users", s + "/password", {});
  EXPECT_EQ(reset.status, 404);
  EXPECT_EQ(WebClient(t->app()).login("stranger", TestServices::kPassword).status, 303) << "nothing changed";
  EXPECT_EQ(admin->get("/users/abc").status, 404);
}

}  // namespace
}  // namespace ombud::http
