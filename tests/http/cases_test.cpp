// tests/http/cases_test.cpp
//
// From first contact to an active assignment, through the JSON API and the pages: the scenarios
// of domain.md (h) that concern this stage, bad input, optimistic concurrency, the queue and its
// configuration, statistics events and the audit log.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "domain/operation_config.hpp"
#include "services/config_service.hpp"
#include "store/assignments.hpp"
#include "store/audit.hpp"
#include "store/clients.hpp"
#include "store/stat_events.hpp"
#include "support/web_client.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::TestApp;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size()))
    ++n;
  return n;
}

class Cases : public ::testing::Test {
 protected:
  void SetUp() override {
    t = std::make_unique<TestApp>();
    ASSERT_TRUE(services::initialise_config(t->services(), t->env().operation_id(), domain::seed_config()));
    ada = t->env().add_user("ada", "ombud");
    bo = t->env().add_user("bo", "ombud");
    t->env().add_user("cecilia", "samordnare");
    t->env().add_user("cilla", "samordnare");
    t->env().add_user("david", "ledningsgrupp");
    t->env().add_user("eva", "admin");
    sam = std::make_unique<WebClient>(t->app());
    ASSERT_EQ(sam->api_login("cecilia", TestServices::kPassword).status, 201);
  }

  std::unique_ptr<WebClient> login(const std::string& user) {
    auto c = std::make_unique<WebClient>(t->app());
    EXPECT_EQ(c->api_login(user, TestServices::kPassword).status, 201) << user;
    return c;
  }

  std::string date(int days_from_today) { return format_date(add_days(*parse_date("2026-11-23"), days_from_today)); }

  json contact(json overrides = json::object()) {
    json body = {{"channel", "sms"},       {"contact_by", "sjalv"}, {"alias", "Anna"},   {"reach", "070-111 22 33"},
                 {"municipality", "0882"}, {"birth_year", 1992},    {"gender", "kvinna"}};
    for (auto& [k, v] : overrides.items())
      body[k] = v;
    return body;
  }

  // Takes a new contact to the queue; returns the client JSON.
  json queued(const std::string& alias, int contact_days_ago, std::vector<std::string> priorities = {}) {
    json c = body(
        sam->api("POST", "/api/v1/contacts", contact({{"alias", alias}, {"contact_date", date(-contact_days_ago)}})),
        201);
    std::string id = c["id"];
    c = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment",
                      {{"version", c["version"]},
                       {"outcome", "malgrupp"},
                       {"significant_disability", true},
                       {"complex_needs", true},
                       {"date", date(-contact_days_ago)}}));
    c = body(sam->api(
        "POST", "/api/v1/clients/" + id + "/orientation",
        {{"version", c["version"]}, {"date", date(-contact_days_ago)}, {"place", "hemma"}, {"ombud", {ada, bo}}}));
    c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation/held",
                      {{"version", c["version"]},
                       {"held_on", date(-contact_days_ago)},
                       {"decision", "ko"},
                       {"priorities", priorities}}));
    EXPECT_EQ(c["state"], "ko");
    return c;
  }

  json body(const Response& r, int expected = 200) {
    EXPECT_EQ(r.status, expected) << r.body;
    return json::parse(r.body);
  }

  std::vector<domain::StatEvent> stats() {
    auto conn = t->env().db().acquire();
    return *store::list_stat_events(conn.sql(), t->env().operation_id());
  }
  int count_stats(const char* type) {
    int n = 0;
    for (const auto& e : stats())
      n += domain::code_of(domain::kStatEventTypes, e.type) == type ? 1 : 0;
    return n;
  }
  long long client_rows() {
    auto conn = t->env().db().acquire();
    long long n = 0;
    conn.sql() << "SELECT COUNT(*) FROM clients", soci::into(n);
    return n;
  }
  std::vector<store::AuditEntry> audit() {
    auto conn = t->env().db().acquire();
    store::AuditQuery q;
    q.limit = 10000;
    return *store::list_audit(conn.sql(), q);
  }

  std::unique_ptr<TestApp> t;
  std::unique_ptr<WebClient> sam;
  long long ada = 0;
  long long bo = 0;
};

TEST_F(Cases, TheWholePathFromFirstContactToAnActiveAssignment) {
  // Scenario 1: a self-referral by text message, under an alias.
  json c = body(sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-12)}})), 201);
  std::string id = c["id"];
  EXPECT_EQ(c["code"], "K-2026-001");
  EXPECT_EQ(c["state"], "bedomning") << "a self-referral is the person's own wish";
  EXPECT_EQ(c["orientation"]["deadline"], date(9));
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment",
                    {{"version", c["version"]},
                     {"outcome", "malgrupp"},
                     {"significant_disability", true},
                     {"complex_needs", true},
                     {"date", date(-11)}}));
  EXPECT_EQ(c["state"], "orienteringsbesok");
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation",
                    {{"version", c["version"]},
                     {"date", date(-2)},
                     {"place", "kafe"},
                     {"ombud", {ada, bo}},
                     {"trusted_person", true}}));
  EXPECT_EQ(c["orientation"]["place"], "kafe");
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation/held",
                    {{"version", c["version"]},
                     {"held_on", date(-2)},
                     {"decision", "ko"},
                     {"priorities", {"ensamstaende_foralder"}}}));
  EXPECT_EQ(c["state"], "ko");
  EXPECT_EQ(c["queue_entered_on"], date(-2));
  json q = body(sam->api("GET", "/api/v1/queue"));
  ASSERT_EQ(q["queue"].size(), 1U);
  EXPECT_EQ(q["queue"][0]["explanation"], "väntat 2 dagar + prioritet: Ensamstående förälder (+30 dagar)");
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ada}}));
  EXPECT_EQ(c["state"], "aktiv");
  EXPECT_EQ(c["primary_ombud"], ada);
  EXPECT_TRUE(body(sam->api("GET", "/api/v1/queue"))["queue"].empty());

  // The ombud sees the client under "Mina klienter".
  auto ombud = login("ada");
  json mine = body(ombud->api("GET", "/api/v1/clients"));
  ASSERT_EQ(mine["clients"].size(), 1U);
  EXPECT_EQ(mine["clients"][0]["name"], "Anna");
  WebClient page(t->app());
  ASSERT_EQ(page.login("ada", TestServices::kPassword).status, 303);
  Response start = page.get("/");
  EXPECT_NE(start.body.find(">Anna</a>"), std::string::npos);
  EXPECT_NE(start.body.find("Aktivt uppdrag"), std::string::npos);

  // Every transition left one de-identified statistics event.
  for (const char* type :
       {"first_contact", "assessed_in_target_group", "orientation_booked", "orientation_held", "queued", "assigned"}) {
    EXPECT_EQ(count_stats(type), 1) << type;
  }
  for (const auto& e : stats()) {
    EXPECT_EQ(e.municipality_code, "0882");
    EXPECT_EQ(e.gender, "kvinna");
    EXPECT_EQ(e.age_band, "26-35");
    EXPECT_EQ(e.channel, "sms");
    EXPECT_EQ(e.contact_by, "sjalv");
    EXPECT_EQ(e.year, 2026);
  }
  for (const auto& e : stats()) {
    if (e.type == domain::StatEventType::kOrientationHeld) {
      EXPECT_EQ(e.days_waited, 10);
      EXPECT_EQ(e.reason_code, "inom_tidsgrans");
    }
    if (e.type == domain::StatEventType::kAssigned) {
      EXPECT_EQ(e.days_waited, 2);
    }
  }
}

