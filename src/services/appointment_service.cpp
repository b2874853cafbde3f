// src/services/appointment_service.cpp
#include "services/appointment_service.hpp"

#include <map>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "domain/vocabulary.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/reference_service.hpp"
#include "store/appointments.hpp"

namespace ombud::services {

namespace {

using internal::WorkContext;

constexpr std::string_view kWhereColumn = "appointments.where_ct";
constexpr std::string_view kWhoColumn = "appointments.who_ct";

// The appointment the input describes, or every field error at once.
Result<domain::Appointment> parse_appointment(const Services& s, const AppointmentInput& in,
                                              std::optional<UnixSeconds> starts_before) {
  std::vector<FieldError> errors;
  domain::Appointment a;
  std::optional<Date> date;
  if (trim(in.date).empty()) {
    errors.push_back({"date", "field.required"});
  } else if (date = parse_date(trim(in.date)); !date) {
    errors.push_back({"date", "date.invalid"});
  }
  std::optional<std::string> time;
  if (trim(in.time).empty()) {
    errors.push_back({"time", "field.required"});
  } else if (time = parse_time_of_day(trim(in.time)); !time) {
    errors.push_back({"time", "appointment.time_invalid"});
  }
  long long minutes = 0;
  if (trim(in.minutes).empty()) {
    errors.push_back({"minutes", "field.required"});
  } else if (!parse_int(trim(in.minutes), minutes)) {
    errors.push_back({"minutes", "appointment.minutes_invalid"});
  } else {
    a.minutes = static_cast<int>(std::clamp<long long>(minutes, -1, domain::kMaxAppointmentMinutes + 1));
  }
  if (auto k = domain::parse_code(domain::kContactKinds, trim(in.kind))) {
    a.kind = *k;
  } else {
    errors.push_back({"kind", trim(in.kind).empty() ? "field.required" : "field.invalid"});
  }
  if (auto p = domain::parse_code(domain::kPlaces, trim(in.place))) {
    a.place = *p;
  } else {
    errors.push_back({"place", trim(in.place).empty() ? "field.required" : "field.invalid"});
  }
  a.where = std::string(trim(in.where));
  a.who = std::string(trim(in.who));
  if (date && time) a.starts_at = local_instant(*date, *time);
  for (auto& err : domain::validate_appointment(a, s.clock.now(), starts_before)) {
    bool already = false;
    for (const auto& f : errors)
      already = already || f.field == err.field;
    // A start that could not be read is not also "in the past".
    if (err.field == "date" && (!date || !time)) already = true;
    if (!already) errors.push_back(std::move(err));
  }
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  return a;
}

void fill_row(store::AppointmentRow& row, const WorkContext& w, const domain::Appointment& a) {
  row.starts_at = a.starts_at;
  row.minutes = a.minutes;
  row.kind = std::string(domain::code_of(domain::kContactKinds, a.kind));
  row.place = std::string(domain::code_of(domain::kPlaces, a.place));
  row.where_ct = internal::seal_optional(w, kWhereColumn, row.id, a.where);
  row.who_ct = internal::seal_optional(w, kWhoColumn, row.id, a.who);
}

Result<AppointmentView> view_of(const WorkContext& w, const store::AppointmentRow& r) {
  AppointmentView v;
  v.id = r.id;
  v.client_id = r.client_id;
  v.ombud_id = r.ombud_id;
  v.starts_at = r.starts_at;
  v.minutes = r.minutes;
  v.kind = domain::parse_code(domain::kContactKinds, r.kind).value_or(domain::ContactKind::kMeeting);
  v.place = domain::parse_code(domain::kPlaces, r.place).value_or(domain::Place::kOther);
  v.where = OMBUD_TRY(internal::open_optional(w, kWhereColumn, r.id, r.where_ct));
  v.who = OMBUD_TRY(internal::open_optional(w, kWhoColumn, r.id, r.who_ct));
  v.version = r.version;
  return v;
}

Result<store::AppointmentRow> find(soci::session& sql, const WorkContext& w, const std::string& id) {
  auto row = OMBUD_TRY(store::find_appointment(sql, w.client_id(), id));
  if (!row) return fail(Error::not_found("appointment.not_found"));
  return *row;
}

// The first instant of today in the operation's time zone: what "from today on" starts at.
UnixSeconds start_of_today(const Services& s) {
  return local_instant(today(s), "00:00");
}

Status audited(store::Tx& tx, const Services& s, const Actor& actor, const char* action, const std::string& client_id,
               const std::string& id) {
  return audit(tx, s, AuditSubject::of(actor), AuditEvent{action, "appointment", client_id, id, "ok"});
}

std::string ids_of(const std::vector<AppointmentView>& list) {
  std::string out;
  for (const auto& a : list)
    out += (out.empty() ? "" : " ") + a.id;
  return out;
}

}  // namespace

Result<std::vector<AppointmentView>> appointments(const Services& s, const Actor& actor, const std::string& client_id) {
  std::vector<AppointmentView> out;
  const UnixSeconds from = start_of_today(s);
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    for (const auto& r : OMBUD_TRY(store::list_appointments(tx.sql(), client_id))) {
      if (r.starts_at >= from) out.push_back(OMBUD_TRY(view_of(w, r)));
    }
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "appointment", client_id, ids_of(out), "ok"}));
  return out;
}

