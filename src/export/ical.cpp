// src/export/ical.cpp
#include "export/ical.hpp"

namespace ombud::exporter {

namespace {

// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11).
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// A content line, folded at 75 octets without splitting a UTF-8 character (RFC 5545 3.1).
void line(std::string& out, const std::string& content) {
  std::size_t at = 0;
  std::size_t room = 75;
  while (content.size() - at > room) {
    std::size_t cut = at + room;
    while (cut > at && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80)
      --cut;
    out.append(content, at, cut - at);
    out += "\r\n ";
    at = cut;
    room = 74;  // the leading space counts
  }
  out.append(content, at, std::string::npos);
  out += "\r\n";
}

}  // namespace

std::string render_ical(const Calendar& calendar) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//ombud//kalender//SV");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  if (!calendar.name.empty()) line(out, "X-WR-CALNAME:" + escaped(calendar.name));
  const std::string stamp = format_ical_utc(calendar.stamp);
  for (const auto& e : calendar.events) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "DTSTAMP:" + stamp);
    line(out, "DTSTART:" + format_ical_utc(e.starts_at));
    line(out, "DTEND:" + format_ical_utc(e.ends_at));
    line(out, "SEQUENCE:" + std::to_string(e.sequence));
    line(out, "SUMMARY:" + escaped(e.summary));
    if (!e.location.empty()) line(out, "LOCATION:" + escaped(e.location));
    line(out, "CLASS:PRIVATE");
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace ombud::exporter
