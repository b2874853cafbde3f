// tests/unit/appointments_test.cpp
//
// Appointments: the rules of a booking, local times as the operation's clock shows them, and the
// calendar feed's format (RFC 5545 escaping and line folding).
#include "domain/appointments.hpp"

#include <gtest/gtest.h>

#include "export/ical.hpp"
#include "support/test_env.hpp"

namespace ombud {
namespace {

// Local times here are Stockholm's, as in production (cli sets it when TZ is unset).
class StockholmTime : public ::testing::Test {
 protected:
  testing::ScopedTimeZone stockholm_{"Europe/Stockholm"};
};

TEST_F(StockholmTime, ALocalTimeIsReadInTheSeasonOfItsDay) {
  const Date winter{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{10}};
  const Date summer{std::chrono::year{2027}, std::chrono::month{7}, std::chrono::day{1}};
  EXPECT_EQ(format_utc(local_instant(winter, "14:00")), "2026-12-10T13:00:00Z");
  EXPECT_EQ(format_utc(local_instant(summer, "14:00")), "2027-07-01T12:00:00Z");
  EXPECT_EQ(format_local_time(local_instant(winter, "09:05")), "09:05");
  EXPECT_EQ(format_ical_utc(local_instant(winter, "14:00")), "20261210T130000Z");
}

TEST(Appointments, ATimeAlreadyPastIsRefusedUnlessItIsTheOneItAlwaysHad) {
  const UnixSeconds now = 1795425600;  // 2026-11-23T09:20:00Z
  domain::Appointment a;
  a.starts_at = now + 3600;
  EXPECT_TRUE(domain::validate_appointment(a, now, std::nullopt).empty());
  a.starts_at = now - 60;
  auto errors = domain::validate_appointment(a, now, std::nullopt);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "date");
  EXPECT_EQ(errors[0].message_key, "appointment.in_past");
  // A meeting that has been keeps its time when its note is changed, but cannot be moved back.
  EXPECT_TRUE(domain::validate_appointment(a, now, a.starts_at).empty());
  EXPECT_EQ(domain::validate_appointment(a, now, now + 7200).size(), 1U);
}

TEST(Appointments, LengthAndTextsKeepToTheirLimits) {
  const UnixSeconds now = 1795425600;
  domain::Appointment a;
  a.starts_at = now + 86400;
  a.minutes = 4;
  a.where = std::string(domain::kMaxAppointmentWhere, 'a');
  a.who = std::string(domain::kMaxAppointmentWho, 'b');
  auto errors = domain::validate_appointment(a, now, std::nullopt);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message_key, "appointment.minutes_invalid");
  a.minutes = domain::kMaxAppointmentMinutes;
  a.where += "å";
  a.who = "Handläggaren\x01";
  errors = domain::validate_appointment(a, now, std::nullopt);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].message_key, "appointment.where_too_long");
  EXPECT_EQ(errors[1].field, "who");
  EXPECT_EQ(errors[1].message_key, "field.invalid");
}

TEST(Ical, EscapesTextFoldsLongLinesAndEndsEachWithCrLf) {
  exporter::Calendar cal;
  cal.name = "PO";
  cal.stamp = 1795425600;
  exporter::CalendarEvent e;
  e.uid = "abc@ombud";
  e.starts_at = 1795425600 + 86400;
  e.ends_at = e.starts_at + 3600;
  e.summary = "PO-möte; rum 2, plan 3\nmed kaffe";
  e.location = std::string(70, 'x') + "åäöåäö";
  cal.events.push_back(e);
  const std::string ics = exporter::render_ical(cal);
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0U);
  EXPECT_NE(ics.find("SUMMARY:PO-möte\\; rum 2\\, plan 3\\nmed kaffe\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTART:20261124T092000Z\r\nDTEND:20261124T102000Z\r\n"), std::string::npos);
  // Every line is at most 75 octets, and a folded line goes on after one space.
  std::size_t at = 0;
  while (at < ics.size()) {
    const auto end = ics.find("\r\n", at);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - at, 75U) << ics.substr(at, end - at);
    at = end + 2;
  }
  const auto loc = ics.find("LOCATION:");
  const auto fold = ics.find("\r\n ", loc);
  ASSERT_NE(fold, std::string::npos);
  // The fold does not split a character: the continuation starts on a character's first byte.
  EXPECT_NE(static_cast<unsigned char>(ics[fold + 3]) & 0xC0, 0x80);
  std::string unfolded = ics.substr(loc, ics.find("\r\nCLASS", loc) - loc);
  for (auto p = unfolded.find("\r\n "); p != std::string::npos; p = unfolded.find("\r\n "))
    unfolded.erase(p, 3);
  EXPECT_EQ(unfolded, "LOCATION:" + e.location);
}

}  // namespace
}  // namespace ombud