TEST_F(Cases, ARelativesContactWaitsForThePersonsOwnWish) {
  // Scenario 2: a mother calls about her son.
  json c = body(
      sam->api("POST", "/api/v1/contacts",
               contact({{"contact_by", "anhorig"}, {"channel", "telefon"}, {"gender", "man"}, {"birth_year", 1997}})),
      201);
  EXPECT_EQ(c["state"], "forsta_kontakt");
  std::string id = c["id"];
  Response early = sam->api(
      "POST", "/api/v1/clients/" + id + "/assessment",
      {{"version", c["version"]}, {"outcome", "malgrupp"}, {"significant_disability", true}, {"complex_needs", true}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(json::parse(early.body)["error"]["key"], "status.own_wish_missing") << "the API names what is missing";
  EXPECT_NE(json::parse(early.body)["error"]["message"].get<std::string>().find("egen önskan"), std::string::npos);
  // How the wish was expressed, and to whom, are part of it; the receiver must be one of the staff.
  Response unsaid = sam->api("POST", "/api/v1/clients/" + id + "/own-wish", {{"version", c["version"]}});
  EXPECT_EQ(unsaid.status, 400);
  EXPECT_EQ(json::parse(unsaid.body)["error"]["fields"][0]["field"], "how");
  Response stranger = sam->api("POST", "/api/v1/clients/" + id + "/own-wish",
                               {{"version", c["version"]}, {"how", "personligen"}, {"received_by", 999999}});
  EXPECT_EQ(stranger.status, 400);
  EXPECT_EQ(json::parse(stranger.body)["error"]["fields"][0]["code"], "own_wish.receiver_unknown");
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/own-wish",
                    {{"version", c["version"]}, {"how", "personligen"}, {"received_by", ada}}));
  EXPECT_EQ(c["state"], "bedomning");
  EXPECT_EQ(c["own_wish_on"], date(0));
  EXPECT_EQ(c["own_wish_how"], "personligen");
  EXPECT_EQ(c["own_wish_received_by"], ada);
  EXPECT_EQ(count_stats("own_wish_confirmed"), 1);
  {
    WebClient page(t->app());
    ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
    EXPECT_NE(page.get("/clients/" + id).body.find(date(0) + ", personligen – till Namn ada"), std::string::npos);
  }
  // Nothing about the relative is stored but the relation.
  std::string by;
  {
    auto conn = t->env().db().acquire();
    conn.sql() << "SELECT contact_by FROM clients WHERE id = :id", soci::use(id), soci::into(by);
  }
  EXPECT_EQ(by, "anhorig");
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  (void)page;
}

TEST_F(Cases, AnUnder18InquiryIsOnlyCounted) {
  // Scenario 3: a school nurse asks about a 17-year-old.
  Response r = sam->api("POST", "/api/v1/contacts", contact({{"birth_year", 2009}, {"alias", "Elev Sjutton"}}));
  EXPECT_EQ(r.status, 400);
  auto err = json::parse(r.body)["error"];
  EXPECT_EQ(err["fields"][0]["field"], "birth_year");
  EXPECT_EQ(err["fields"][0]["code"], "contact.under_18");
  EXPECT_EQ(client_rows(), 0);
  EXPECT_TRUE(stats().empty());
  EXPECT_EQ(sam->api("POST", "/api/v1/inquiries", {{"channel", "telefon"}, {"contact_by", "personal"}}).status, 201);
  ASSERT_EQ(stats().size(), 1U);
  const auto e = stats()[0];
  EXPECT_EQ(domain::code_of(domain::kStatEventTypes, e.type), "inquiry_under_18");
  EXPECT_EQ(e.reason_code, "alder");
  EXPECT_EQ(e.age_band, "0-17");
  EXPECT_EQ(e.gender, "");
  EXPECT_EQ(client_rows(), 0);

  // The page offers the count after the refusal.
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  page.get("/contacts/new");
  Response form = page.post_form("/contacts", {{"csrf", page.csrf_from_last_page()},
                                               {"channel", "telefon"},
                                               {"contact_by", "personal"},
                                               {"municipality", "0861"},
                                               {"birth_year", "2010"},
                                               {"gender", "man"}});
  EXPECT_EQ(form.status, 400);
  // Said once, with counting the inquiry as the first and primary action, before the contact form.
  EXPECT_EQ(occurrences(form.body, "Personen är under 18 år"), 1U);
  EXPECT_EQ(form.body.find("Rätta följande"), std::string::npos) << "not a list of mistakes";
  std::size_t count = form.body.find("action=\"/inquiries\"");
  ASSERT_NE(count, std::string::npos);
  EXPECT_LT(count, form.body.find("action=\"/contacts\""));
  EXPECT_NE(form.body.find("<button type=\"submit\" class=\"button\">Räkna förfrågan</button>"), std::string::npos);
  EXPECT_NE(form.body.find("<button type=\"submit\" class=\"button secondary\">Registrera kontakten</button>"),
            std::string::npos);
  EXPECT_EQ(form.body.find("Registrera och hänvisa akut"), std::string::npos);
  Response counted = page.post_form("/inquiries", {{"csrf", page.csrf_from_last_page()},
                                                   {"channel", "telefon"},
                                                   {"contact_by", "personal"},
                                                   {"municipality", "0861"}});
  EXPECT_EQ(counted.status, 303);
  EXPECT_EQ(counted.header("location"), "/contacts/new?notice=inquiry_counted");
  EXPECT_EQ(stats().size(), 2U);
}

