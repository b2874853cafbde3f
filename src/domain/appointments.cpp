// src/domain/appointments.cpp
#include "domain/appointments.hpp"

#include "core/text.hpp"

namespace ombud::domain {

namespace {

void check_text(std::string_view text, std::size_t max, const char* field, const char* too_long,
                std::vector<FieldError>& errors) {
  if (!is_clean_utf8(text, true)) {
    errors.push_back({field, "field.invalid"});
  } else if (utf8_length(text) > max) {
    errors.push_back({field, too_long});
  }
}

}  // namespace

std::vector<FieldError> validate_appointment(const Appointment& a, UnixSeconds now,
                                             std::optional<UnixSeconds> starts_before) {
  std::vector<FieldError> errors;
  const bool moved = !starts_before || *starts_before != a.starts_at;
  if (moved && a.starts_at < now) errors.push_back({"date", "appointment.in_past"});
  if (a.minutes < kMinAppointmentMinutes || a.minutes > kMaxAppointmentMinutes) {
    errors.push_back({"minutes", "appointment.minutes_invalid"});
  }
  check_text(a.where, kMaxAppointmentWhere, "where", "appointment.where_too_long", errors);
  check_text(a.who, kMaxAppointmentWho, "who", "appointment.who_too_long", errors);
  return errors;
}

}  // namespace ombud::domain
