// src/http/handlers_appointments_api.cpp
//
// The JSON API beside the appointment and calendar pages (handlers_appointments.cpp), over the
// same services: /api/v1/clients/{id}/appointments (and a reminder card as a PDF),
// /api/v1/calendar for the ombud's own calendar, and /api/v1/calendar/feed to make or revoke the
// calendar feed.
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "http/json_input.hpp"
#include "http/print_documents.hpp"
#include "services/appointment_service.hpp"
#include "services/calendar_feed_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

json appointment_json(const services::AppointmentView& a) {
  return {{"id", a.id},
          {"client_id", a.client_id},
          {"starts_at", format_utc(a.starts_at)},
          {"ends_at", format_utc(a.ends_at())},
          {"date", format_date(local_date(a.starts_at))},
          {"time", format_local_time(a.starts_at)},
          {"minutes", a.minutes},
          {"kind", std::string(domain::code_of(domain::kContactKinds, a.kind))},
          {"place", std::string(domain::code_of(domain::kPlaces, a.place))},
          {"where", a.where},
          {"who", a.who},
          {"version", a.version}};
}

services::AppointmentInput appointment_input(JsonInput& in, bool edit) {
  services::AppointmentInput a;
  a.date = in.string("date", true);
  a.time = in.string("time", true);
  auto minutes = in.integer("minutes", true);
  a.minutes = minutes ? std::to_string(*minutes) : std::string();
  a.kind = in.string("kind", true);
  a.place = in.string("place", true);
  a.where = in.string("where", false);
  a.who = in.string("who", false);
  if (edit) a.version = static_cast<int>(in.integer("version", true).value_or(-1));
  return a;
}

Response get_appointments(Ctx& ctx) {
  auto list = services::appointments(ctx.s, *ctx.actor, ctx.param("id"));
  if (!list) return api_error(ctx, list.error());
  json out = json::array();
  for (const auto& a : *list)
    out.push_back(appointment_json(a));
  return json_response(200, {{"appointments", out}});
}

Response post_appointment(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = appointment_input(in, false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_appointment(ctx.s, *ctx.actor, ctx.param("id"), input);
  if (!added) return api_error(ctx, added.error());
  return json_response(201, appointment_json(*added));
}

Response get_appointment(Ctx& ctx) {
  auto a = services::appointment(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("appointment"));
  if (!a) return api_error(ctx, a.error());
  return json_response(200, appointment_json(*a));
}

Response put_appointment(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = appointment_input(in, true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::edit_appointment(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("appointment"), input);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, appointment_json(*saved));
}

Response delete_appointment(Ctx& ctx) {
  auto version = query_version(ctx);
  if (!version) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_appointment(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("appointment"), *version);
  if (!st) return api_error(ctx, st.error());
  return no_content();
}

Response get_card(Ctx& ctx) {
  auto card = services::reminder_card(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("appointment"));
  if (!card) return api_error(ctx, card.error());
  return reminder_card_pdf(ctx, *card);
}

Response get_calendar(Ctx& ctx) {
  auto days = query_number(ctx, "days", 56, 366);
  if (!days) return api_error(ctx, Error::field("days", "calendar.days_invalid"));
  auto entries = services::my_calendar(ctx.s, *ctx.actor, static_cast<int>(*days));
  if (!entries) return api_error(ctx, entries.error());
  json out = json::array();
  for (const auto& e : *entries) {
    json a = appointment_json(e.appointment);
    a["client_code"] = e.client_code;
    a["client_name"] = e.client_name;
    out.push_back(std::move(a));
  }
  return json_response(200, {{"appointments", out}});
}

Response post_feed(Ctx& ctx) {
  auto token = services::make_calendar_feed(ctx.s, *ctx.actor);
  if (!token) return api_error(ctx, token.error());
  return json_response(
      201, {{"url", calendar_feed_address(ctx, *token, false)}, {"webcal", calendar_feed_address(ctx, *token, true)}});
}

Response delete_feed(Ctx& ctx) {
  auto st = services::revoke_calendar_feed(ctx.s, *ctx.actor);
  if (!st) return api_error(ctx, st.error());
  return no_content();
}

}  // namespace

void register_appointment_api_routes(Router& router) {
  router.add({"GET", "/api/v1/clients/{id}/appointments", Permission::kRecordWork, RouteKind::kApi, get_appointments});
  router.add({"POST", "/api/v1/clients/{id}/appointments", Permission::kRecordWork, RouteKind::kApi, post_appointment});
  router.add({"GET", "/api/v1/clients/{id}/appointments/{appointment}", Permission::kRecordWork, RouteKind::kApi,
              get_appointment});
  router.add({"PUT", "/api/v1/clients/{id}/appointments/{appointment}", Permission::kRecordWork, RouteKind::kApi,
              put_appointment});
  router.add({"DELETE", "/api/v1/clients/{id}/appointments/{appointment}", Permission::kRecordWork, RouteKind::kApi,
              delete_appointment});
  router.add({"GET", "/api/v1/clients/{id}/appointments/{appointment}/card.pdf", Permission::kRecordWork,
              RouteKind::kApi, get_card});
  router.add({"GET", "/api/v1/calendar", Permission::kRecordWork, RouteKind::kApi, get_calendar});
  router.add({"POST", "/api/v1/calendar/feed", Permission::kRecordWork, RouteKind::kApi, post_feed});
  router.add({"DELETE", "/api/v1/calendar/feed", Permission::kRecordWork, RouteKind::kApi, delete_feed});
}

}  // namespace ombud::http