TEST_F(Cases, TheYearAPersonTurns18NeedsConfirmation) {
  Response r = sam->api("POST", "/api/v1/contacts", contact({{"birth_year", 2008}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "contact.confirm_adult");
  EXPECT_EQ(sam->api("POST", "/api/v1/contacts", contact({{"birth_year", 2008}, {"confirmed_adult", true}})).status,
            201);
}

TEST_F(Cases, AClientWithoutANameRunsUnderTheCode) {
  // Scenario 4.
  json c = body(
      sam->api("POST", "/api/v1/contacts", contact({{"alias", ""}, {"reach", ""}, {"gender", "vill_ej_ange"}})), 201);
  EXPECT_EQ(c["alias"], "");
  json list = body(sam->api("GET", "/api/v1/clients"));
  EXPECT_EQ(list["clients"][0]["name"], c["code"]);
  EXPECT_EQ(stats().at(0).gender, "vill_ej_ange");
}

TEST_F(Cases, AnAcuteCallerIsReferredAndTheClientPageSaysWhereToTurn) {
  // Scenario 5: acute referral is possible even before the own wish is on record.
  json c = body(sam->api("POST", "/api/v1/contacts", contact({{"contact_by", "annan"}})), 201);
  std::string id = c["id"];
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment", {{"version", c["version"]}, {"outcome", "akut"}}));
  EXPECT_EQ(c["state"], "hanvisad_akut");
  EXPECT_EQ(count_stats("referred_acute"), 1);
  // The API's answer carries what the caller must be told, as the page does.
  ASSERT_TRUE(c.contains("tell_the_person")) << c.dump();
  EXPECT_EQ(c["tell_the_person"]["heading"], "Vart personen kan vända sig nu");
  EXPECT_NE(c["tell_the_person"]["texts"].dump().find("ingen akutverksamhet"), std::string::npos);
  json calls = c["tell_the_person"]["calls"];
  ASSERT_EQ(calls.size(), 5U) << calls.dump();
  EXPECT_EQ(calls[0]["number"], "0491-880 00") << "the operation's own socialjour first";
  EXPECT_EQ(calls[0]["tel"], "tel:049188000");
  EXPECT_EQ(calls[2]["tel"], "tel:112");
  EXPECT_EQ(calls[3]["label"], "Självmordslinjen");
  EXPECT_EQ(calls[3]["tel"], "tel:90101");
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response r = page.get("/clients/" + id);
  EXPECT_NE(r.body.find("Vart personen kan vända sig nu"), std::string::npos);
  EXPECT_NE(r.body.find("<a class=\"call\" href=\"tel:112\">112</a>"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"tel:90101\""), std::string::npos);
  EXPECT_EQ(occurrences(r.body, "112"), 2U) << "112 is said once: the link and its text";
  EXPECT_NE(r.body.find("role=\"alert\""), std::string::npos);
  EXPECT_EQ(r.body.find("Om personen behöver hjälp nu"), std::string::npos) << "no second crisis box once referred";
}

TEST_F(Cases, TheCrisisNumbersStandOverTheFirstContactAndEveryCaseBeforeItsAssessment) {
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response form = page.get("/contacts/new");
  std::size_t box = form.body.find("Om personen behöver hjälp nu");
  ASSERT_NE(box, std::string::npos);
  EXPECT_LT(box, form.body.find("<form method=\"post\" action=\"/contacts\"")) << "above the form";
  for (const char* tel : {"tel:112", "tel:1177", "tel:90101", "tel:049188000", "tel:049189000"})
    EXPECT_NE(form.body.find(tel), std::string::npos) << tel;
  EXPECT_NE(form.body.find("name=\"then\" value=\"akut\">Registrera och hänvisa akut</button>"), std::string::npos);

  // "Registrera och hänvisa akut" records the contact and goes straight to the referral.
  std::vector<std::pair<std::string, std::string>> fields = {{"csrf", page.csrf_from_last_page()},
                                                             {"contact_date", date(0)},
                                                             {"channel", "telefon"},
                                                             {"contact_by", "anhorig"},
                                                             {"municipality", "0882"},
                                                             {"birth_year", "1990"},
                                                             {"gender", "man"},
                                                             {"then", "akut"}};
  Response sent = page.post_form("/contacts", fields);
  ASSERT_EQ(sent.status, 303) << sent.body;
  std::string to = std::string(sent.header("location"));
  EXPECT_NE(to.find("/assessment?outcome=akut"), std::string::npos) << to;
  Response refer = page.get(to);
  EXPECT_NE(refer.body.find("<h1>Hänvisa akut</h1>"), std::string::npos);
  EXPECT_NE(refer.body.find("tel:112"), std::string::npos);

  // On the case page before the assessment: the numbers and "Hänvisa akut" first of all.
  std::string client = to.substr(0, to.find("/assessment"));
  Response before = page.get(client);
  std::size_t at = before.body.find("Om personen behöver hjälp nu");
  ASSERT_NE(at, std::string::npos);
  EXPECT_LT(at, before.body.find("<dl class=\"facts\">"));
  EXPECT_NE(before.body.find("href=\"" + client + "/assessment?outcome=akut\">Hänvisa akut</a>"), std::string::npos);

  // After the assessment the box is gone.
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  EXPECT_NE(page.get("/clients/" + id).body.find("Om personen behöver hjälp nu"), std::string::npos);
  body(sam->api(
      "POST", "/api/v1/clients/" + id + "/assessment",
      {{"version", c["version"]}, {"outcome", "malgrupp"}, {"significant_disability", true}, {"complex_needs", true}}));
  EXPECT_EQ(page.get("/clients/" + id).body.find("Om personen behöver hjälp nu"), std::string::npos);
}

TEST_F(Cases, TheCrisisNumbersAreTheOperationsOwn) {
  auto admin = login("eva");
  json cfg = body(admin->api("GET", "/api/v1/config"));
  cfg["config"]["crisis_contacts"] = json::array({{{"label", "Socialjouren i Högsby"}, {"number", "+46 491-100 00"}}});
  body(admin->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", cfg["config"]}}));
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response form = page.get("/contacts/new");
  EXPECT_NE(form.body.find("href=\"tel:+4649110000\">+46 491-100 00</a>"), std::string::npos);
  EXPECT_EQ(form.body.find("tel:90101"), std::string::npos);

  // A number that cannot be dialled is refused, and nothing changes.
  cfg = body(admin->api("GET", "/api/v1/config"));
  cfg["config"]["crisis_contacts"][0]["number"] = "ring oss";
  Response bad = admin->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", cfg["config"]}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["fields"][0]["field"], "crisis_contacts.0.number");
  EXPECT_EQ(json::parse(bad.body)["error"]["fields"][0]["code"], "config.crisis_number_invalid");
  EXPECT_EQ(body(admin->api("GET", "/api/v1/config"))["version"], cfg["version"]);
}

TEST_F(Cases, AnAcuteNeedIsAReferralNeverAReasonForANo) {
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  Response r = sam->api("POST", "/api/v1/clients/" + id + "/assessment",
                        {{"version", c["version"]},
                         {"outcome", "nej"},
                         {"reason", "akut_behov"},
                         {"significant_disability", true},
                         {"complex_needs", true}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "assessment.acute_is_referral");
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response form = page.get("/clients/" + id + "/assessment");
  EXPECT_EQ(form.body.find("value=\"akut_behov\""), std::string::npos) << "not offered as a reason";
  EXPECT_NE(form.body.find("Hänvisa akut – personen behöver hjälp nu"), std::string::npos);
  EXPECT_EQ(occurrences(form.body, "Akut behov"), 0U);
}

TEST_F(Cases, ActiveSubstanceAbuseIsADeclineOnlyWhereTheRulesSaySo) {
  // Scenario 6 under a [002]-style configuration.
  auto admin = login("eva");
  json cfg = body(admin->api("GET", "/api/v1/config"));
  cfg["config"]["exclude_substance_abuse"] = true;
  cfg["config"]["require_own_will"] = true;
  EXPECT_EQ(
      body(admin->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", cfg["config"]}}))["version"],
      2);
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  json answers = {{"version", c["version"]}, {"outcome", "malgrupp"}, {"significant_disability", true},
                  {"complex_needs", true},   {"own_will", true},      {"no_substance_abuse", false}};
  Response refused = sam->api("POST", "/api/v1/clients/" + id + "/assessment", answers);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(json::parse(refused.body)["error"]["fields"][0]["code"], "assessment.criteria_not_met");
  answers["outcome"] = "nej";
  answers["reason"] = "aktivt_missbruk";
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment", answers));
  EXPECT_EQ(c["state"], "ej_aktuell");
  EXPECT_EQ(c["assessment"]["reason"], "aktivt_missbruk");
  EXPECT_NE(c["tell_the_person"]["texts"].dump().find("kan beslutet inte överklagas"), std::string::npos)
      << "the API says it as the page does";
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients/" + id))["tell_the_person"], c["tell_the_person"]);
  bool found = false;
  for (const auto& e : stats())
    found |= e.type == domain::StatEventType::kDeclined && e.reason_code == "aktivt_missbruk";
  EXPECT_TRUE(found);
  // The declined person is told, in plain Swedish, that it is no legal right and cannot be appealed.
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response r = page.get("/clients/" + id);
  EXPECT_NE(
      r.body.find("Du har inte laglig rätt till personligt ombud. Därför kan beslutet inte överklagas till domstol."),
      std::string::npos);
  EXPECT_NE(r.body.find("Synpunkter på verksamheten"), std::string::npos);
}

TEST_F(Cases, BadInputIsRefusedWithFieldErrorsAndNothingIsStored) {
  struct Case {
    json overrides;
    const char* field;
    const char* code;
  };
  for (const auto& c : std::vector<Case>{{{{"contact_date", date(1)}}, "contact_date", "date.in_future"},
                                         {{{"contact_date", "2026-13-01"}}, "contact_date", "date.invalid"},
                                         {{{"municipality", "1480"}}, "municipality", "contact.municipality_unknown"},
                                         {{{"birth_year", "nittonhundra"}}, "birth_year", "contact.birth_year_invalid"},
                                         {{{"gender", "okänt"}}, "gender", "field.invalid"},
                                         {{{"channel", nullptr}}, "channel", "field.required"},
                                         {{{"alias", std::string(81, 'a')}}, "alias", "field.too_long"},
                                         {{{"municipalty", "0882"}}, "municipalty", "field.unknown"}}) {
    Response r = sam->api("POST", "/api/v1/contacts", contact(c.overrides));
    EXPECT_EQ(r.status, 400) << c.overrides.dump();
    auto fields = json::parse(r.body)["error"]["fields"];
    ASSERT_FALSE(fields.empty()) << r.body;
    EXPECT_EQ(fields[0]["field"], c.field) << r.body;
    EXPECT_EQ(fields[0]["code"], c.code) << r.body;
  }
  EXPECT_EQ(client_rows(), 0);
  EXPECT_TRUE(stats().empty());

  // Dates of events before the first contact or in the future.
  json c = body(sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-5)}})), 201);
  std::string id = c["id"];
  json early = {{"version", c["version"]},
                {"outcome", "malgrupp"},
                {"significant_disability", true},
                {"complex_needs", true},
                {"date", date(-6)}};
  Response r = sam->api("POST", "/api/v1/clients/" + id + "/assessment", early);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "date.before_first_contact");
  early["date"] = date(2);
  r = sam->api("POST", "/api/v1/clients/" + id + "/assessment", early);
  EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "date.in_future");
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients/" + id))["state"], "bedomning") << "nothing changed";
  EXPECT_EQ(stats().size(), 1U);
}

