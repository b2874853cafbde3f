// tests/http/documents_test.cpp
//
// The documents printed for the client, read back as a reader gets them (pdftotext): the client's
// own copy with the parts the client chose, in plain Swedish with å, ä and ö, typed markup
// printed as text, the notes only when chosen, and the fullmakt to sign, filled in from the
// consent. Neither is ever stored; making one is audit-logged; only the client's ombud makes them.
// Today is 2026-11-23 on the test clock.
#include "support/pdf_text.hpp"
#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Documents : public ombud::testing::WorkFixture {
 protected:
  std::string copy() { return "/clients/" + client + "/copy"; }
  std::string api_copy() { return "/api/v1/clients/" + client + "/copy.pdf"; }

  // A client's work as it stands after a few weeks: words in the mapping, a goal with a step,
  // a boendestödjare and Försäkringskassan in the network, a consent, and two contacts.
  void record_work() {
    ASSERT_EQ(api->api("PUT", "/api/v1/clients/" + client + "/mapping",
                       {{"areas",
                         {{{"area", "ekonomi"},
                           {"version", 0},
                           {"words", "Räkningarna växer och jag öppnar inte breven"},
                           {"wants_help", true}}}}})
                  .status,
              200);
    Response goal = api->api("POST", "/api/v1/clients/" + client + "/goals", {{"text", "Få ordning på ekonomin"}});
    ASSERT_EQ(goal.status, 201) << goal.body;
    ASSERT_EQ(
        api->api("POST",
                 "/api/v1/clients/" + client + "/goals/" + json::parse(goal.body)["id"].get<std::string>() + "/steps",
                 {{"text", "Öppna breven tillsammans på måndag"}, {"actor", "klienten"}})
            .status,
        201);
    Response kim = api->api("POST", "/api/v1/clients/" + client + "/network",
                            {{"kind", "boendestodjare"},
                             {"name", "Kim Åström"},
                             {"does", "Handlar och städar varje tisdag"},
                             {"contact_agreed", true},
                             {"contact", "070-123 45 67"}});
    ASSERT_EQ(kim.status, 201) << kim.body;
    Response fk = api->api("POST", "/api/v1/clients/" + client + "/network",
                           {{"kind", "forsakringskassan"}, {"name", "Försäkringskassan"}});
    ASSERT_EQ(fk.status, 201) << fk.body;
    fk_id = json::parse(fk.body)["id"];
    Response c = api->api("POST", "/api/v1/clients/" + client + "/consents",
                          {{"network_id", fk_id},
                           {"scopes", {"kontakta", "fora_talan"}},
                           {"form", "fullmakt"},
                           {"matter", "Ansökan om sjukersättning"},
                           {"until", "2027-06-30"}});
    ASSERT_EQ(c.status, 201) << c.body;
    consent_id = json::parse(c.body)["id"];
    ASSERT_EQ(api->api("POST", api_log(),
                       {{"kind", "telefon"},
                        {"network_id", fk_id},
                        {"minutes", 20},
                        {"note", "Handläggaren <script>alert(1)</script> ringer tillbaka"}})
                  .status,
              201);
    // Two days on, a home visit.
    t->env().clock().advance(2 * 86400);
    relogin();
    ASSERT_EQ(
        api->api("POST", api_log(),
                 {{"kind", "mote"}, {"counterpart", "klienten"}, {"minutes", 60}, {"note", "Vi gick igenom posten"}})
            .status,
        201);
  }

  // Every row of the client's records and their statistics.
  long long work_rows() {
    auto conn = t->env().db().acquire();
    long long all = 0;
    for (const char* table : {"clients", "contact_log", "contact_log_totals", "needs", "goals", "goal_steps",
                              "network_entries", "consents", "stat_events"}) {
      long long n = 0;
      conn.sql() << "SELECT COUNT(*) FROM " + std::string(table), soci::into(n);
      all += n;
    }
    return all;
  }

  long long denials() {
    auto conn = t->env().db().acquire();
    long long n = 0;
    conn.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'denied'", soci::into(n);
    return n;
  }

  static void expect_pdf(const Response& r, const std::string& filename) {
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"" + filename + "\"");
    EXPECT_EQ(r.header("cache-control"), "no-store");
    EXPECT_EQ(r.body.rfind("%PDF-", 0), 0U);
  }

  std::string fk_id;
  std::string consent_id;
};

