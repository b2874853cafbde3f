// tests/http/app_test.cpp
//
// The request pipeline in-process: login and sessions, CSRF and origin checks, bad input, the
// permission check, security headers, static files, metrics and the OpenAPI document.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "core/embedded.hpp"
#include "services/user_service.hpp"
#include "store/audit.hpp"
#include "support/web_client.hpp"

namespace ombud::http {
namespace {

using ombud::testing::TestApp;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t = std::make_unique<TestApp>();
    ada = t->env().add_user("ada", "ombud");
    t->env().add_user("cecilia", "samordnare");
    t->env().add_user("eva", "admin");
  }
  App& app() { return t->app(); }
  std::vector<store::AuditEntry> audit() {
    auto conn = t->env().db().acquire();
    store::AuditQuery q;
    q.limit = 1000;
    return *store::list_audit(conn.sql(), q);
  }
  std::unique_ptr<TestApp> t;
  long long ada = 0;
  const std::string pw = TestServices::kPassword;
};

TEST_F(AppTest, SignedOutVisitorsAreSentToTheLoginPage) {
  WebClient c(app());
  Response r = c.get("/");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/login?next=/");
}

TEST_F(AppTest, LoginPageIsSwedishAndCarriesAPreSessionToken) {
  WebClient c(app());
  Response r = c.get("/login");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"sv\">"), std::string::npos);
  EXPECT_NE(r.body.find("Logga in"), std::string::npos);
  EXPECT_FALSE(c.cookie("ombud_pre").empty());
  EXPECT_EQ(c.csrf_from_last_page(), c.cookie("ombud_pre"));
}

TEST_F(AppTest, EveryResponseCarriesTheSecurityHeaders) {
  WebClient c(app());
  for (const char* target : {"/login", "/", "/healthz", "/nope", "/api/v1/me", "/static/app.css"}) {
    Response r = c.get(target);
    EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string_view::npos) << target;
    EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string_view::npos) << target;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << target;
    EXPECT_TRUE(r.header("strict-transport-security").empty()) << "no HSTS without TLS: " << target;
  }
  EXPECT_EQ(c.get("/login").header("cache-control"), "no-store");
}