// The form names the age groups the client is in, and none the client is outside of.
TEST_F(Cases, ThePriorityHintNamesOnlyTheAgeGroupsTheClientIsIn) {
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  for (int birth_year : {1990, 2004}) {
    json c = body(sam->api("POST", "/api/v1/contacts", contact({{"birth_year", birth_year}})), 201);
    std::string id = c["id"];
    c = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment",
                      {{"version", c["version"]},
                       {"outcome", "malgrupp"},
                       {"significant_disability", true},
                       {"complex_needs", true}}));
    c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation",
                      {{"version", c["version"]}, {"date", date(0)}, {"place", "hemma"}, {"ombud", {ada, bo}}}));
    std::string html = page.get("/clients/" + id + "/orientation/held").body;
    const bool young = birth_year == 2004;
    EXPECT_EQ(html.find("Ung vuxen 18–25 år;") != std::string::npos, young) << birth_year;
    if (!young) {
      EXPECT_EQ(html.find("Efter sin ålder"), std::string::npos) << "no age group for a 36-year-old";
    }
  }
}

TEST_F(Cases, TheOrientationVisitNeedsTheConfiguredNumberOfOmbud) {
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  c = body(sam->api(
      "POST", "/api/v1/clients/" + id + "/assessment",
      {{"version", c["version"]}, {"outcome", "malgrupp"}, {"significant_disability", true}, {"complex_needs", true}}));
  for (const json& ombud : {json::array({ada}), json::array({ada, ada}), json::array({ada, 999999})}) {
    Response r = sam->api("POST", "/api/v1/clients/" + id + "/orientation",
                          {{"version", c["version"]}, {"date", date(3)}, {"place", "hemma"}, {"ombud", ombud}});
    EXPECT_EQ(r.status, 400) << ombud.dump();
    EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["field"], "ombud");
  }
  // Assigning before the orientation visit is refused by the lifecycle.
  Response early =
      sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ada}});
  EXPECT_EQ(early.status, 409);
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation",
                    {{"version", c["version"]}, {"date", date(3)}, {"place", "hemma"}, {"ombud", {ada, bo}}}));
  Response held = sam->api("POST", "/api/v1/clients/" + id + "/orientation/held",
                           {{"version", c["version"]}, {"held_on", date(3)}, {"decision", "ko"}});
  EXPECT_EQ(held.status, 400) << "the visit cannot be recorded before it happened";
}

TEST_F(Cases, TwoSamordnareAssigningAtOnceGetAConflictAndNothingIsOverwritten) {
  json c = queued("Bertil", 20);
  std::string id = c["id"];
  auto other = login("cilla");
  Response first =
      sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ada}});
  Response second =
      other->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", bo}});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(json::parse(second.body)["error"]["code"], "conflict");
  EXPECT_NE(json::parse(second.body)["error"]["message"].get<std::string>().find("Ladda om sidan"), std::string::npos);
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients/" + id))["primary_ombud"], ada);
  EXPECT_EQ(count_stats("assigned"), 1);

  // The same on the page: the form keeps the version it was read at.
  WebClient page(t->app());
  ASSERT_EQ(page.login("cilla", TestServices::kPassword).status, 303);
  Response stale = page.post_form("/clients/" + id + "/assignment",
                                  {{"csrf", page.csrf_from_last_page().empty() ? "" : page.csrf_from_last_page()}});
  (void)stale;
  page.get("/clients/" + id + "/assignment");
  Response form =
      page.post_form("/clients/" + id + "/assignment", {{"csrf", page.csrf_from_last_page()},
                                                        {"version", std::to_string(c["version"].get<int>())},
                                                        {"ombud", std::to_string(bo)},
                                                        {"reason", "annat"}});
  EXPECT_EQ(form.status, 409);
  EXPECT_NE(form.body.find("Uppgiften har ändrats av någon annan"), std::string::npos);
}

