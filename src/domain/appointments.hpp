// src/domain/appointments.hpp
//
// Appointments (bokningar): upcoming meetings of the ombud with the client or for the client,
// with where and who attends. What the calendar feed may carry is decided here too: everything
// in a feed is handed to a calendar provider, so it holds a neutral title, the times and the
// place's category only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/vocabulary.hpp"
#include "domain/work.hpp"

namespace ombud::domain {

inline constexpr std::size_t kMaxAppointmentWhere = 200;  // characters of the address or room
inline constexpr std::size_t kMaxAppointmentWho = 300;    // characters of who attends
inline constexpr int kMinAppointmentMinutes = 5;
inline constexpr int kMaxAppointmentMinutes = 12 * 60;
inline constexpr int kMaxAppointmentsPerClient = 200;

struct Appointment {
  UnixSeconds starts_at = 0;
  int minutes = 60;
  ContactKind kind = ContactKind::kMeeting;
  Place place = Place::kOffice;
  std::string where;  // optional: an address, a room; in the client's and the ombud's words
  std::string who;    // optional: who attends besides the client and the ombud
};

/// Field errors of an appointment: a start before `now` when it is new or its time was changed
/// ("date": "appointment.in_past"), a length outside 5 minutes – 12 hours ("minutes"), text over
/// its limit or with control characters ("where", "who").
std::vector<FieldError> validate_appointment(const Appointment& a, UnixSeconds now,
                                             std::optional<UnixSeconds> starts_before);

}  // namespace ombud::domain