TEST_F(AppTest, BehindTlsCookiesAreSecureAndHostPrefixedWithHsts) {
  HttpConfig tls;
  tls.behind_tls = true;
  TestApp secure(store::Engine::kSqlite, tls);
  secure.env().add_user("ada", "ombud");
  WebClient c(secure.app());
  Response page = c.get("/login");
  EXPECT_NE(page.header("strict-transport-security").find("max-age=31536000"), std::string_view::npos);
  Response r = c.send(
      "POST", "/login",
      ombud::testing::form_encode({{"csrf", c.cookie("__Host-ombud_pre")}, {"username", "ada"}, {"password", pw}}),
      {{"content-type", "application/x-www-form-urlencoded"}, {"origin", "https://127.0.0.1:8080"}});
  ASSERT_EQ(r.status, 303) << r.body;
  bool found = false;
  for (const auto& [k, v] : r.headers) {
    if (k == "Set-Cookie" && v.rfind("__Host-ombud_session=", 0) == 0) {
      found = true;
      EXPECT_NE(v.find("; Secure"), std::string::npos);
      EXPECT_NE(v.find("; HttpOnly"), std::string::npos);
      EXPECT_NE(v.find("SameSite=Strict"), std::string::npos);
      EXPECT_NE(v.find("Path=/"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(AppTest, LoginShowsTheStartPageForTheRoleAndLogoutEndsTheSession) {
  WebClient c(app());
  Response r = c.login("ada", pw);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), "/");
  std::string token = c.cookie("ombud_session");
  ASSERT_FALSE(token.empty());
  EXPECT_TRUE(c.cookie("ombud_pre").empty());
  Response start = c.get("/");
  ASSERT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("<h1>Mina klienter</h1>"), std::string::npos);
  EXPECT_NE(start.body.find("Namn ada"), std::string::npos);
  EXPECT_NE(start.body.find("Du har inga klienter just nu."), std::string::npos);

  Response out = c.post_form("/logout", {{"csrf", c.csrf_from_last_page()}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("location"), "/login?logged_out=1");
  EXPECT_TRUE(c.cookie("ombud_session").empty());
  EXPECT_NE(c.get("/login?logged_out=1").body.find("Du är utloggad."), std::string::npos);

  // The old cookie, replayed, no longer works: 401 in the API, the login page for pages.
  c.set_cookie("ombud_session", token);
  Response api = c.api("GET", "/api/v1/me");
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "unauthenticated");
  c.set_cookie("ombud_session", token);
  Response page = c.get("/");
  EXPECT_EQ(page.status, 303);
  EXPECT_NE(std::string(page.header("location")).find("expired=1"), std::string::npos);
}

TEST_F(AppTest, EachRoleGetsItsOwnStartPage) {
  struct Case {
    const char* user;
    const char* expect;
  };
  for (Case k :
       {Case{"cecilia", "bokar orienteringsbesök"}, Case{"eva", "<a class=\"button\" href=\"/users\">Användare</a>"}}) {
    WebClient c(app());
    ASSERT_EQ(c.login(k.user, pw).status, 303);
    Response r = c.get("/");
    EXPECT_NE(r.body.find(k.expect), std::string::npos) << k.user;
  }
}

TEST_F(AppTest, LoginRenewsTheSessionId) {
  WebClient c(app());
  ASSERT_EQ(c.login("ada", pw).status, 303);
  std::string first = c.cookie("ombud_session");
  c.post_form("/logout", {{"csrf", "wrong"}});  // refused; the session lives on
  EXPECT_EQ(c.get("/").status, 200);
  // A fresh login while signed in replaces the session: the old token stops working.
  WebClient again(app());
  again.set_cookie("ombud_session", first);
  again.set_cookie("ombud_pre", "pre");
  Response r = again.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}}, false);
  ASSERT_EQ(r.status, 201);
  EXPECT_NE(again.cookie("ombud_session"), first);
  WebClient old(app());
  old.set_cookie("ombud_session", first);
  EXPECT_EQ(old.api("GET", "/api/v1/me").status, 401);
}

// A browser or API client that still holds a cookie of an ended or unknown session signs in and
// stays signed in: the answer sets exactly one session cookie, the new one.
TEST_F(AppTest, ALoginOverAStaleCookieLeavesExactlyOneValidSessionCookie) {
  auto session_cookies = [](const Response& r) {
    std::vector<std::string> out;
    for (const auto& [name, value] : r.headers) {
      if (name == "Set-Cookie" && value.starts_with("ombud_session=")) out.push_back(value);
    }
    return out;
  };
  for (bool api : {false, true}) {
    WebClient c(app());
    c.set_cookie("ombud_session", "no-such-session-token");
    Response r =
        api ? c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}}, false) : c.login("ada", pw);
    ASSERT_EQ(r.status, api ? 201 : 303) << r.body;
    auto set = session_cookies(r);
    ASSERT_EQ(set.size(), 1U) << (api ? "api" : "form");
    EXPECT_EQ(set[0].find("ombud_session=;"), std::string::npos) << "the one cookie is the new session, not a clearing";
    EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200) << "the next request is signed in";
  }
}

TEST_F(AppTest, WrongPasswordAndUnknownUserAreAnsweredAlike) {
  WebClient c(app());
  Response wrong = c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", "fel-lösenord-123"}});
  Response unknown = c.api("POST", "/api/v1/session", {{"username", "nobody"}, {"password", "fel-lösenord-123"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(nlohmann::json::parse(wrong.body)["error"]["message"], "Fel användarnamn eller lösenord.");

  Response page_wrong = c.login("ada", "fel-lösenord-123");
  Response page_unknown = c.login("nobody", "fel-lösenord-123");
  EXPECT_EQ(page_wrong.status, 401);
  EXPECT_EQ(page_unknown.status, 401);
  auto strip = [](std::string s, const std::string& name) {
    return std::regex_replace(s, std::regex("value=\"" + name + "\""), "value=\"\"");
  };
  EXPECT_EQ(strip(page_wrong.body, "ada"), strip(page_unknown.body, "nobody"));
  EXPECT_NE(page_wrong.body.find("Fel användarnamn eller lösenord."), std::string::npos);
}

TEST_F(AppTest, DisabledUsersAreToldOnlyAfterTheRightPassword) {
  ASSERT_TRUE(services::set_disabled(t->services(), services::UserAdministrator::command_line(), ada, true));
  WebClient c(app());
  Response right = c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}});
  EXPECT_EQ(right.status, 403);
  EXPECT_NE(right.body.find("Kontot är avstängt"), std::string::npos);
  Response wrong = c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", "fel-lösenord-123"}});
  EXPECT_EQ(wrong.status, 401);
}