TEST_P(Documents, TheClientTakesHomeWhatTheyChoseInPlainSwedishAndNothingIsStored) {
  record_work();
  Response client_page = page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + copy() + "\""), std::string::npos) << "one tap from the client";
  Response form = page->get(copy());
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Kopian skapas när du laddar ner den och sparas inte i systemet."), std::string::npos);
  EXPECT_NE(form.body.find("value=\"2026-11-23\""), std::string::npos) << "the log from the day of assignment";
  const long long rows_before = work_rows();

  // Everything, with the notes.
  Response all = post(copy(), copy(),
                      {{"parts", "kartlaggning"},
                       {"parts", "plan"},
                       {"parts", "natverk"},
                       {"parts", "samtycken"},
                       {"parts", "kontaktlogg"},
                       {"log_from", "2026-11-23"},
                       {"notes", "1"}});
  ASSERT_EQ(all.status, 200) << all.body.substr(0, 300);
  expect_pdf(all, "min-kopia-2026-11-25.pdf");
  const auto full = ombud::test::read_pdf(all.body);
  EXPECT_NE(full.flat.find("Din kopia – Vera Arbetsdag"), std::string::npos) << full.text;
  EXPECT_NE(full.info.find("Din kopia – Vera Arbetsdag"), std::string::npos) << "the document's title";
  EXPECT_NE(full.flat.find("Räkningarna växer och jag öppnar inte breven"), std::string::npos);
  EXPECT_NE(full.flat.find("Du vill ha hjälp med det här."), std::string::npos);
  EXPECT_NE(full.flat.find("Få ordning på ekonomin"), std::string::npos);
  EXPECT_NE(full.flat.find("Öppna breven tillsammans på måndag Du gör det"), std::string::npos);
  EXPECT_NE(full.flat.find("Kim Åström"), std::string::npos);
  EXPECT_NE(full.flat.find("Gör: Handlar och städar varje tisdag"), std::string::npos);
  EXPECT_NE(full.flat.find("070-123 45 67"), std::string::npos) << "the client agreed to the details";
  EXPECT_NE(full.flat.find("Ombudet får föra min talan"), std::string::npos) << full.flat;
  EXPECT_NE(full.flat.find("Gäller: Ansökan om sjukersättning"), std::string::npos);
  EXPECT_NE(full.flat.find("från 2026-11-23 till och med 2027-06-30"), std::string::npos);
  EXPECT_NE(full.flat.find("2026-11-23 · Telefonsamtal · Försäkringskassan"), std::string::npos) << full.flat;
  EXPECT_NE(full.flat.find("Handläggaren <script>alert(1)</script> ringer tillbaka"), std::string::npos)
      << "typed markup is printed as text";
  EXPECT_LT(full.flat.find("Telefonsamtal"), full.flat.find("Vi gick igenom posten")) << "oldest first";
  EXPECT_NE(full.flat.find("Den här kopian sparas inte"), std::string::npos);

  // Only the plan and the log, without the notes, from the home visit on.
  Response some = post(copy(), copy(), {{"parts", "plan"}, {"parts", "kontaktlogg"}, {"log_from", "2026-11-25"}});
  ASSERT_EQ(some.status, 200);
  const auto part = ombud::test::read_pdf(some.body);
  EXPECT_NE(part.flat.find("Få ordning på ekonomin"), std::string::npos);
  EXPECT_NE(part.flat.find("Från och med 2026-11-25."), std::string::npos);
  EXPECT_NE(part.flat.find("2026-11-25 · "), std::string::npos) << part.flat;
  for (const char* absent : {"Kim Åström", "Räkningarna", "Ansökan om sjukersättning", "Telefonsamtal",
                             "Vi gick igenom posten", "Handläggaren"}) {
    EXPECT_EQ(part.flat.find(absent), std::string::npos) << absent << " was not chosen";
  }

  // Each copy is audit-logged, and nothing else was written: the copy is never stored.
  EXPECT_EQ(audited("copy", "client_copy"), 2);
  EXPECT_EQ(work_rows(), rows_before);
}

TEST_P(Documents, ACopyThatCannotBeMadeSaysWhyOnThePageAndInTheApi) {
  record_work();
  Response none = post(copy(), copy(), {{"log_from", "2026-11-23"}});
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("Välj minst en del som ska finnas med i kopian."), std::string::npos);
  Response ahead = post(copy(), copy(), {{"parts", "plan"}, {"log_from", "2027-01-01"}});
  EXPECT_EQ(ahead.status, 400);
  EXPECT_NE(ahead.body.find("Datumet får inte ligga i framtiden."), std::string::npos);
  EXPECT_NE(ahead.body.find("value=\"2027-01-01\""), std::string::npos) << "what was typed is kept";

  Response unknown = api->get(api_copy() + "?parts=plan,rymden");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(json::parse(unknown.body)["error"]["fields"][0]["field"], "parts");
  Response bad_date = api->get(api_copy() + "?log_from=igår");
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(json::parse(bad_date.body)["error"]["fields"][0]["field"], "log_from");
  Response future = api->get(api_copy() + "?log_from=2027-01-01");
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(json::parse(future.body)["error"]["fields"][0]["code"], "copy.from_ahead");
  EXPECT_EQ(audited("copy", "client_copy"), 0) << "nothing was made";

  // Through the API every part comes when none is named; the notes only when asked for.
  Response all = api->get(api_copy());
  ASSERT_EQ(all.status, 200) << all.body;
  expect_pdf(all, "min-kopia-2026-11-25.pdf");
  const auto read = ombud::test::read_pdf(all.body);
  EXPECT_NE(read.flat.find("Kim Åström"), std::string::npos);
  EXPECT_NE(read.flat.find("Räkningarna växer"), std::string::npos);
  EXPECT_EQ(read.flat.find("Vi gick igenom posten"), std::string::npos);
  const auto with_notes = ombud::test::read_pdf(api->get(api_copy() + "?parts=kontaktlogg&notes=1").body);
  EXPECT_NE(with_notes.flat.find("Vi gick igenom posten"), std::string::npos);
}

