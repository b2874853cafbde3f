// tests/unit/covers_test.cpp
//
// Covering for a colleague: when a grant holds, and what a new one must say.
#include "domain/covers.hpp"

#include <gtest/gtest.h>

namespace ombud::domain {
namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

TEST(Covers, AGrantHoldsFromItsFirstToItsLastDayUnlessEndedEarly) {
  Cover c;
  c.starts_on = d(2026, 11, 23);
  c.ends_on = d(2026, 12, 6);
  EXPECT_FALSE(in_force(c, d(2026, 11, 22)));
  EXPECT_TRUE(in_force(c, d(2026, 11, 23)));
  EXPECT_TRUE(in_force(c, d(2026, 12, 6)));
  EXPECT_FALSE(in_force(c, d(2026, 12, 7))) << "it ends by itself";
  c.ended_on = d(2026, 11, 30);
  EXPECT_TRUE(in_force(c, d(2026, 11, 29)));
  EXPECT_FALSE(in_force(c, d(2026, 11, 30))) << "ended from that day";
}

TEST(Covers, ANewGrantNeedsAReasonAndALastDayWithinHalfAYear) {
  const Date today = d(2026, 11, 23);
  Cover c;
  c.starts_on = today;
  c.ends_on = d(2026, 12, 6);
  c.reason = "Ada har semester";
  EXPECT_TRUE(validate_cover(c, today).empty());
  c.ends_on = today;
  EXPECT_TRUE(validate_cover(c, today).empty()) << "today only";
  c.reason = "  ";
  c.ends_on = d(2026, 11, 22);
  auto errors = validate_cover(c, today);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field + ":" + errors[0].message_key, "reason:field.required");
  EXPECT_EQ(errors[1].field + ":" + errors[1].message_key, "ends_on:cover.ended");
  c.reason = std::string(kMaxCoverReason + 1, 'x');
  c.ends_on = add_days(today, kMaxCoverDays + 1);
  errors = validate_cover(c, today);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].message_key, "cover.reason_too_long");
  EXPECT_EQ(errors[1].message_key, "cover.too_long");
  c.reason = "Sjukskriven";
  c.ends_on = add_days(today, kMaxCoverDays);
  EXPECT_TRUE(validate_cover(c, today).empty());
}

}  // namespace
}  // namespace ombud::domain
