// src/core/time.hpp
//
// Time as the rest of the code sees it: instants are Unix seconds (UTC) from an injectable Clock,
// calendar dates are std::chrono::year_month_day in the operation's local time zone.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ombud {

using UnixSeconds = std::int64_t;
using Date = std::chrono::year_month_day;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds now() const override;
};

/// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixSeconds start) : now_(start) {}
  UnixSeconds now() const override { return now_.load(); }
  void advance(std::int64_t seconds) { now_ += seconds; }
  void set(UnixSeconds t) { now_ = t; }

 private:
  std::atomic<UnixSeconds> now_;
};

/// Sets the process time zone used by local_date (e.g. "Europe/Stockholm").
void set_time_zone(const std::string& tz);

/// The calendar date of an instant in the process time zone.
Date local_date(UnixSeconds t);

/// "2026-11-23T17:29:32Z".
std::string format_utc(UnixSeconds t);

/// "2026-11-23 18:29" in the process time zone.
std::string format_local_minute(UnixSeconds t);

/// "18:29" in the process time zone.
std::string format_local_time(UnixSeconds t);

/// The instant of a local date and time of day ("HH:MM") in the process time zone; a time that
/// the clocks skip in spring is read as the hour after.
UnixSeconds local_instant(Date d, std::string_view hh_mm);

/// "20261123T172932Z", as iCalendar writes an instant in UTC.
std::string format_ical_utc(UnixSeconds t);

/// "2026-11-23".
std::string format_date(Date d);

/// Parses exactly "YYYY-MM-DD" into a valid calendar date.
std::optional<Date> parse_date(std::string_view s);

/// Whole days from a to b (negative when b is earlier).
int days_between(Date a, Date b);

/// A time of day as people write it — "9.30", "09:30", "1330" — as "HH:MM"; nullopt for anything
/// else (a minute over 59, an hour over 23, letters).
std::optional<std::string> parse_time_of_day(std::string_view s);

Date add_days(Date d, int days);

/// Monday = 1 … Sunday = 7.
int iso_weekday(Date d);

}  // namespace ombud
