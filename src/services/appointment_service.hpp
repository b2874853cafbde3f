// src/services/appointment_service.hpp
//
// Appointments (bokningar): the client's upcoming meetings with place and who attends, each in the
// calendar of the ombud who booked it. Only the client's ombud reaches a client's appointments
// (CaseNeed::kWork); where exactly and who attends are sealed with the client's key. The ombud's
// own calendar gathers them across clients.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/appointments.hpp"
#include "services/client_service.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct AppointmentView {
  std::string id;
  std::string client_id;
  long long ombud_id = 0;
  UnixSeconds starts_at = 0;
  int minutes = 60;
  domain::ContactKind kind = domain::ContactKind::kMeeting;
  domain::Place place = domain::Place::kOffice;
  std::string where;
  std::string who;
  int version = 1;
  UnixSeconds ends_at() const { return starts_at + static_cast<UnixSeconds>(minutes) * 60; }
};

/// An appointment as a form or the API sends it; every value as text, checked by the service.
struct AppointmentInput {
  std::string date;     // YYYY-MM-DD
  std::string time;     // as people write it: "9.30", "09:30"
  std::string minutes;  // its length
  std::string kind;     // a kContactKinds code
  std::string place;    // a kPlaces code
  std::string where;
  std::string who;
  int version = 0;  // the version the user edited (edits and removals)
};

/// The client's appointments from today on, soonest first. Logged with the ids shown.
Result<std::vector<AppointmentView>> appointments(const Services& s, const Actor& actor, const std::string& client_id);
Result<AppointmentView> appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                    const std::string& appointment_id);
/// Refused: a time already past ("date": "appointment.in_past"), and the other field errors of
/// domain::validate_appointment; booked in the actor's calendar.
Result<AppointmentView> add_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                        const AppointmentInput& input);
/// A stale version is refused ("appointment.changed") and nothing is overwritten.
Result<AppointmentView> edit_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                         const std::string& appointment_id, const AppointmentInput& input);
Status remove_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                          const std::string& appointment_id, int version);

/// One appointment of the ombud's calendar, with whose it is.
struct CalendarEntry {
  AppointmentView appointment;
  std::string client_code;
  std::string client_name;  // as the client asked to be called; the code when none
};

/// The actor's own calendar: their appointments from today for `days` days, soonest first, of the
/// clients they may still work with.
Result<std::vector<CalendarEntry>> my_calendar(const Services& s, const Actor& actor, int days);

/// A printable reminder card for the client: when, where and with whom.
struct ReminderCard {
  AppointmentView appointment;
  ClientView client;
  std::string ombud_name;
};
Result<ReminderCard> reminder_card(const Services& s, const Actor& actor, const std::string& client_id,
                                   const std::string& appointment_id);

}  // namespace ombud::services