TEST_F(Cases, AChangeOfOmbudKeepsTheHistoryAndNeedsAReason) {
  json c = queued("Cornelia", 30);
  std::string id = c["id"];
  // A first assignment takes no reason: one given is refused, not dropped.
  for (const json& given : {json("arbetsbelastning"), json("semester")}) {
    Response first = sam->api("POST", "/api/v1/clients/" + id + "/assignment",
                              {{"version", c["version"]}, {"ombud", ada}, {"date", date(-3)}, {"reason", given}});
    EXPECT_EQ(first.status, 400);
    EXPECT_EQ(json::parse(first.body)["error"]["fields"][0]["code"],
              given == "semester" ? "assignment.reason_unknown" : "assignment.reason_only_on_change");
  }
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assignment",
                    {{"version", c["version"]}, {"ombud", ada}, {"date", date(-3)}}));
  Response no_reason =
      sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", bo}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(json::parse(no_reason.body)["error"]["fields"][0]["code"], "assignment.reason_required");
  for (const json& bad : {json("semester"), json(std::string(100'000, 'x')), json("<b>arbetsbelastning</b>")}) {
    Response unknown = sam->api("POST", "/api/v1/clients/" + id + "/assignment",
                                {{"version", c["version"]}, {"ombud", bo}, {"reason", bad}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(json::parse(unknown.body)["error"]["fields"][0]["code"], "assignment.reason_unknown")
        << "an unknown reason is not reported as a missing one";
  }
  Response same = sam->api("POST", "/api/v1/clients/" + id + "/assignment",
                           {{"version", c["version"]}, {"ombud", ada}, {"reason", "arbetsbelastning"}});
  EXPECT_EQ(json::parse(same.body)["error"]["fields"][0]["code"], "assignment.same_ombud");
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assignment",
                    {{"version", c["version"]}, {"ombud", bo}, {"reason", "klientens_onskan"}}));
  EXPECT_EQ(c["primary_ombud"], bo);
  auto history = [&] {
    auto conn = t->env().db().acquire();
    return *store::list_assignments(conn.sql(), id);
  }();
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[0].ombud_id, ada);
  EXPECT_EQ(history[0].ended_on, date(0));
  EXPECT_EQ(history[0].change_reason, "klientens_onskan");
  EXPECT_EQ(history[1].ombud_id, bo);
  EXPECT_FALSE(history[1].ended_on);
  // The page for a change of ombud says so in its heading and in the window title alike.
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  std::string html = page.get("/clients/" + id + "/assignment").body;
  EXPECT_NE(html.find("<h1>Byt ombud</h1>"), std::string::npos);
  EXPECT_NE(html.find("<title>Byt ombud"), std::string::npos) << html.substr(0, 400);
  // Ada no longer sees the client; Bo does.
  EXPECT_EQ(login("ada")->api("GET", "/api/v1/clients/" + id).status, 404);
  EXPECT_EQ(login("bo")->api("GET", "/api/v1/clients/" + id).status, 200);
}

TEST_F(Cases, GoingPastSomeoneInTheQueueNeedsAReasonThatTheQueueKeeps) {
  json first = queued("Först", 117);
  json second = queued("Andra", 10);
  std::string id = second["id"];
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  std::string form = page.get("/clients/" + id + "/assignment").body;
  EXPECT_NE(form.find("Klienten står på plats 2 i kön"), std::string::npos);
  EXPECT_NE(form.find("har väntat 117 dagar"), std::string::npos);
  EXPECT_NE(form.find("name=\"bypass_reason\""), std::string::npos);

  std::string url = "/api/v1/clients/" + id + "/assignment";
  Response silent = sam->api("POST", url, {{"version", second["version"]}, {"ombud", ada}});
  EXPECT_EQ(silent.status, 400);
  EXPECT_EQ(json::parse(silent.body)["error"]["fields"][0]["code"], "assignment.bypass_reason_required");
  Response unknown =
      sam->api("POST", url, {{"version", second["version"]}, {"ombud", ada}, {"bypass_reason", "<b>tycke</b>"}});
  EXPECT_EQ(json::parse(unknown.body)["error"]["fields"][0]["code"], "assignment.bypass_reason_unknown");
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients/" + id))["state"], "ko") << "nothing changed";
  body(sam->api("POST", url, {{"version", second["version"]}, {"ombud", ada}, {"bypass_reason", "forsta_nas_inte"}}));
  {
    auto conn = t->env().db().acquire();
    auto history = *store::list_assignments(conn.sql(), id);
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].queue_place, 2);
    EXPECT_EQ(history[0].bypass_reason, "forsta_nas_inte");
  }

  // The first in the queue needs no reason, and is refused one.
  std::string first_url = "/api/v1/clients/" + std::string(first["id"]) + "/assignment";
  Response needless =
      sam->api("POST", first_url, {{"version", first["version"]}, {"ombud", bo}, {"bypass_reason", "matchning"}});
  EXPECT_EQ(json::parse(needless.body)["error"]["fields"][0]["code"], "assignment.bypass_reason_not_needed");
  body(sam->api("POST", first_url, {{"version", first["version"]}, {"ombud", bo}}));

  // The queue's history shows both, with the reason where someone was passed.
  std::string queue = page.get("/queue").body;
  EXPECT_NE(queue.find("Tilldelat från kön, senaste 90 dagarna"), std::string::npos);
  std::size_t passed = queue.find(std::string(second["code"]));
  ASSERT_NE(passed, std::string::npos);
  EXPECT_NE(queue.find("De som står före går inte att nå nu", passed), std::string::npos);
  EXPECT_NE(queue.find("Först i kön"), std::string::npos);
}

TEST_F(Cases, TheOrientationVisitHasATimeOfDay) {
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  c = body(sam->api(
      "POST", "/api/v1/clients/" + id + "/assessment",
      {{"version", c["version"]}, {"outcome", "malgrupp"}, {"significant_disability", true}, {"complex_needs", true}}));
  json booking = {{"version", c["version"]}, {"date", date(3)}, {"place", "hemma"}, {"ombud", {ada, bo}}};
  booking["time"] = "25.00";
  Response bad = sam->api("POST", "/api/v1/clients/" + id + "/orientation", booking);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["fields"][0]["code"], "orientation.time_invalid");
  booking["time"] = "9.30";
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/orientation", booking));
  EXPECT_EQ(c["orientation"]["time"], "09:30");
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  EXPECT_NE(page.get("/clients/" + id).body.find(date(3) + " kl. 09:30, "), std::string::npos);
  EXPECT_NE(page.get("/clients/" + id + "/orientation").body.find("value=\"09:30\""), std::string::npos);
}

TEST_F(Cases, TheListOfAllCasesComesInPagesWithItsTotal) {
  for (int i = 0; i < 55; ++i)
    body(sam->api("POST", "/api/v1/contacts", contact({{"alias", "Person " + std::to_string(i)}})), 201);
  json first = body(sam->api("GET", "/api/v1/clients"));
  EXPECT_EQ(first["total"], 55);
  EXPECT_EQ(first["limit"], 50);
  EXPECT_EQ(first["pages"], 2);
  EXPECT_EQ(first["clients"].size(), 50U);
  // Page by page, in code order, every case once.
  std::vector<std::string> codes;
  for (int page = 1; page <= 3; ++page) {
    json p = body(sam->api("GET", "/api/v1/clients?limit=20&page=" + std::to_string(page)));
    EXPECT_EQ(p["total"], 55);
    for (const auto& c : p["clients"])
      codes.push_back(c["code"]);
  }
  ASSERT_EQ(codes.size(), 55U);
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
  EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
  json beyond = body(sam->api("GET", "/api/v1/clients?limit=20&page=4"));
  EXPECT_TRUE(beyond["clients"].empty());
  EXPECT_EQ(beyond["total"], 55);
  // The state filter pages too, with its own total.
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients?state=bedomning&limit=10"))["total"], 55);
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients?state=ko"))["total"], 0);
  for (const char* bad : {"limit=0", "limit=201", "limit=tio", "page=0", "page=-1", "page=x"}) {
    Response r = sam->api("GET", std::string("/api/v1/clients?") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    std::string field = std::string(bad).substr(0, std::string(bad).find('='));
    EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "list." + field + "_invalid") << bad;
  }

  // The page shows 50 at a time and keeps the filter from page to page.
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  std::string one = page.get("/clients").body;
  EXPECT_NE(one.find("Sida 1 av 2 (55 ärenden)"), std::string::npos);
  EXPECT_NE(one.find("<a href=\"/clients?page=2\" rel=\"next\">Nästa sida</a>"), std::string::npos);
  EXPECT_EQ(occurrences(one, "<tr role=\"row\"><th scope=\"row\""), 50U);
  std::string two = page.get("/clients?state=bedomning&page=2").body;
  EXPECT_NE(two.find("Sida 2 av 2 (55 ärenden)"), std::string::npos);
  EXPECT_NE(two.find("href=\"/clients?state=bedomning&amp;page=1\" rel=\"prev\""), std::string::npos);
  EXPECT_EQ(occurrences(two, "<tr role=\"row\"><th scope=\"row\""), 5U);
}