Result<AppointmentView> appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                    const std::string& appointment_id) {
  std::optional<AppointmentView> out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    const auto row = OMBUD_TRY(find(tx.sql(), w, appointment_id));
    out = OMBUD_TRY(view_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(
      audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "appointment", client_id, appointment_id, "ok"}));
  return std::move(*out);
}

Result<AppointmentView> add_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                        const AppointmentInput& input) {
  std::optional<AppointmentView> out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    const auto a = OMBUD_TRY(parse_appointment(s, input, std::nullopt));
    if (OMBUD_TRY(store::list_appointments(tx.sql(), client_id)).size() >= domain::kMaxAppointmentsPerClient) {
      return fail(Error::conflict("appointment.too_many"));
    }
    store::AppointmentRow row;
    row.id = crypto::random_id();
    row.client_id = client_id;
    row.ombud_id = actor.user_id;
    row.feed_uid = crypto::random_id();
    row.created_by = actor.user_id;
    row.created_at = s.clock.now();
    fill_row(row, w, a);
    OMBUD_CHECK(store::insert_appointment(tx.sql(), row));
    OMBUD_CHECK(audited(tx, s, actor, "create", client_id, row.id));
    out = OMBUD_TRY(view_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return std::move(*out);
}

Result<AppointmentView> edit_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                                         const std::string& appointment_id, const AppointmentInput& input) {
  std::optional<AppointmentView> out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::AppointmentRow row = OMBUD_TRY(find(tx.sql(), w, appointment_id));
    const auto a = OMBUD_TRY(parse_appointment(s, input, row.starts_at));
    if (row.version != input.version) return fail(Error::conflict("appointment.changed"));
    fill_row(row, w, a);
    if (!OMBUD_TRY(store::update_appointment(tx.sql(), row))) return fail(Error::conflict("appointment.changed"));
    OMBUD_CHECK(audited(tx, s, actor, "update", client_id, row.id));
    row.version += 1;
    out = OMBUD_TRY(view_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return std::move(*out);
}

Status remove_appointment(const Services& s, const Actor& actor, const std::string& client_id,
                          const std::string& appointment_id, int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    const store::AppointmentRow row = OMBUD_TRY(find(tx.sql(), w, appointment_id));
    if (row.version != version) return fail(Error::conflict("appointment.changed"));
    OMBUD_CHECK(store::delete_appointment(tx.sql(), client_id, row.id));
    return audited(tx, s, actor, "delete", client_id, row.id);
  });
}

Result<std::vector<CalendarEntry>> my_calendar(const Services& s, const Actor& actor, int days) {
  const UnixSeconds from = start_of_today(s);
  const UnixSeconds until = local_instant(add_days(today(s), days), "00:00");
  std::vector<store::AppointmentRow> rows;
  {
    auto conn = s.db.acquire();
    rows = OMBUD_TRY(store::list_ombud_appointments(conn.sql(), actor.user_id, from, until));
  }
  // Each client's appointments are opened under the access policy, one client at a time.
  std::map<std::string, std::vector<const store::AppointmentRow*>> by_client;
  for (const auto& r : rows)
    by_client[r.client_id].push_back(&r);
  std::vector<CalendarEntry> out;
  for (const auto& [client_id, list] : by_client) {
    Status opened = internal::with_work(s, actor, client_id, false, [&](store::Tx&, WorkContext& w) -> Status {
      for (const auto* r : list) {
        CalendarEntry e;
        e.appointment = OMBUD_TRY(view_of(w, *r));
        e.client_code = w.client.code;
        e.client_name = w.client.display_name();
        out.push_back(std::move(e));
      }
      return {};
    });
    // A client no longer the actor's (the case moved on) drops out of the calendar.
    if (!opened && opened.error().code != ErrorCode::kNotFound && opened.error().code != ErrorCode::kForbidden) {
      return fail(opened.error());
    }
  }
  std::sort(out.begin(), out.end(), [](const CalendarEntry& a, const CalendarEntry& b) {
    return std::tie(a.appointment.starts_at, a.appointment.id) < std::tie(b.appointment.starts_at, b.appointment.id);
  });
  std::string ids;
  for (const auto& e : out)
    ids += (ids.empty() ? "" : " ") + e.appointment.id;
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "calendar", std::nullopt, ids, "ok"}));
  return out;
}

Result<ReminderCard> reminder_card(const Services& s, const Actor& actor, const std::string& client_id,
                                   const std::string& appointment_id) {
  ReminderCard card;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    const auto row = OMBUD_TRY(find(tx.sql(), w, appointment_id));
    card.appointment = OMBUD_TRY(view_of(w, row));
    card.client = w.client;
    return {};
  });
  if (!done) return fail(done.error());
  card.ombud_name = OMBUD_TRY(staff_name(s, actor, card.appointment.ombud_id));
  OMBUD_CHECK(
      audit_now(s, AuditSubject::of(actor), AuditEvent{"print", "reminder_card", client_id, appointment_id, "ok"}));
  return card;
}

}  // namespace ombud::services
