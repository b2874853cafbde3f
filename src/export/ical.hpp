// src/export/ical.hpp
//
// An iCalendar (RFC 5545) feed of events: what a phone's calendar subscribes to. Times are
// written in UTC; text is escaped and long lines are folded as the format requires.
#pragma once

#include <string>
#include <vector>

#include "core/time.hpp"

namespace ombud::exporter {

struct CalendarEvent {
  std::string uid;
  UnixSeconds starts_at = 0;
  UnixSeconds ends_at = 0;
  std::string summary;
  std::string location;
  int sequence = 0;
};

struct Calendar {
  std::string name;  // X-WR-CALNAME
  UnixSeconds stamp = 0;
  std::vector<CalendarEvent> events;
};

std::string render_ical(const Calendar& calendar);

}  // namespace ombud::exporter