TEST_F(Cases, AClientMayPauseResumeAndWithdrawAtAnyStage) {
  json c = queued("Dennis", 40);
  std::string id = c["id"];
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ada}}));
  auto ombud = login("ada");
  c = body(ombud->api("POST", "/api/v1/clients/" + id + "/status", {{"version", c["version"]}, {"action", "vilande"}}));
  EXPECT_EQ(c["state"], "vilande");
  Response again =
      ombud->api("POST", "/api/v1/clients/" + id + "/status", {{"version", c["version"]}, {"action", "vilande"}});
  EXPECT_EQ(again.status, 409);
  c = body(
      ombud->api("POST", "/api/v1/clients/" + id + "/status", {{"version", c["version"]}, {"action", "aterupptag"}}));
  EXPECT_EQ(c["state"], "aktiv");
  // Ending cannot be undone: it needs a reason and a confirmation, and without them nothing changes.
  Response unconfirmed = ombud->api("POST", "/api/v1/clients/" + id + "/status",
                                    {{"version", c["version"]}, {"action", "avstar"}, {"reason", "flyttat"}});
  EXPECT_EQ(unconfirmed.status, 400);
  EXPECT_EQ(json::parse(unconfirmed.body)["error"]["fields"][0]["code"], "status.withdraw_not_confirmed");
  Response unexplained = ombud->api("POST", "/api/v1/clients/" + id + "/status",
                                    {{"version", c["version"]}, {"action", "avstar"}, {"confirmed", true}});
  EXPECT_EQ(json::parse(unexplained.body)["error"]["fields"][0]["code"], "status.withdraw_reason_required");
  Response odd = ombud->api("POST", "/api/v1/clients/" + id + "/status",
                            {{"version", c["version"]}, {"action", "vilande"}, {"reason", "flyttat"}});
  EXPECT_EQ(json::parse(odd.body)["error"]["fields"][0]["code"], "status.reason_only_on_withdraw");
  EXPECT_EQ(body(ombud->api("GET", "/api/v1/clients/" + id))["state"], "aktiv");
  c = body(ombud->api(
      "POST", "/api/v1/clients/" + id + "/status",
      {{"version", c["version"]}, {"action", "avstar"}, {"reason", "vill_inte_langre"}, {"confirmed", true}}));
  EXPECT_EQ(c["state"], "avslutning");
  EXPECT_EQ(c["ended_on"], date(0));
  EXPECT_EQ(c["end_reason"], "vill_inte_langre");
  {
    // One state, one word: "Avslutas", and the date as a date.
    WebClient page(t->app());
    ASSERT_EQ(page.login("ada", TestServices::kPassword).status, 303);
    std::string html = page.get("/clients/" + id).body;
    EXPECT_NE(html.find("Avslutas"), std::string::npos);
    EXPECT_EQ(html.find("Avslutat"), std::string::npos);
    EXPECT_NE(html.find("<dt>Skäl</dt><dd>Vill inte längre</dd>"), std::string::npos);
  }
  EXPECT_EQ(count_stats("paused"), 1);
  EXPECT_EQ(count_stats("resumed"), 1);
  EXPECT_EQ(count_stats("ended"), 1);
  // Before the assignment, withdrawing ends the case.
  json other = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  other = body(
      sam->api("POST", "/api/v1/clients/" + std::string(other["id"]) + "/status",
               {{"version", other["version"]}, {"action", "avstar"}, {"reason", "annat_stod"}, {"confirmed", true}}));
  EXPECT_EQ(other["state"], "avstar");
  EXPECT_EQ(count_stats("withdrawn"), 1);
}

TEST_F(Cases, AMoveWithinTheOperationKeepsTheCaseAndMovesTheStatistics) {
  // Scenario 7, first half: the client moves from Oskarshamn to Mönsterås.
  json c = queued("Hugo", 10);
  std::string id = c["id"];
  c = body(sam->api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ada}}));
  auto ombud = login("ada");
  json details = {{"version", c["version"]}, {"alias", "Hugo H"},  {"reach", "Nytt nummer 070-222"},
                  {"municipality", "0861"},  {"birth_year", 1992}, {"gender", "kvinna"}};
  // The day of the move is given, not before the first contact and not in the future.
  details["moved_on"] = date(1);
  Response ahead = ombud->api("POST", "/api/v1/clients/" + id + "/details", details);
  EXPECT_EQ(ahead.status, 400);
  EXPECT_EQ(json::parse(ahead.body)["error"]["fields"][0]["field"], "moved_on");
  details["moved_on"] = date(-2);
  c = body(ombud->api("POST", "/api/v1/clients/" + id + "/details", details));
  details.erase("moved_on");
  ASSERT_EQ(c["moves"].size(), 1U);
  EXPECT_EQ(c["moves"][0]["on"], date(-2));
  EXPECT_EQ(c["moves"][0]["from"], "0882");
  EXPECT_EQ(c["moves"][0]["to"], "0861");
  {
    // The client page keeps the move.
    WebClient page(t->app());
    ASSERT_EQ(page.login("ada", TestServices::kPassword).status, 303);
    EXPECT_NE(page.get("/clients/" + id)
                  .body.find("<dt>Flyttningar</dt><dd>" + date(-2) + " från Oskarshamn till Mönsterås</dd>"),
              std::string::npos);
  }
  EXPECT_EQ(c["state"], "aktiv");
  EXPECT_EQ(c["municipality"], "0861");
  EXPECT_EQ(c["alias"], "Hugo H");
  EXPECT_EQ(c["reach"], "Nytt nummer 070-222");
  const auto events = stats();
  ASSERT_EQ(count_stats("moved"), 1);
  for (const auto& e : events) {
    if (e.type == domain::StatEventType::kMoved) {
      EXPECT_EQ(e.municipality_code, "0861");
      EXPECT_EQ(e.reason_code, "0882");
    }
  }
  // Later events count in the new municipality.
  c = body(ombud->api("POST", "/api/v1/clients/" + id + "/status", {{"version", c["version"]}, {"action", "vilande"}}));
  for (const auto& e : stats()) {
    if (e.type == domain::StatEventType::kPaused) {
      EXPECT_EQ(e.municipality_code, "0861");
    }
  }
  // Under-18 birth years and unknown municipalities are refused here too; a stale version conflicts.
  details["version"] = c["version"];
  details["birth_year"] = 2012;
  EXPECT_EQ(
      json::parse(ombud->api("POST", "/api/v1/clients/" + id + "/details", details).body)["error"]["fields"][0]["code"],
      "contact.under_18");
  details["birth_year"] = 1992;
  details["municipality"] = "9999";
  Response r = ombud->api("POST", "/api/v1/clients/" + id + "/details", details);
  EXPECT_EQ(r.status, 400);
  // A move out of the area ends the case; it is not recorded as a change of details.
  details["municipality"] = "0000";
  r = ombud->api("POST", "/api/v1/clients/" + id + "/details", details);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["fields"][0]["code"], "details.moved_out");
  EXPECT_EQ(count_stats("moved"), 1);
  {
    // On the page, the refusal leads to ending the assignment, with the move as the reason.
    WebClient page(t->app());
    ASSERT_EQ(page.login("ada", TestServices::kPassword).status, 303);
    page.get("/clients/" + id + "/details");
    Response out = page.post_form("/clients/" + id + "/details", {{"csrf", page.csrf_from_last_page()},
                                                                  {"version", std::to_string(int(c["version"]))},
                                                                  {"municipality", "0000"},
                                                                  {"birth_year", "1992"},
                                                                  {"gender", "kvinna"}});
    EXPECT_EQ(out.status, 400);
    std::string end = "/clients/" + id + "/status?action=avstar&amp;reason=flyttat";
    EXPECT_NE(out.body.find("href=\"" + end + "\">Avsluta uppdraget</a>"), std::string::npos);
    Response form = page.get("/clients/" + id + "/status?action=avstar&reason=flyttat");
    EXPECT_NE(form.body.find("value=\"flyttat\" checked"), std::string::npos);
  }
  details["municipality"] = "0861";
  details["version"] = 1;
  EXPECT_EQ(ombud->api("POST", "/api/v1/clients/" + id + "/details", details).status, 409);
  // A colleague who is not the client's ombud cannot change anything.
  EXPECT_EQ(login("bo")->api("POST", "/api/v1/clients/" + id + "/details", details).status, 404);
}

