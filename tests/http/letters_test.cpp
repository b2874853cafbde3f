// tests/http/letters_test.cpp
//
// Letters and applications written together with the client, through the pages and the API: the
// form filled in on screen with its limits and Swedish messages, the letter read back from its
// PDF (pdftotext), nothing of it stored, and the contact log recording which kind was written.
// Today is 2026-11-23 on the test clock.

#include "support/pdf_text.hpp"
#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Letters : public ombud::testing::WorkFixture {
 protected:
  std::string letters() { return "/clients/" + client + "/letters"; }
  std::string api_letter(const std::string& kind) { return "/api/v1/clients/" + client + "/letters/" + kind; }
};

TEST_P(Letters, AnApplicationIsWrittenTogetherPrintedAndOnlyItsKindIsLogged) {
  const std::string marker = "MARKER-Lt9Letter";
  Response client_page = page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + letters() + "\""), std::string::npos) << "one tap from the client";
  Response list = page->get(letters());
  ASSERT_EQ(list.status, 200);
  for (const char* kind : {"god_man", "boendestod", "kontaktperson", "sip"}) {
    EXPECT_NE(list.body.find("href=\"" + letters() + "/" + kind + "\""), std::string::npos) << kind;
  }
  EXPECT_NE(list.body.find("Ansökan om god man"), std::string::npos);

  const std::string form = letters() + "/god_man";
  Response shown = page->get(form);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("value=\"Överförmyndaren"), std::string::npos) << "whom it goes to, filled in";
  EXPECT_NE(shown.body.find("Högst 2000 tecken."), std::string::npos) << "the limit is stated on the form";

  // Nothing filled in: every missing part is named, and nothing is printed or kept.
  Response empty = post(form, form, {{"to", "Överförmyndaren"}, {"name", ""}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Fältet måste fyllas i."), std::string::npos);
  EXPECT_NE(empty.body.find("Kryssa i minst ett alternativ."), std::string::npos);
  Response bad = post(form, form,
                      {{"to", "Överförmyndaren i Oskarshamn"},
                       {"name", "Vera Arbetsdag"},
                       {"personnummer", "811218-9875"},
                       {"help", "bevaka_ratt"},
                       {"why", "Breven växer"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Skriv personnumret som ÅÅMMDD-NNNN"), std::string::npos);
  EXPECT_NE(bad.body.find("Breven växer"), std::string::npos) << "what was typed is kept";
  Response too_long = post(
      form, form,
      {{"to", "Överförmyndaren"}, {"name", std::string(121, 'a')}, {"help", "bevaka_ratt"}, {"why", "Breven växer"}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.body.find("Texten får ha högst 120 tecken."), std::string::npos);
  EXPECT_EQ(audited("print", "letter"), 0);

  Response pdf = post(form, form,
                      {{"to", "Överförmyndaren i Oskarshamn"},
                       {"name", "Vera Arbetsdag"},
                       {"personnummer", "8112189876"},
                       {"address", "Storgatan 1, 572 30 Oskarshamn"},
                       {"help", "bevaka_ratt"},
                       {"help", "forvalta_egendom"},
                       {"why", "Jag öppnar inte breven <script>alert(1)</script> " + marker},
                       {"attachments", "lakarintyg"}});
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.header("content-disposition"), "attachment; filename=\"god_man-2026-11-23.pdf\"");
  EXPECT_EQ(pdf.header("cache-control"), "no-store");
  const auto read = ombud::test::read_pdf(pdf.body);
  EXPECT_NE(read.flat.find("Ansökan om god man"), std::string::npos) << read.flat;
  EXPECT_NE(read.flat.find("Till Överförmyndaren i Oskarshamn"), std::string::npos);
  EXPECT_NE(read.flat.find("Från Vera Arbetsdag 811218-9876 Storgatan 1, 572 30 Oskarshamn"), std::string::npos);
  EXPECT_NE(read.flat.find("Jag ansöker om att få en god man."), std::string::npos);
  EXPECT_NE(read.flat.find("– Bevaka min rätt"), std::string::npos);
  EXPECT_NE(read.flat.find("– Förvalta mina pengar och betala mina räkningar"), std::string::npos);
  EXPECT_EQ(read.flat.find("Sörja för min person"), std::string::npos) << "not ticked";
  EXPECT_NE(read.flat.find("Jag öppnar inte breven <script>alert(1)</script>"), std::string::npos)
      << "typed markup is printed as text";
  EXPECT_NE(read.flat.find("– Läkarintyg"), std::string::npos);
  EXPECT_NE(read.flat.find("Namnteckning"), std::string::npos);
  EXPECT_EQ(read.flat.find("Personnummer"), std::string::npos) << "given, so no blank line for it";
  EXPECT_EQ(audited("print", "letter"), 1);
  EXPECT_EQ(count("contact_log"), 0) << "printing logs no contact by itself";

  // One tap to the log, with the entry filled in: a letter written, to the överförmyndare.
  Response log_form = page->get(log() + "?letter=god_man");
  ASSERT_EQ(log_form.status, 200);
  EXPECT_NE(log_form.body.find("value=\"skrivelse\" checked"), std::string::npos) << log_form.body.substr(0, 200);
  EXPECT_NE(log_form.body.find("value=\"god_man\" selected"), std::string::npos);
  EXPECT_NE(log_form.body.find("value=\"overformyndaren\" selected"), std::string::npos);
  Response logged = post(log() + "?letter=god_man", log(),
                         {{"date", "2026-11-23"},
                          {"kind", "skrivelse"},
                          {"letter", "god_man"},
                          {"counterpart", "overformyndaren"},
                          {"minutes", "45"}});
  ASSERT_EQ(logged.status, 303) << logged.body.substr(0, 400);
  EXPECT_NE(page->get(log()).body.find("Skrev brev eller ansökan tillsammans: Ansökan om god man"), std::string::npos);
  json entry = json::parse(api->api("GET", api_log()).body)["contacts"][0];
  EXPECT_EQ(entry["letter"], "god_man");
  EXPECT_EQ(entry["counterpart"], "overformyndaren");

  // The letter's text reached neither the database nor its WAL.
  if (GetParam() == store::Engine::kSqlite) {
    const std::string bytes = database_bytes();
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(marker), std::string::npos);
    EXPECT_EQ(bytes.find("Storgatan 1"), std::string::npos);
  }
}

TEST_P(Letters, TheLogTakesALetterKindOnlyForALetterWritten) {
  Response wrong = api->api("POST", api_log(),
                            {{"kind", "telefon"}, {"counterpart", "klienten"}, {"minutes", 10}, {"letter", "sip"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(json::parse(wrong.body)["error"]["fields"][0]["code"], "log.letter_only_for_letters");
  Response unknown = api->api(
      "POST", api_log(), {{"kind", "skrivelse"}, {"counterpart", "klienten"}, {"minutes", 10}, {"letter", "dikt"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(json::parse(unknown.body)["error"]["fields"][0]["field"], "letter");
  Response page_wrong = post(
      log(), log(),
      {{"date", "2026-11-23"}, {"kind", "mote"}, {"letter", "sip"}, {"counterpart", "klienten"}, {"minutes", "30"}});
  EXPECT_EQ(page_wrong.status, 400);
  EXPECT_NE(page_wrong.body.find("Ett brev kan bara anges när kontakten är"), std::string::npos);
  EXPECT_EQ(count("contact_log"), 0);
  Response right =
      api->api("POST", api_log(),
               {{"kind", "skrivelse"}, {"counterpart", "socialtjansten"}, {"minutes", 30}, {"letter", "sip"}});
  ASSERT_EQ(right.status, 201) << right.body;
  EXPECT_EQ(json::parse(right.body)["letter"], "sip");
}

TEST_P(Letters, TheApiPrintsALetterFromItsFieldsAndRefusesWhatIsWrong) {
  Response made = api->api("POST", api_letter("sip"),
                           {{"to", "Socialtjänsten i Oskarshamn"},
                            {"name", "Vera Arbetsdag"},
                            {"why", "Hemtjänsten och psykiatrin vet inte om varandra"},
                            {"who", "Socialtjänsten, psykiatrin och min god man"}});
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.header("content-disposition"), "attachment; filename=\"sip-2026-11-23.pdf\"");
  const auto read = ombud::test::read_pdf(made.body);
  EXPECT_NE(read.flat.find("Begäran om SIP"), std::string::npos);
  EXPECT_NE(read.flat.find("De här ska vara med Socialtjänsten, psykiatrin och min god man"), std::string::npos);
  EXPECT_NE(read.flat.find("Personnummer"), std::string::npos) << "a line to write it by hand";

  Response missing = api->api("POST", api_letter("sip"), {{"to", "Socialtjänsten"}, {"name", "Vera"}});
  EXPECT_EQ(missing.status, 400);
  std::set<std::string> fields;
  const json refused = json::parse(missing.body);
  for (const auto& f : refused["error"]["fields"])
    fields.insert(f["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"why", "who"})) << missing.body;
  Response stray = api->api("POST", api_letter("sip"),
                            {{"to", "Socialtjänsten"}, {"name", "Vera"}, {"why", "x"}, {"who", "y"}, {"help", {"x"}}});
  EXPECT_EQ(stray.status, 400);
  EXPECT_EQ(json::parse(stray.body)["error"]["fields"][0]["code"], "field.unknown");
  Response no_kind = api->api("POST", api_letter("dikt"), {{"to", "x"}});
  EXPECT_EQ(no_kind.status, 404);
  EXPECT_EQ(json::parse(no_kind.body)["error"]["key"], "letter.not_found");
  EXPECT_EQ(page->get(letters() + "/dikt").status, 404);
  EXPECT_EQ(audited("print", "letter"), 1);

  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  EXPECT_EQ(sam.api("POST", api_letter("sip"), {{"to", "x"}}).status, 403);
  EXPECT_EQ(sam.get(letters()).status, 403);
  WebClient other(t->app());
  ASSERT_EQ(other.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(other.api("POST", api_letter("sip"), {{"to", "x"}}).status, 404);
  EXPECT_EQ(other.get(letters() + "/sip").status, 404);
  EXPECT_EQ(audited("print", "letter"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, Letters, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