TEST_F(AppTest, DisablingAUserEndsTheirSessions) {
  WebClient c(app());
  ASSERT_EQ(c.api_login("ada", pw).status, 201);
  EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200);
  ASSERT_TRUE(services::set_disabled(t->services(), services::UserAdministrator::command_line(), ada, true));
  EXPECT_EQ(c.api("GET", "/api/v1/me").status, 401);
}

TEST_F(AppTest, MissingCredentialsGetFieldErrors) {
  WebClient c(app());
  c.get("/login");
  Response r = c.post_form("/login", {{"csrf", c.csrf_from_last_page()}, {"username", ""}, {"password", ""}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#username\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#password\""), std::string::npos);
  Response api = c.api("POST", "/api/v1/session", {{"username", 7}});
  EXPECT_EQ(api.status, 400);
  auto fields = nlohmann::json::parse(api.body)["error"]["fields"];
  ASSERT_EQ(fields.size(), 2U);
  EXPECT_EQ(fields[0]["field"], "username");
  EXPECT_EQ(fields[0]["code"], "field.invalid");
  EXPECT_EQ(fields[1]["field"], "password");
  EXPECT_EQ(fields[1]["code"], "field.required");
}

TEST_F(AppTest, RepeatedFailuresThrottleTheAccountWithAClearMessage) {
  WebClient c(app());
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", "fel-lösenord-123"}}).status, 401);
  }
  Response r = c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}});
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.header("retry-after").empty());
  EXPECT_NE(r.body.find("För många misslyckade inloggningsförsök"), std::string::npos);
  Response page = c.login("ada", pw);
  EXPECT_EQ(page.status, 429);
  EXPECT_NE(page.body.find("Vänta 15 minuter"), std::string::npos);
  // Another account from the same address is not locked by this one.
  EXPECT_EQ(c.api("POST", "/api/v1/session", {{"username", "cecilia"}, {"password", pw}}).status, 201);
  t->env().clock().advance(15 * 60 + 1);
  WebClient later(app());
  EXPECT_EQ(later.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}}).status, 201);
}

TEST_F(AppTest, ManyFailuresFromOneAddressThrottleThatAddress) {
  WebClient c(app(), "10.1.2.3");
  for (int i = 0; i < 25; ++i) {
    c.api("POST", "/api/v1/session", {{"username", "user" + std::to_string(i)}, {"password", "fel-lösenord-123"}});
  }
  EXPECT_EQ(c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}}).status, 429);
  WebClient elsewhere(app(), "10.9.9.9");
  EXPECT_EQ(elsewhere.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", pw}}).status, 201);
}

TEST_F(AppTest, BehindAProxyTheAddressIsTheOneTheProxyAppended) {
  HttpConfig proxied;
  proxied.trust_forwarded_for = true;
  TestApp behind(store::Engine::kSqlite, proxied);
  behind.env().add_user("ada", "ombud");
  // The client claims 10.9.9.9; the proxy appends what it saw. Throttling follows the latter.
  for (int i = 0; i < 25; ++i) {
    WebClient c(behind.app(), "127.0.0.1");
    c.send("POST", "/api/v1/session",
           R"({"username":"nobody)" + std::to_string(i) + R"(","password":"fel-lösenord-123"})",
           {{"content-type", "application/json"}, {"x-forwarded-for", "10.9.9.9, 192.0.2.7"}});
  }
  WebClient same(behind.app(), "127.0.0.1");
  Response r = same.send("POST", "/api/v1/session", R"({"username":"ada","password":")" + pw + "\"}",
                         {{"content-type", "application/json"}, {"x-forwarded-for", "10.1.1.1, 192.0.2.7"}});
  EXPECT_EQ(r.status, 429) << "the spoofed first entry does not escape the address throttle";
  WebClient other(behind.app(), "127.0.0.1");
  Response ok = other.send("POST", "/api/v1/session", R"({"username":"ada","password":")" + pw + "\"}",
                           {{"content-type", "application/json"}, {"x-forwarded-for", "192.0.2.8"}});
  EXPECT_EQ(ok.status, 201);
  WebClient bogus(behind.app(), "127.0.0.1");
  EXPECT_EQ(bogus.get("/metrics", {{"x-forwarded-for", "not-an-address"}}).status, 200)
      << "a malformed header is ignored: the peer address stands";
}