TEST_F(Cases, ChangingThePriorityWeightsReordersTheQueueAndIsLogged) {
  json a = queued("Elsa", 34);
  json b = queued("Frans", 14, {"ensamstaende_foralder"});
  json q = body(sam->api("GET", "/api/v1/queue"));
  ASSERT_EQ(q["queue"].size(), 2U);
  EXPECT_EQ(q["queue"][0]["client_id"], b["id"]);
  EXPECT_EQ(q["queue"][0]["explanation"], "väntat 14 dagar + prioritet: Ensamstående förälder (+30 dagar)");
  EXPECT_EQ(q["queue"][1]["explanation"], "väntat 34 dagar");
  json c = queued("Gun", 1);
  q = body(sam->api("GET", "/api/v1/queue"));
  EXPECT_EQ(q["queue"][2]["explanation"], "väntat 1 dag") << "one day, not \"1 dagar\"";
  ASSERT_EQ(q["queue"][2]["client_id"], c["id"]);

  // The ledningsgrupp sets the weights; it may not change the other rules.
  auto ledning = login("david");
  json cfg = body(ledning->api("GET", "/api/v1/config"));
  json changed = cfg["config"];
  changed["min_age"] = 20;
  Response refused = ledning->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", changed}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json::parse(refused.body)["error"]["key"], "config.priorities_only");
  changed = cfg["config"];
  changed["priority_groups"][0]["weight_days"] = 5;
  EXPECT_EQ(body(ledning->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", changed}}))["version"],
            2);
  // A stale version is refused.
  EXPECT_EQ(ledning->api("PUT", "/api/v1/config", {{"version", cfg["version"]}, {"config", changed}}).status, 409);

  q = body(sam->api("GET", "/api/v1/queue"));
  EXPECT_EQ(q["queue"][0]["client_id"], a["id"]);
  EXPECT_EQ(q["queue"][1]["explanation"], "väntat 14 dagar + prioritet: Ensamstående förälder (+5 dagar)");
  EXPECT_EQ(q["config_version"], 2);
  bool logged = false;
  bool refusal_logged = false;
  for (const auto& e : audit()) {
    logged |= e.action == "update" && e.record_kind == "operation_config" && e.username == "david";
    refusal_logged |= e.action == "denied" && e.record_kind == "operation_config" && e.username == "david";
  }
  EXPECT_TRUE(logged);
  EXPECT_TRUE(refusal_logged) << "the refused change of the other rules is in the audit log";
  auto history = services::config_history(t->services(), services::Actor{0, t->env().operation_id()});
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 2U);
}

TEST_F(Cases, TheDeadlineOverviewWarnsBeforeTheVisitIsLate) {
  // Contact 15 days ago with nothing booked: six days remain of 21 — a warning.
  json soon = body(sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-15)}})), 201);
  json late =
      body(sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-30)}, {"contact_by", "van"}})), 201);
  // The friend's contact: the person's own wish was given the same day, so the clock ran from then.
  late = body(sam->api("POST", "/api/v1/clients/" + std::string(late["id"]) + "/own-wish",
                       {{"version", late["version"]}, {"date", date(-30)}, {"how", "telefon"}}));
  json fresh = body(sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-1)}})), 201);
  // A relative called 40 days ago and the person has not asked yet: no deadline runs.
  json waiting = body(
      sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-40)}, {"contact_by", "anhorig"}})), 201);
  // A relative called 30 days ago; the person asked 5 days ago: 21 days from then, 16 left.
  json relative = body(
      sam->api("POST", "/api/v1/contacts", contact({{"contact_date", date(-30)}, {"contact_by", "anhorig"}})), 201);
  relative = body(sam->api("POST", "/api/v1/clients/" + std::string(relative["id"]) + "/own-wish",
                           {{"version", relative["version"]}, {"date", date(-5)}, {"how", "skriftligen"}}));
  EXPECT_EQ(relative["orientation"]["deadline"], date(16));
  json d = body(sam->api("GET", "/api/v1/deadlines"));
  ASSERT_EQ(d["deadlines"].size(), 4U);
  EXPECT_EQ(d["deadlines"][0]["client_id"], late["id"]);
  EXPECT_EQ(d["deadlines"][0]["status"], "overdue");
  EXPECT_EQ(d["deadlines"][1]["status"], "due_soon");
  EXPECT_EQ(d["deadlines"][1]["days_left"], 6);
  EXPECT_EQ(d["deadlines"][2]["client_id"], relative["id"]);
  EXPECT_EQ(d["deadlines"][2]["status"], "not_booked");
  EXPECT_EQ(d["deadlines"][2]["days_left"], 16);
  EXPECT_EQ(d["deadlines"][3]["status"], "not_booked");
  for (const auto& line : d["deadlines"])
    EXPECT_NE(line["client_id"], waiting["id"]) << "no deadline before the person's own wish";
  // Booked in time, it leaves the overview.
  std::string id = soon["id"];
  soon = body(sam->api("POST", "/api/v1/clients/" + id + "/assessment",
                       {{"version", soon["version"]},
                        {"outcome", "malgrupp"},
                        {"significant_disability", true},
                        {"complex_needs", true}}));
  body(sam->api("POST", "/api/v1/clients/" + id + "/orientation",
                {{"version", soon["version"]}, {"date", date(4)}, {"place", "kontoret"}, {"ombud", {ada, bo}}}));
  d = body(sam->api("GET", "/api/v1/deadlines"));
  EXPECT_EQ(d["deadlines"].size(), 3U);
  (void)fresh;
}