TEST_P(Documents, OnlyTheClientsOmbudMakesThemAndEveryRefusalIsLogged) {
  record_work();
  const std::string fullmakt = "/clients/" + client + "/consents/" + consent_id + "/fullmakt.pdf";
  WebClient sam(t->app());
  ASSERT_EQ(sam.login("cecilia", TestServices::kPassword).status, 303);
  WebClient sam_api(t->app());
  ASSERT_EQ(sam_api.api_login("cecilia", TestServices::kPassword).status, 201);
  WebClient bo_page(t->app());
  ASSERT_EQ(bo_page.login("bo", TestServices::kPassword).status, 303);
  WebClient bo_api(t->app());
  ASSERT_EQ(bo_api.api_login("bo", TestServices::kPassword).status, 201);

  EXPECT_EQ(sam.get(copy()).status, 403);
  EXPECT_EQ(sam_api.get(api_copy()).status, 403);
  EXPECT_EQ(sam_api.get("/api/v1" + fullmakt).status, 403);
  EXPECT_EQ(bo_page.get(copy()).status, 404);
  Response bo_pdf = bo_api.get(api_copy());
  EXPECT_EQ(bo_pdf.status, 404);
  EXPECT_EQ(bo_pdf.body.find("Vera"), std::string::npos);
  EXPECT_EQ(bo_page.get(fullmakt).status, 404);
  // Bad input from someone refused is answered with the refusal.
  EXPECT_EQ(sam_api.get(api_copy() + "?parts=rymden").status, 403);
  EXPECT_EQ(audited("copy", "client_copy"), 0);
  EXPECT_EQ(audited("print", "fullmakt"), 0);
  EXPECT_EQ(denials(), 7);
}

TEST_P(Documents, TheFullmaktIsFilledInFromTheConsentForTheClientToSign) {
  record_work();
  const std::string one = "/clients/" + client + "/consents/" + consent_id;
  Response shown = page->get(one);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("href=\"" + one + "/fullmakt.pdf\""), std::string::npos);

  Response pdf = page->get(one + "/fullmakt.pdf");
  ASSERT_EQ(pdf.status, 200);
  expect_pdf(pdf, "fullmakt-2026-11-25.pdf");
  const auto read = ombud::test::read_pdf(pdf.body);
  EXPECT_EQ(read.pages, 1);
  EXPECT_NE(read.flat.find("Fullmakt"), std::string::npos);
  EXPECT_NE(read.flat.find("rätt att företräda mig i kontakter med Försäkringskassan"), std::string::npos) << read.flat;
  EXPECT_NE(read.flat.find("Ombudet får kontakta dem och tala om mitt ärende"), std::string::npos);
  EXPECT_NE(read.flat.find("Ombudet får föra min talan"), std::string::npos);
  EXPECT_EQ(read.flat.find("Ombudet får ta del av uppgifter"), std::string::npos) << "not agreed to";
  EXPECT_NE(read.flat.find("Ansökan om sjukersättning"), std::string::npos);
  EXPECT_NE(read.flat.find("från 2026-11-23 till och med 2027-06-30"), std::string::npos);
  for (const char* line : {"Ort och datum", "Namnteckning", "Namnförtydligande", "Personnummer"}) {
    EXPECT_NE(read.flat.find(line), std::string::npos) << line;
  }
  EXPECT_EQ(audited("print", "fullmakt"), 1);
  EXPECT_EQ(api->get("/api/v1" + one + "/fullmakt.pdf").status, 200);

  // Once revoked, there is no fullmakt to print for it.
  json c = json::parse(api->api("GET", "/api/v1" + one).body);
  ASSERT_EQ(api->api("POST", "/api/v1" + one + "/revoke", {{"version", c["version"]}}).status, 200);
  EXPECT_EQ(page->get(one).body.find("fullmakt.pdf"), std::string::npos);
  Response refused = api->get("/api/v1" + one + "/fullmakt.pdf");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(json::parse(refused.body)["error"]["key"], "consent.not_in_force");
  Response refused_page = page->get(one + "/fullmakt.pdf");
  EXPECT_EQ(refused_page.status, 409);
  EXPECT_NE(refused_page.body.find("Samtycket gäller inte längre."), std::string::npos);
  EXPECT_EQ(api->get("/api/v1/clients/" + client + "/consents/nej/fullmakt.pdf").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, Documents, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
