// src/store/appointments.hpp
//
// The appointments table: a client's upcoming meetings (bokningar), each in one ombud's calendar.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct AppointmentRow {
  std::string id;
  std::string client_id;
  long long ombud_id = 0;
  UnixSeconds starts_at = 0;
  int minutes = 60;
  std::string kind;
  std::string place;
  std::optional<std::string> where_ct;
  std::optional<std::string> who_ct;
  std::string feed_uid;
  long long created_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

/// The client's appointments, soonest first.
Result<std::vector<AppointmentRow>> list_appointments(soci::session& sql, const std::string& client_id);
Result<std::optional<AppointmentRow>> find_appointment(soci::session& sql, const std::string& client_id,
                                                       const std::string& id);
Status insert_appointment(soci::session& sql, const AppointmentRow& row);
/// Writes at the next version if still at `row.version`; false when someone changed it first.
Result<bool> update_appointment(soci::session& sql, const AppointmentRow& row);
Status delete_appointment(soci::session& sql, const std::string& client_id, const std::string& id);

/// The appointments in one ombud's calendar that start in [from, until), soonest first, across
/// clients.
Result<std::vector<AppointmentRow>> list_ombud_appointments(soci::session& sql, long long ombud_id, UnixSeconds from,
                                                            UnixSeconds until);

}  // namespace ombud::store