TEST_F(Cases, CaseloadCountsAssignmentsAndBookings) {
  json a = queued("Greta", 50);
  body(sam->api("POST", "/api/v1/clients/" + std::string(a["id"]) + "/assignment",
                {{"version", a["version"]}, {"ombud", ada}}));
  json load = body(sam->api("GET", "/api/v1/caseload"));
  ASSERT_EQ(load["caseload"].size(), 2U);
  for (const auto& l : load["caseload"]) {
    if (l["user_id"] == ada) {
      EXPECT_EQ(l["active"], 1);
    } else {
      EXPECT_EQ(l["active"], 0);
    }
  }
}

TEST_F(Cases, ReadsListsAndChangesOfClientDataAreAuditedWithoutContent) {
  json c =
      body(sam->api("POST", "/api/v1/contacts", contact({{"alias", "Hemlig Markörsson"}, {"reach", "markör 070-999"}})),
           201);
  std::string id = c["id"];
  body(sam->api("GET", "/api/v1/clients/" + id));
  body(sam->api("GET", "/api/v1/clients"));
  auto entries = audit();
  auto has = [&](const char* action, const char* kind) {
    for (const auto& e : entries) {
      if (e.action == action && e.record_kind == kind && e.username == "cecilia") return true;
    }
    return false;
  };
  EXPECT_TRUE(has("create", "client"));
  EXPECT_TRUE(has("read", "client"));
  EXPECT_TRUE(has("list", "client_list"));
  for (const auto& e : entries) {
    if (e.action == "read") {
      EXPECT_EQ(e.client_id, id);
    }
    if (e.action == "list") {
      EXPECT_EQ(e.subject_ids, id);
    }
    for (const std::string* f : {&e.username, &e.action, &e.record_kind, &e.subject_ids, &e.outcome}) {
      EXPECT_EQ(f->find("Markörsson"), std::string::npos);
      EXPECT_EQ(f->find("markör"), std::string::npos);
    }
  }
}

TEST_F(Cases, AFailingDatabaseReadIsAnErrorNotAPageUnderDefaultRules) {
  json c = body(sam->api("POST", "/api/v1/contacts", contact()), 201);
  std::string id = c["id"];
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  const std::vector<std::string> forms = {"/assessment", "/orientation", "/priorities", "/details"};
  for (const auto& f : forms)
    EXPECT_EQ(page.get("/clients/" + id + f).status, 200) << f;
  // The operation's rules can no longer be read: every page that depends on them says so instead
  // of deciding under the built-in defaults.
  {
    auto conn = t->env().db().acquire();
    conn.sql() << "UPDATE operation_configs SET config = 'not json'";
  }
  for (const auto& f : {"/assessment", "/orientation", "/priorities"}) {
    Response r = page.get("/clients/" + id + f);
    EXPECT_EQ(r.status, 500) << f;
    EXPECT_EQ(r.body.find("<form method=\"post\" action=\"/clients/" + id + f), std::string::npos) << f;
  }
  EXPECT_EQ(page.get("/clients/" + id).status, 500);
  EXPECT_EQ(page.get("/settings").status, 500);
}

TEST_F(Cases, TheWindowTitleAndTheLogNeverCarryAName) {
  json c = body(sam->api("POST", "/api/v1/contacts", contact({{"alias", "Titel Tystnadsson"}})), 201);
  std::string id = c["id"];
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  Response r = page.get("/clients/" + id);
  ASSERT_EQ(r.status, 200);
  // The heading names the person; the title, which stays in the browser's history, does not.
  auto open = r.body.find("<title>");
  auto close = r.body.find("</title>");
  ASSERT_NE(open, std::string::npos);
  std::string title = r.body.substr(open, close - open);
  EXPECT_NE(title.find(c["code"].get<std::string>()), std::string::npos) << title;
  EXPECT_EQ(title.find("Tystnadsson"), std::string::npos) << title;
  EXPECT_NE(r.body.find("Titel Tystnadsson"), std::string::npos);
  // An address with something else than a client id in it (a name typed by mistake) is refused
  // and logged without what was typed.
  EXPECT_EQ(page.get("/clients/Titel%20Tystnadsson").status, 404);
  bool logged = false;
  for (const auto& e : audit()) {
    if (e.action != "denied") continue;
    logged = true;
    EXPECT_FALSE(e.client_id.has_value() && e.client_id->find("Tystnadsson") != std::string::npos);
    EXPECT_EQ(e.subject_ids.find("Tystnadsson"), std::string::npos);
  }
  EXPECT_TRUE(logged) << "the refusal is in the audit log";
}

TEST_F(Cases, NoPlaintextReachesTheDatabaseFileOrTheWal) {
  const std::string name = "Zebulon Klartextsson 7731";
  const std::string reach = "Ring 070-731 77 31 efter lunch";
  json c = body(
      sam->api("POST", "/api/v1/contacts", contact({{"alias", name}, {"reach", reach}, {"birth_year", 1961}})), 201);
  EXPECT_EQ(body(sam->api("GET", "/api/v1/clients/" + std::string(c["id"])))["alias"], name) << "it opens again";
  auto read_all = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(t->env().test_db().dir())) {
    std::string bytes = read_all(entry.path());
    ++files;
    for (const std::string& marker : {std::string("Klartextsson"), std::string("070-731"), std::string("Zebulon")}) {
      EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " found in " << entry.path();
    }
  }
  EXPECT_GE(files, 3) << "the database, its WAL and the key file were all searched";
  EXPECT_TRUE(std::filesystem::exists(t->env().test_db().dir() / "test.db-wal"));
}

TEST_F(Cases, FormsKeepTheirValuesAndTieErrorsToFields) {
  WebClient page(t->app());
  ASSERT_EQ(page.login("cecilia", TestServices::kPassword).status, 303);
  page.get("/contacts/new");
  Response r = page.post_form("/contacts", {{"csrf", page.csrf_from_last_page()},
                                            {"alias", "Hugo <b>"},
                                            {"channel", "sms"},
                                            {"birth_year", "19x0"},
                                            {"contact_date", date(3)}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("value=\"Hugo &lt;b&gt;\""), std::string::npos) << "values are kept, escaped";
  EXPECT_NE(r.body.find("value=\"sms\" checked"), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"#birth_year\">Födelseår: Skriv födelseåret med fyra siffror"), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"#contact_date\">Datum för kontakten: Datumet kan inte ligga i framtiden.</a>"),
            std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"#gender\">Kön: Fältet måste fyllas i.</a>"), std::string::npos);
  EXPECT_NE(r.body.find("aria-describedby=\"birth_year-hint birth_year-error\""), std::string::npos);
  EXPECT_EQ(client_rows(), 0);
  // A valid form creates the case and leads to its page.
  Response ok = page.post_form("/contacts", {{"csrf", page.csrf_from_last_page()},
                                             {"alias", "Hugo"},
                                             {"channel", "sms"},
                                             {"contact_by", "sjalv"},
                                             {"municipality", "0821"},
                                             {"birth_year", "1980"},
                                             {"gender", "man"}});
  ASSERT_EQ(ok.status, 303);
  std::string location(ok.header("location"));
  EXPECT_EQ(location.rfind("/clients/", 0), 0U);
  Response client = page.get(location);
  EXPECT_NE(client.body.find("<h1>Hugo</h1>"), std::string::npos);
  EXPECT_NE(client.body.find("Kontakten är registrerad."), std::string::npos);
  EXPECT_NE(client.body.find("Högsby"), std::string::npos);
  EXPECT_NE(client.body.find("Gör bedömningen"), std::string::npos);
}

}  // namespace
}  // namespace ombud::http
