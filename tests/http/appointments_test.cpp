// tests/http/appointments_test.cpp
//
// Appointments through the pages and the API: booking with its Swedish messages, a stale edit
// refused, the reminder card read back from its PDF, the ombud's own calendar across clients,
// and the calendar feed: neutral events only, a token kept only as its hash, revocable, dead with
// the account. Today is 2026-11-23, 10:20 in Stockholm, on the test clock.

#include "store/users.hpp"
#include "support/pdf_text.hpp"
#include "work_fixture.hpp"

namespace ombud::http {
namespace {

using nlohmann::json;
using ombud::testing::engine_name;
using ombud::testing::TestServices;
using ombud::testing::WebClient;

class Appointments : public ombud::testing::WorkFixture {
 protected:
  // Set before the fixture's server starts, given back after the test.
  ombud::testing::ScopedTimeZone stockholm_{"Europe/Stockholm"};

  std::string bookings() { return "/clients/" + client + "/appointments"; }
  std::string api_bookings() { return "/api/v1/clients/" + client + "/appointments"; }

  json book(const json& body) {
    Response r = api->api("POST", api_bookings(), body);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body);
  }
};

TEST_P(Appointments, AnOmbudBooksAMeetingAndTheClientGetsAReminderCard) {
  Response client_page = page->get("/clients/" + client);
  EXPECT_NE(client_page.body.find("href=\"" + bookings() + "\""), std::string::npos) << "one tap from the client";
  Response form = page->get(bookings());
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Inga möten är bokade."), std::string::npos);

  Response past =
      post(bookings(), bookings(),
           {{"date", "2026-11-23"}, {"time", "9.00"}, {"minutes", "60"}, {"kind", "mote"}, {"place", "hemma"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("Tiden har redan varit."), std::string::npos);
  Response bad_time = post(bookings(), bookings(),
                           {{"date", "2026-12-10"},
                            {"time", "25.00"},
                            {"minutes", "60"},
                            {"kind", "mote"},
                            {"place", "hemma"},
                            {"where", "Storgatan 1"}});
  EXPECT_EQ(bad_time.status, 400);
  EXPECT_NE(bad_time.body.find("Skriv klockslaget som timmar och minuter"), std::string::npos);
  EXPECT_NE(bad_time.body.find("value=\"Storgatan 1\""), std::string::npos) << "what was typed is kept";
  Response long_where = post(bookings(), bookings(),
                             {{"date", "2026-12-10"},
                              {"time", "14.00"},
                              {"minutes", "60"},
                              {"kind", "mote"},
                              {"place", "hemma"},
                              {"where", std::string(201, 'a')}});
  EXPECT_EQ(long_where.status, 400);
  EXPECT_NE(long_where.body.find("Adressen får ha högst 200 tecken."), std::string::npos);

  Response booked = post(bookings(), bookings(),
                         {{"date", "2026-12-10"},
                          {"time", "14.00"},
                          {"minutes", "60"},
                          {"kind", "medfoljning"},
                          {"place", "annat"},
                          {"where", "Försäkringskassan, Storgatan 3"},
                          {"who", "Handläggaren <Maria>"}});
  ASSERT_EQ(booked.status, 303) << booked.body.substr(0, 400);
  Response list = page->get(bookings());
  EXPECT_NE(list.body.find("torsdag 10 december 2026, 14:00–15:00"), std::string::npos) << list.body.substr(0, 300);
  EXPECT_NE(list.body.find("Någon annanstans: Försäkringskassan, Storgatan 3"), std::string::npos);
  EXPECT_NE(list.body.find("Handläggaren &lt;Maria&gt;"), std::string::npos) << "shown as text";

  json a = json::parse(api->api("GET", api_bookings()).body)["appointments"][0];
  EXPECT_EQ(a["starts_at"], "2026-12-10T13:00:00Z");
  EXPECT_EQ(a["time"], "14:00");
  const std::string one = bookings() + "/" + a["id"].get<std::string>();
  Response card = page->get(one + "/card.pdf");
  ASSERT_EQ(card.status, 200);
  EXPECT_EQ(card.header("content-type"), "application/pdf");
  EXPECT_EQ(card.header("cache-control"), "no-store");
  const auto read = ombud::test::read_pdf(card.body);
  EXPECT_EQ(read.pages, 1);
  EXPECT_NE(read.flat.find("Du har en tid hos ditt personliga ombud"), std::string::npos) << read.flat;
  EXPECT_NE(read.flat.find("torsdag 10 december 2026 klockan 14:00–15:00"), std::string::npos);
  EXPECT_NE(read.flat.find("Försäkringskassan, Storgatan 3"), std::string::npos);
  EXPECT_NE(read.flat.find("ditt personliga ombud Handläggaren <Maria>"), std::string::npos);
  EXPECT_NE(read.flat.find("Vi går tillsammans till ett möte."), std::string::npos);
  EXPECT_EQ(audited("print", "reminder_card"), 1);

  // A stale edit is refused and nothing is overwritten; a fresh one is kept.
  Response stale = post(one, one,
                        {{"version", "0"},
                         {"date", "2026-12-11"},
                         {"time", "10.00"},
                         {"minutes", "30"},
                         {"kind", "mote"},
                         {"place", "kontoret"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mötet har ändrats under tiden."), std::string::npos);
  Response moved = post(one, one,
                        {{"version", "1"},
                         {"date", "2026-12-11"},
                         {"time", "10.00"},
                         {"minutes", "30"},
                         {"kind", "mote"},
                         {"place", "kontoret"}});
  ASSERT_EQ(moved.status, 303) << moved.body.substr(0, 300);
  EXPECT_NE(page->get(bookings()).body.find("fredag 11 december 2026, 10:00–10:30"), std::string::npos);

  // Removing asks to be sure first.
  Response unsure = post(one, one + "/remove", {{"version", "2"}});
  EXPECT_EQ(unsure.status, 400);
  Response removed = post(one, one + "/remove", {{"version", "2"}, {"confirmed", "1"}});
  ASSERT_EQ(removed.status, 303);
  EXPECT_NE(page->get(bookings()).body.find("Inga möten är bokade."), std::string::npos);
}

TEST_P(Appointments, TheApiKeepsTheSameRulesAndOnlyTheClientsOmbudReachesThem) {
  Response past =
      api->api("POST", api_bookings(),
               {{"date", "2026-11-22"}, {"time", "14.00"}, {"minutes", 60}, {"kind", "mote"}, {"place", "hemma"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(json::parse(past.body)["error"]["fields"][0]["code"], "appointment.in_past");
  Response bad =
      api->api("POST", api_bookings(),
               {{"date", "2026-12-10"}, {"time", "14.00"}, {"minutes", 1000}, {"kind", "mote"}, {"place", "rymden"}});
  EXPECT_EQ(bad.status, 400);
  std::set<std::string> fields;
  const json refused = json::parse(bad.body);
  for (const auto& f : refused["error"]["fields"])
    fields.insert(f["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"minutes", "place"}));
  json a = book({{"date", "2026-12-10"}, {"time", "9.30"}, {"minutes", 45}, {"kind", "mote"}, {"place", "kafe"}});
  EXPECT_EQ(a["starts_at"], "2026-12-10T08:30:00Z");
  const std::string one = api_bookings() + "/" + a["id"].get<std::string>();
  Response stale = api->api("PUT", one,
                            {{"date", "2026-12-10"},
                             {"time", "10.00"},
                             {"minutes", 45},
                             {"kind", "mote"},
                             {"place", "kafe"},
                             {"version", 7}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(json::parse(stale.body)["error"]["key"], "appointment.changed");
  Response moved = api->api("PUT", one,
                            {{"date", "2026-12-10"},
                             {"time", "10.00"},
                             {"minutes", 45},
                             {"kind", "mote"},
                             {"place", "kafe"},
                             {"version", 1}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(json::parse(moved.body)["version"], 2);

  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  EXPECT_EQ(sam.api("GET", api_bookings()).status, 403);
  EXPECT_EQ(sam.api("GET", "/api/v1/calendar").status, 403);
  WebClient other(t->app());
  ASSERT_EQ(other.api_login("bo", TestServices::kPassword).status, 201);
  EXPECT_EQ(other.api("GET", api_bookings()).status, 404);
  EXPECT_EQ(other.api("GET", one).status, 404);
  EXPECT_EQ(other.get(one + "/card.pdf").status, 404);
  json theirs = json::parse(other.api("GET", "/api/v1/calendar").body);
  EXPECT_TRUE(theirs["appointments"].empty()) << "bo's calendar holds none of ada's";
  EXPECT_EQ(api->api("DELETE", one + "?version=1").status, 409);
  EXPECT_EQ(api->api("DELETE", one + "?version=2").status, 204);
  EXPECT_EQ(api->api("GET", one).status, 404);
}

TEST_P(Appointments, TheCalendarGathersTheOmbudsMeetingsDayByDay) {
  // A second client of ada's.
  WebClient sam(t->app());
  ASSERT_EQ(sam.api_login("cecilia", TestServices::kPassword).status, 201);
  const std::string second = ombud::testing::make_active_case(sam, "Olle Andra", ada, {ada, bo})["id"];
  book({{"date", "2026-12-10"}, {"time", "14.00"}, {"minutes", 60}, {"kind", "mote"}, {"place", "hemma"}});
  ASSERT_EQ(
      api->api("POST", "/api/v1/clients/" + second + "/appointments",
               {{"date", "2026-12-10"}, {"time", "9.00"}, {"minutes", 30}, {"kind", "telefon"}, {"place", "kontoret"}})
          .status,
      201);
  book({{"date", "2026-11-25"}, {"time", "13.15"}, {"minutes", 90}, {"kind", "sip"}, {"place", "annat"}});
  Response cal = page->get("/calendar");
  ASSERT_EQ(cal.status, 200);
  const auto first_day = cal.body.find("onsdag 25 november 2026");
  const auto later_day = cal.body.find("torsdag 10 december 2026");
  ASSERT_NE(first_day, std::string::npos) << cal.body.substr(0, 400);
  ASSERT_NE(later_day, std::string::npos);
  EXPECT_LT(first_day, later_day) << "soonest first";
  const auto olle = cal.body.find("Olle Andra");
  const auto vera = cal.body.find("Vera Arbetsdag", later_day);
  ASSERT_NE(olle, std::string::npos);
  EXPECT_LT(olle, vera) << "09:00 before 14:00 on the same day";
  EXPECT_NE(cal.body.find("href=\"/calendar\""), std::string::npos) << "in the ombud's menu";
  json list = json::parse(api->api("GET", "/api/v1/calendar?days=10").body);
  ASSERT_EQ(list["appointments"].size(), 1U) << "only the next ten days";
  EXPECT_EQ(list["appointments"][0]["client_name"], "Vera Arbetsdag");
  EXPECT_EQ(api->api("GET", "/api/v1/calendar?days=0").status, 400);
}

TEST_P(Appointments, TheFeedCarriesNothingButNeutralTimesAndDiesWhenRevokedOrDisabled) {
  const std::string marker = "MARKER-Ap4Where";
  json a = book({{"date", "2026-12-10"},
                 {"time", "14.00"},
                 {"minutes", 60},
                 {"kind", "medfoljning"},
                 {"place", "hemma"},
                 {"where", marker + " Storgatan 1"},
                 {"who", marker + " Handläggaren"}});
  Response made = api->api("POST", "/api/v1/calendar/feed");
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = json::parse(made.body)["url"];
  const std::string path = url.substr(url.find("/calendar/feed/"));
  const std::string token = path.substr(std::string("/calendar/feed/").size());
  EXPECT_EQ(token.size(), 43U);
  EXPECT_EQ(json::parse(made.body)["webcal"].get<std::string>().rfind("webcal://", 0), 0U);

  WebClient phone(t->app());  // no session: the token is the key
  Response feed = phone.get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(feed.header("cache-control"), "no-store");
  EXPECT_NE(feed.body.find("SUMMARY:PO-möte\r\n"), std::string::npos) << feed.body;
  EXPECT_NE(feed.body.find("DTSTART:20261210T130000Z\r\nDTEND:20261210T140000Z\r\n"), std::string::npos);
  EXPECT_NE(feed.body.find("LOCATION:Hembesök\r\n"), std::string::npos);
  for (const std::string& secret :
       {marker, std::string("Vera"), std::string("Arbetsdag"),
        json::parse(api->api("GET", "/api/v1/clients/" + client).body)["code"].get<std::string>(),
        a["id"].get<std::string>(), client}) {
    EXPECT_EQ(feed.body.find(secret), std::string::npos) << secret << " must not reach a calendar provider";
  }
  EXPECT_GE(audited("read", "calendar_feed"), 1);

  // Only the token's hash is kept.
  {
    auto conn = t->env().db().acquire();
    std::string kept;
    conn.sql() << "SELECT token_hash FROM calendar_feeds", soci::into(kept);
    EXPECT_NE(kept, token);
    EXPECT_EQ(kept.size(), 64U);
  }
  if (GetParam() == store::Engine::kSqlite) {
    const std::string bytes = database_bytes();
    EXPECT_EQ(bytes.find(token), std::string::npos);
    EXPECT_EQ(bytes.find(marker), std::string::npos) << "where and who are sealed";
  }

  // A new link ends the old one; the calendar page shows the new one once.
  Response page_made = post("/calendar", "/calendar/feed", {});
  ASSERT_EQ(page_made.status, 200);
  EXPECT_NE(page_made.body.find("Adressen visas bara nu."), std::string::npos);
  EXPECT_EQ(phone.get(path).status, 404);
  const auto at = page_made.body.find("/calendar/feed/", page_made.body.find("Din nya kalenderlänk"));
  ASSERT_NE(at, std::string::npos);
  const std::string new_path = page_made.body.substr(at, std::string("/calendar/feed/").size() + 43);
  EXPECT_EQ(phone.get(new_path).status, 200);
  EXPECT_EQ(page->get("/calendar").body.find(new_path), std::string::npos) << "shown only once";

  // Disabled account: dead. Enabled again: alive. Revoked: dead for good.
  {
    auto conn = t->env().db().acquire();
    ASSERT_TRUE(store::set_user_disabled(conn.sql(), ada, true));
  }
  EXPECT_EQ(phone.get(new_path).status, 404);
  {
    auto conn = t->env().db().acquire();
    ASSERT_TRUE(store::set_user_disabled(conn.sql(), ada, false));
  }
  EXPECT_EQ(phone.get(new_path).status, 200);
  Response revoked = post("/calendar", "/calendar/feed/revoke", {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(phone.get(new_path).status, 404);
  EXPECT_EQ(phone.get("/calendar/feed/nonsense").status, 404);
  EXPECT_GE(audited("denied", "calendar_feed"), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, Appointments, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         engine_name);

}  // namespace
}  // namespace ombud::http
