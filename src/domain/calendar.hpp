// src/domain/calendar.hpp
//
// Swedish working days. Deadline clocks (the orientation visit within about three weeks of the
// first contact) count either calendar days or working days; working days are Monday to Friday
// except public holidays and the eves that workplaces treat as holidays (midsommarafton,
// julafton, nyårsafton).
#pragma once

#include <string>
#include <vector>

#include "core/time.hpp"

namespace ombud::domain {

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
Date easter_sunday(int year);

struct Holiday {
  Date date;
  const char* name;  // Swedish, e.g. "Långfredagen"
};

/// Public holidays and holiday eves of a year that fall on any weekday, in date order.
std::vector<Holiday> swedish_holidays(int year);

bool is_swedish_holiday(Date d);
bool is_working_day(Date d);

enum class DayKind { kCalendar, kWorking };

/// The date `days` days after `start` (calendar days, or working days not counting `start`).
Date add_days_of_kind(Date start, int days, DayKind kind);

/// Days from a to b of the kind (working days in (a, b]); negative when b is before a.
int days_of_kind_between(Date a, Date b, DayKind kind);

}  // namespace ombud::domain
