// src/domain/calendar.cpp
#include "domain/calendar.hpp"

#include <algorithm>
#include <map>
#include <mutex>

namespace ombud::domain {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

// The first date on or after `from` with the ISO weekday `weekday` (1 = Monday … 7 = Sunday).
Date first_weekday_from(Date from, int weekday) {
  int delta = (weekday - iso_weekday(from) + 7) % 7;
  return add_days(from, delta);
}

}  // namespace

Date easter_sunday(int y) {
  int a = y % 19;
  int b = y / 100;
  int c = y % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month_number = (h + l - 7 * m + 114) / 31;
  int day_number = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(y, static_cast<unsigned>(month_number), static_cast<unsigned>(day_number));
}

std::vector<Holiday> swedish_holidays(int y) {
  Date easter = easter_sunday(y);
  std::vector<Holiday> h = {
      {ymd(y, 1, 1), "Nyårsdagen"},
      {ymd(y, 1, 6), "Trettondedag jul"},
      {add_days(easter, -2), "Långfredagen"},
      {easter, "Påskdagen"},
      {add_days(easter, 1), "Annandag påsk"},
      {ymd(y, 5, 1), "Första maj"},
      {add_days(easter, 39), "Kristi himmelsfärdsdag"},
      {add_days(easter, 49), "Pingstdagen"},
      {ymd(y, 6, 6), "Sveriges nationaldag"},
      // Midsommardagen is the Saturday between 20 and 26 June; its eve is a de facto holiday.
      {add_days(first_weekday_from(ymd(y, 6, 20), 6), -1), "Midsommarafton"},
      {first_weekday_from(ymd(y, 6, 20), 6), "Midsommardagen"},
      // Alla helgons dag is the Saturday between 31 October and 6 November.
      {first_weekday_from(ymd(y, 10, 31), 6), "Alla helgons dag"},
      {ymd(y, 12, 24), "Julafton"},
      {ymd(y, 12, 25), "Juldagen"},
      {ymd(y, 12, 26), "Annandag jul"},
      {ymd(y, 12, 31), "Nyårsafton"},
  };
  std::sort(h.begin(), h.end(), [](const Holiday& a, const Holiday& b) {
    return std::chrono::sys_days{a.date} < std::chrono::sys_days{b.date};
  });
  return h;
}

bool is_swedish_holiday(Date d) {
  // Holidays per year, computed once per year asked for.
  static std::mutex mutex;
  static std::map<int, std::vector<Holiday>> cache;
  int y = static_cast<int>(d.year());
  std::lock_guard lock(mutex);
  auto it = cache.find(y);
  if (it == cache.end()) it = cache.emplace(y, swedish_holidays(y)).first;
  return std::any_of(it->second.begin(), it->second.end(), [&](const Holiday& h) { return h.date == d; });
}

bool is_working_day(Date d) {
  return iso_weekday(d) <= 5 && !is_swedish_holiday(d);
}

Date add_days_of_kind(Date start, int days, DayKind kind) {
  if (kind == DayKind::kCalendar) return add_days(start, days);
  Date d = start;
  int step = days >= 0 ? 1 : -1;
  for (int left = days < 0 ? -days : days; left > 0;) {
    d = add_days(d, step);
    if (is_working_day(d)) --left;
  }
  return d;
}

int days_of_kind_between(Date a, Date b, DayKind kind) {
  if (kind == DayKind::kCalendar) return days_between(a, b);
  int sign = 1;
  if (std::chrono::sys_days{b} < std::chrono::sys_days{a}) {
    std::swap(a, b);
    sign = -1;
  }
  int n = 0;
  for (Date d = add_days(a, 1); std::chrono::sys_days{d} <= std::chrono::sys_days{b}; d = add_days(d, 1)) {
    if (is_working_day(d)) ++n;
  }
  return sign * n;
}

}  // namespace ombud::domain
