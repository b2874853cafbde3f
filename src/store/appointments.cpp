// src/store/appointments.cpp
#include "store/appointments.hpp"

#include "store/client_records.hpp"

namespace ombud::store {

namespace {
using R = AppointmentRow;
const Table<R> kAppointments("appointments", {
                                                 column<&R::id>("id", Written::kOnInsert),
                                                 column<&R::client_id>("client_id", Written::kOnInsert),
                                                 column<&R::ombud_id>("ombud_id", Written::kOnInsert),
                                                 column<&R::starts_at>("starts_at"),
                                                 column<&R::minutes>("minutes"),
                                                 column<&R::kind>("kind"),
                                                 column<&R::place>("place"),
                                                 column<&R::where_ct>("where_ct"),
                                                 column<&R::who_ct>("who_ct"),
                                                 column<&R::feed_uid>("feed_uid", Written::kOnInsert),
                                                 column<&R::created_by>("created_by", Written::kOnInsert),
                                                 column<&R::created_at>("created_at", Written::kOnInsert),
                                                 column<&R::version>("version", Written::kOnInsert),
                                             });
const ClientRecords<R> kRecords("appointments", kAppointments, "starts_at, id");
}  // namespace

Result<std::vector<AppointmentRow>> list_appointments(soci::session& sql, const std::string& client_id) {
  return kRecords.list(sql, client_id);
}

Result<std::optional<AppointmentRow>> find_appointment(soci::session& sql, const std::string& client_id,
                                                       const std::string& id) {
  return kRecords.find(sql, client_id, id);
}

Status insert_appointment(soci::session& sql, const AppointmentRow& row) {
  return kRecords.insert(sql, row);
}

Result<bool> update_appointment(soci::session& sql, const AppointmentRow& row) {
  return kRecords.update(sql, row);
}

Status delete_appointment(soci::session& sql, const std::string& client_id, const std::string& id) {
  return kRecords.remove(sql, client_id, id);
}

Result<std::vector<AppointmentRow>> list_ombud_appointments(soci::session& sql, long long ombud_id, UnixSeconds from,
                                                            UnixSeconds until) {
  return guarded("appointments.list_ombud", [&]() -> Result<std::vector<AppointmentRow>> {
    return kAppointments.select_rows(
        sql, " WHERE ombud_id = :o AND starts_at >= :f AND starts_at < :u ORDER BY starts_at, id", ombud_id, from,
        until);
  });
}

}  // namespace ombud::store
