// tests/unit/text_test.cpp
#include "core/text.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "http/form.hpp"
#include "http/router.hpp"

namespace ombud {
namespace {

TEST(Utf8, AcceptsSwedishAndRefusesBrokenOrControlBytes) {
  EXPECT_TRUE(is_clean_utf8("Mönsterås Högsby"));
  EXPECT_TRUE(is_clean_utf8("emoji 🙂"));
  EXPECT_FALSE(is_clean_utf8("\xc3"));
  EXPECT_FALSE(is_clean_utf8("a\xc0\xafz"));    // overlong '/'
  EXPECT_FALSE(is_clean_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(is_clean_utf8(std::string("a\0b", 3)));
  EXPECT_FALSE(is_clean_utf8("rad\nbryt"));
  EXPECT_TRUE(is_clean_utf8("rad\nbryt", true));
  EXPECT_EQ(utf8_length("åäö"), 3U);
}

TEST(Text, ParseIntIsStrict) {
  long long v = 0;
  EXPECT_TRUE(parse_int("1990", v));
  EXPECT_EQ(v, 1990);
  EXPECT_FALSE(parse_int("19 90", v));
  EXPECT_FALSE(parse_int("", v));
  EXPECT_FALSE(parse_int("12x", v));
}

TEST(Dates, ParseAndArithmetic) {
  auto d = parse_date("2026-02-28");
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(add_days(*d, 1)), "2026-03-01");
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-2-1"));
  EXPECT_EQ(days_between(*parse_date("2026-11-01"), *parse_date("2026-11-22")), 21);
  EXPECT_EQ(iso_weekday(*parse_date("2026-11-23")), 1);  // a Monday
}

TEST(Times, ATimeOfDayIsReadAsPeopleWriteIt) {
  EXPECT_EQ(parse_time_of_day("9.30"), "09:30");
  EXPECT_EQ(parse_time_of_day(" 13:05 "), "13:05");
  EXPECT_EQ(parse_time_of_day("1330"), "13:30");
  EXPECT_EQ(parse_time_of_day("930"), "09:30");
  EXPECT_EQ(parse_time_of_day("0.00"), "00:00");
  for (const char* bad : {"", "24.00", "12.60", "12", "1.2.3", ".30", "kl 13", "13:3", "12345"})
    EXPECT_FALSE(parse_time_of_day(bad)) << bad;
}

TEST(Form, DecodesFieldsAndRejectsMalformedInput) {
  auto f = http::Form::parse("username=ada&password=p%C3%A5+ss&next=%2F&box=1&box=2");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->get("username"), "ada");
  EXPECT_EQ(f->get("password"), "på ss");
  EXPECT_EQ(f->get("next"), "/");
  EXPECT_EQ(f->all("box").size(), 2U);
  EXPECT_EQ(f->get("missing"), "");
  EXPECT_FALSE(http::Form::parse("a=%zz"));
  EXPECT_FALSE(http::Form::parse("a=%C3"));
  EXPECT_FALSE(http::Form::parse("a=%00"));
  EXPECT_FALSE(http::Form::parse("a=%4"));
}

TEST(Router, MatchesPatternsAndDecodesParameters) {
  http::Router r;
  r.add({"GET", "/clients/{id}", domain::Permission::kViewClient});
  r.add({"POST", "/clients/{id}/status", domain::Permission::kChangeClientStatus});
  auto m = r.match("GET", "/clients/abc%20d");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at(0).second, "abc d");
  EXPECT_NE(r.match("HEAD", "/clients/x").route, nullptr);
  auto wrong_method = r.match("DELETE", "/clients/x");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_EQ(wrong_method.allowed_methods, std::vector<std::string>{"GET"});
  EXPECT_EQ(r.match("GET", "/clients/").route, nullptr);
  EXPECT_EQ(r.match("GET", "/clients/x/y").route, nullptr);
  EXPECT_EQ(r.match("GET", "clients/x").route, nullptr);
}

}  // namespace
}  // namespace ombud
