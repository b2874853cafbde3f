// src/core/time.cpp
#include "core/time.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ombud {

using std::chrono::days;
using std::chrono::sys_days;

UnixSeconds SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void set_time_zone(const std::string& tz) {
  ::setenv("TZ", tz.c_str(), 1);
  ::tzset();
}

Date local_date(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::localtime_r(&tt, &tm);
  return Date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
              std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

std::string format_utc(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string format_local_minute(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::localtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string format_local_time(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::localtime_r(&tt, &tm);
  char buf[8];
  std::strftime(buf, sizeof buf, "%H:%M", &tm);
  return buf;
}

UnixSeconds local_instant(Date d, std::string_view hh_mm) {
  std::tm tm{};
  tm.tm_year = static_cast<int>(d.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(d.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(d.day()));
  if (hh_mm.size() == 5) {
    tm.tm_hour = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
    tm.tm_min = (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
  }
  tm.tm_isdst = -1;  // whichever applies on that day
  return static_cast<UnixSeconds>(::mktime(&tm));
}

std::string format_ical_utc(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  ::gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string format_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t pos, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0;
  int m = 0;
  int d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
            std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int days_between(Date a, Date b) {
  return static_cast<int>((sys_days{b} - sys_days{a}).count());
}

Date add_days(Date d, int n) {
  return Date{sys_days{d} + days{n}};
}

int iso_weekday(Date d) {
  return static_cast<int>(std::chrono::weekday{sys_days{d}}.iso_encoding());
}

std::optional<std::string> parse_time_of_day(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  std::string digits;
  std::size_t separators = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == ':' || c == '.') {
      if (++separators > 1 || digits.empty()) return std::nullopt;
      if (digits.size() == 1) digits.insert(digits.begin(), '0');
    } else {
      return std::nullopt;
    }
  }
  if (separators == 0 && digits.size() == 3) digits.insert(digits.begin(), '0');
  if (digits.size() != 4) return std::nullopt;
  int hour = (digits[0] - '0') * 10 + (digits[1] - '0');
  int minute = (digits[2] - '0') * 10 + (digits[3] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  return digits.substr(0, 2) + ":" + digits.substr(2);
}

}  // namespace ombud