TEST_F(AppTest, AnIdleSessionExpiresAfterThirtyMinutes) {
  WebClient c(app());
  ASSERT_EQ(c.api_login("ada", pw).status, 201);
  t->env().clock().advance(29 * 60);
  EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200);
  t->env().clock().advance(29 * 60);  // touched 29 minutes ago: still alive
  EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200);
  t->env().clock().advance(30 * 60);
  Response r = c.api("GET", "/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["key"], "session.expired");
}

TEST_F(AppTest, ASessionEndsAfterTenHoursEvenWhenActive) {
  WebClient c(app());
  ASSERT_EQ(c.api_login("ada", pw).status, 201);
  for (int i = 0; i < 59; ++i) {
    t->env().clock().advance(10 * 60);
    ASSERT_EQ(c.api("GET", "/api/v1/me").status, 200) << "after " << (i + 1) * 10 << " minutes";
  }
  t->env().clock().advance(10 * 60);
  EXPECT_EQ(c.api("GET", "/api/v1/me").status, 401);
}

TEST_F(AppTest, StateChangesWithoutTheRightCsrfTokenAreRefused) {
  WebClient c(app());
  ASSERT_EQ(c.login("ada", pw).status, 303);
  c.get("/");
  EXPECT_EQ(c.post_form("/logout", {}).status, 403);
  Response wrong = c.post_form("/logout", {{"csrf", "not-the-token"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(wrong.body.find("Formuläret är för gammalt"), std::string::npos);
  EXPECT_EQ(c.get("/").status, 200) << "nothing changed";

  WebClient api(app());
  ASSERT_EQ(api.api_login("ada", pw).status, 201);
  Response no_token = api.api("DELETE", "/api/v1/session", nullptr, false);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(nlohmann::json::parse(no_token.body)["error"]["key"], "error.csrf");
  EXPECT_EQ(api.api("GET", "/api/v1/me").status, 200);
  EXPECT_EQ(api.api("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(api.api("GET", "/api/v1/me").status, 401);
}

TEST_F(AppTest, TheLoginFormNeedsItsPreSessionToken) {
  WebClient c(app());
  Response r = c.post_form("/login", {{"username", "ada"}, {"password", pw}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(c.cookie("ombud_session").empty());
}

TEST_F(AppTest, CrossSiteRequestsAreRefused) {
  WebClient c(app());
  ASSERT_EQ(c.login("ada", pw).status, 303);
  c.get("/");
  std::string csrf = c.csrf_from_last_page();
  EXPECT_EQ(
      c.post_form("/logout", {{"csrf", csrf}}, {{"origin", "https://evil.example"}, {"sec-fetch-site", "cross-site"}})
          .status,
      403);
  EXPECT_EQ(c.post_form("/logout", {{"csrf", csrf}}, {{"sec-fetch-site", "cross-site"}}).status, 403);
  EXPECT_EQ(c.post_form("/logout", {{"csrf", csrf}}, {{"origin", "null"}, {"sec-fetch-site", ""}}).status, 403)
      << "an opaque origin without fetch metadata is not trusted";
  EXPECT_EQ(
      c.post_form("/logout", {{"csrf", csrf}}, {{"origin", "http://evil.example"}, {"sec-fetch-site", ""}}).status,
      403);
  EXPECT_EQ(c.post_form("/logout", {{"csrf", csrf}}, {{"sec-fetch-site", "same-site"}}).status, 403);
  EXPECT_EQ(c.get("/").status, 200);
  // What Chromium sends for a same-origin form under Referrer-Policy: no-referrer.
  EXPECT_EQ(c.post_form("/logout", {{"csrf", csrf}}, {{"origin", "null"}, {"sec-fetch-site", "same-origin"}}).status,
            303);
}

TEST_F(AppTest, WrongContentTypesAndMalformedBodiesAreRefused) {
  WebClient c(app());
  Response text = c.send("POST", "/api/v1/session", "username=ada", {{"content-type", "text/plain"}});
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(nlohmann::json::parse(text.body)["error"]["code"], "unsupported_media_type");
  Response bad = c.send("POST", "/api/v1/session", "{\"username\": ", {{"content-type", "application/json"}});
  EXPECT_EQ(bad.status, 400);
  auto err = nlohmann::json::parse(bad.body)["error"];
  EXPECT_EQ(err["code"], "invalid_input");
  EXPECT_EQ(err["message"], "JSON-texten kunde inte läsas.");
  Response array = c.send("POST", "/api/v1/session", "[1,2]", {{"content-type", "application/json"}});
  EXPECT_EQ(array.status, 400);
  c.get("/login");
  Response json_form = c.send("POST", "/login", "{}", {{"content-type", "application/json"}});
  EXPECT_EQ(json_form.status, 415);
  Response broken_form = c.send("POST", "/login", "a=%zz", {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(broken_form.status, 400);
}

TEST_F(AppTest, PathTraversalIsRefused) {
  WebClient c(app());
  for (const char* target :
       {"/static/..%2F..%2Fetc%2Fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../src/main.cpp",
        "/static/.hidden", "/static/a%2Fb", "/static/%00", "/static/x%5C..%5Cy"}) {
    Response r = c.get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
  EXPECT_EQ(c.get("/static/nope.css").status, 404);
}

TEST_F(AppTest, StaticFilesAreServedWithTypeAndRevalidation) {
  WebClient c(app());
  Response css = c.get("/static/app.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  std::string etag(css.header("etag"));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(c.get("/static/app.css", {{"if-none-match", etag}}).status, 304);
}

TEST_F(AppTest, UnknownPathsAndMethodsGetTheRightStatus) {
  WebClient c(app());
  Response page = c.get("/finns-inte");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("Sidan eller uppgiften finns inte."), std::string::npos);
  Response api = c.get("/api/v1/finns-inte");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "not_found");
  Response method = c.send("PUT", "/login", "");
  EXPECT_EQ(method.status, 405);
  EXPECT_NE(method.header("allow").find("GET"), std::string_view::npos);
}

TEST_F(AppTest, ErrorsNeverShowInternalDetail) {
  WebClient c(app());
  Response r = c.send("POST", "/api/v1/session", "{\"username\": \"ada\", \"password\": " + std::string(200, '[') + "}",
                      {{"content-type", "application/json"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.find("nlohmann"), std::string::npos);
  EXPECT_EQ(r.body.find("exception"), std::string::npos);
}

TEST_F(AppTest, EveryRouteDeclaresAPermission) {
  for (const auto& r : app().router().routes()) {
    EXPECT_NE(r.permission, domain::Permission::kUndeclared) << r.method << " " << r.pattern;
  }
  EXPECT_GT(app().router().routes().size(), 8U);
}

TEST_F(AppTest, ARouteWithoutAPermissionIsRefused) {
  app().router().add({"GET", "/test/undeclared", domain::Permission::kUndeclared, RouteKind::kPage,
                      [](Ctx&) { return text_response(200, "leaked"); }});
  WebClient c(app());
  ASSERT_EQ(c.login("eva", pw).status, 303);
  Response r = c.get("/test/undeclared");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("leaked"), std::string::npos);
}

TEST_F(AppTest, ThePermissionCheckRefusesOtherRolesAndLogsTheRefusal) {
  app().router().add({"GET", "/test/admin-only", domain::Permission::kManageUsers, RouteKind::kPage,
                      [](Ctx&) { return text_response(200, "admin area"); }});
  WebClient ombud(app());
  ASSERT_EQ(ombud.login("ada", pw).status, 303);
  Response refused = ombud.get("/test/admin-only");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("Du har inte behörighet"), std::string::npos);
  auto entries = audit();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "denied");
  EXPECT_EQ(entries.front().username, "ada");
  EXPECT_EQ(entries.front().subject_ids, "/test/admin-only");
  WebClient admin(app());
  ASSERT_EQ(admin.login("eva", pw).status, 303);
  EXPECT_EQ(admin.get("/test/admin-only").status, 200);
}

TEST_F(AppTest, LoginsAndFailuresAreAuditedWithoutSecrets) {
  WebClient c(app());
  c.api("POST", "/api/v1/session", {{"username", "Hemligt-Lösen-Som-Namn"}, {"password", "x-y-z-1-2-3-4"}});
  ASSERT_EQ(c.api_login("ada", pw).status, 201);
  auto entries = audit();
  ASSERT_GE(entries.size(), 2U);
  EXPECT_EQ(entries[0].action, "login");
  EXPECT_EQ(entries[0].username, "ada");
  EXPECT_EQ(entries[1].action, "login_failed");
  EXPECT_EQ(entries[1].username, "") << "an unknown name is not stored: it may be a mistyped password";
  EXPECT_EQ(entries[1].record_kind, "unknown_account");
  for (const auto& e : entries) {
    for (const std::string* field : {&e.username, &e.action, &e.record_kind, &e.subject_ids, &e.address}) {
      EXPECT_EQ(field->find("Hemligt"), std::string::npos);
      EXPECT_EQ(field->find(pw), std::string::npos);
    }
  }
}

TEST_F(AppTest, TheLanguageCanBeSwitchedToEnglish) {
  WebClient c(app());
  Response sw = c.get("/lang/en?next=/login");
  EXPECT_EQ(sw.status, 303);
  EXPECT_EQ(sw.header("location"), "/login");
  Response page = c.get("/login");
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.body.find("Log in"), std::string::npos);
  EXPECT_EQ(c.get("/lang/en?next=//evil.example/").header("location"), "/");
  EXPECT_EQ(c.get("/lang/en?next=https://evil.example/").header("location"), "/");
  Response api = c.api("POST", "/api/v1/session", {{"username", "ada"}, {"password", "fel-lösenord-123"}});
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["message"], "Wrong username or password.");
}

TEST_F(AppTest, LoginRedirectsOnlyToLocalPaths) {
  WebClient c(app());
  c.get("/login");
  Response r = c.post_form(
      "/login",
      {{"csrf", c.csrf_from_last_page()}, {"username", "ada"}, {"password", pw}, {"next", "https://evil.example/"}});
  EXPECT_EQ(r.header("location"), "/");
}

TEST_F(AppTest, MetricsAreServedToLoopbackOnly) {
  WebClient c(app());
  c.get("/login");
  Response m = c.get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("ombud_http_requests_total{method=\"GET\",route=\"/login\",status=\"2xx\"} 1"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("ombud_http_request_duration_seconds_bucket"), std::string::npos);
  WebClient remote(app(), "192.0.2.10");
  EXPECT_EQ(remote.get("/metrics").status, 403);
}

TEST_F(AppTest, HealthAndReadiness) {
  WebClient c(app());
  EXPECT_EQ(c.get("/healthz").body, "ok\n");
  EXPECT_EQ(c.get("/readyz").status, 200);
}

TEST_F(AppTest, TheOpenApiDocumentDescribesEveryApiRoute) {
  WebClient c(app());
  Response r = c.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.", 0), 0U);
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string m = method;
      for (char& ch : m)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(m + " /api/v1" + path);
      EXPECT_TRUE(op.contains("responses")) << path;
    }
  }
  std::set<std::string> routed;
  for (const auto& route : app().router().routes()) {
    if (route.kind == RouteKind::kApi) routed.insert(route.method + " " + route.pattern);
  }
  EXPECT_EQ(documented, routed);
}

}  // namespace
}  // namespace ombud::http
