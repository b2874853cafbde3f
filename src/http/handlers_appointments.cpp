// src/http/handlers_appointments.cpp
//
// Appointments (bokningar): a client's upcoming meetings with a form to book one, an
// appointment's page to change or remove it, its reminder card for the client (a PDF in large
// type), the ombud's own calendar across clients, and the calendar feed for the phone: made,
// shown once, made anew or revoked there, and read by the phone's calendar at
// /calendar/feed/{token} with no session (the token is the key). Only the client's ombud reaches
// a client's appointments; the services ask the access policy (CaseNeed::kWork).
#include "core/text.hpp"
#include "export/ical.hpp"
#include "http/case_views.hpp"
#include "http/print_documents.hpp"
#include "services/appointment_service.hpp"
#include "services/calendar_feed_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;

constexpr int kLengthChoices[] = {15, 30, 45, 60, 90, 120, 180, 240};
constexpr int kCalendarDays = 8 * 7;

std::string appointments_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/appointments" + suffix);
}

struct Values {
  std::string date, time, minutes, kind, place, where, who, version;
};

Values values_of(const services::AppointmentView& a) {
  return {format_date(local_date(a.starts_at)),
          format_local_time(a.starts_at),
          std::to_string(a.minutes),
          std::string(domain::code_of(domain::kContactKinds, a.kind)),
          std::string(domain::code_of(domain::kPlaces, a.place)),
          a.where,
          a.who,
          std::to_string(a.version)};
}
Values values_of(const Form& f) {
  return {f.get("date"),  f.get("time"),  f.get("minutes"), f.get("kind"),
          f.get("place"), f.get("where"), f.get("who"),     f.get("version")};
}

services::AppointmentInput input_of(const Form& f) {
  return {f.get("date"),  f.get("time"),  f.get("minutes"), f.get("kind"),
          f.get("place"), f.get("where"), f.get("who"),     form_version(f)};
}

std::vector<Control> appointment_controls(const Ctx& ctx, const Values& v) {
  std::vector<Control> out;
  out.push_back(date_control(ctx, "date", ctx.t("appointment.date"), v.date));
  Control time = text("time", ctx.t("appointment.time"), v.time);
  time.hint = ctx.t("appointment.time_hint");
  time.width = "10";
  time.inputmode = "numeric";
  time.autocomplete = "off";
  out.push_back(std::move(time));
  Control length = select("minutes", ctx.t("appointment.minutes"), {});
  bool listed = false;
  for (int m : kLengthChoices) {
    const std::string value = std::to_string(m);
    listed = listed || value == v.minutes;
    length.options.push_back({value, duration_text(ctx, m), value == v.minutes});
  }
  long long own = 0;
  if (!listed && parse_int(v.minutes, own) && own >= domain::kMinAppointmentMinutes &&
      own <= domain::kMaxAppointmentMinutes) {
    length.options.push_back({v.minutes, duration_text(ctx, static_cast<int>(own)), true});
  }
  out.push_back(std::move(length));
  out.push_back(select("kind", ctx.t("appointment.kind"),
                       options_of(ctx, "log_kind.", domain::kContactKinds, v.kind.empty() ? "mote" : v.kind)));
  out.push_back(select("place", ctx.t("appointment.place"),
                       options_of(ctx, "place.", domain::kPlaces, v.place.empty() ? "kontoret" : v.place)));
  Control where = text("where", ctx.t("appointment.where"), v.where);
  where.hint = ctx.t("appointment.where_hint", {{"max", std::to_string(domain::kMaxAppointmentWhere)}});
  where.optional_mark = true;
  where.autocomplete = "off";
  out.push_back(std::move(where));
  Control who = textarea("who", ctx.t("appointment.who"), v.who,
                         ctx.t("appointment.who_hint", {{"max", std::to_string(domain::kMaxAppointmentWho)}}));
  who.optional_mark = true;
  out.push_back(std::move(who));
  return out;
}

// "torsdag 10 december 2026, 14:00–15:00".
std::string when_text(const Ctx& ctx, const services::AppointmentView& a) {
  return long_date(ctx, local_date(a.starts_at)) + ", " + format_local_time(a.starts_at) + "–" +
         format_local_time(a.ends_at());
}

std::string place_text(const Ctx& ctx, const services::AppointmentView& a) {
  std::string s = label_of(ctx, "place.", domain::kPlaces, a.place);
  if (!a.where.empty()) s += ": " + a.where;
  return s;
}

Result<views::Page> appointments_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto list = OMBUD_TRY(services::appointments(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("appointment.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("appointment.lead", {{"name", v.display_name()}, {"code", v.code}})};
  views::Table t;
  t.title = ctx.t("appointment.list");
  t.columns = {ctx.t("appointment.col_when"), ctx.t("appointment.kind"), ctx.t("appointment.place"),
               ctx.t("appointment.who"), ctx.t("appointment.col_card")};
  for (const auto& a : list) {
    t.rows.push_back({{when_text(ctx, a), appointments_href(v.id, "/" + a.id), "", "", true},
                      {label_of(ctx, "log_kind.", domain::kContactKinds, a.kind)},
                      {place_text(ctx, a)},
                      {a.who},
                      {ctx.t("appointment.card_short"), appointments_href(v.id, "/" + a.id + "/card.pdf"), "", "",
                       false, ctx.t("appointment.card_for", {{"when", when_text(ctx, a)}})}});
  }
  t.empty_text = ctx.t("appointment.empty");
  page.tables.push_back(std::move(t));
  views::FormBlock f;
  f.heading = ctx.t("appointment.new");
  f.action = appointments_href(v.id);
  f.submit = ctx.t("appointment.add");
  f.after_tables = true;
  // A new meeting: an hour with the client at the office, unless changed.
  f.controls = appointment_controls(ctx, sent != nullptr ? values_of(*sent) : Values{"", "", "60", "mote", "kontoret"});
  page.forms.push_back(std::move(f));
  page.actions.push_back({ctx.t("nav.calendar"), "/calendar"});
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_appointments(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = appointments_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_appointments(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto added = services::add_appointment(ctx.s, *ctx.actor, v->id, input_of(*ctx.form));
  if (added) return redirect(appointments_href(v->id, "?notice=appointment_added"));
  if (is_refusal(added.error())) return page_error(ctx, added.error());
  auto page = appointments_page(ctx, *v, &*ctx.form);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, added.error());
}

views::Page appointment_page(const Ctx& ctx, const services::ClientView& v, const services::AppointmentView& a,
                             const Form* sent) {
  views::Page page;
  page.heading = ctx.t("appointment.edit_title", {{"when", when_text(ctx, a)}});
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("appointment.edit_lead", {{"name", v.display_name()}, {"code", v.code}})};
  const std::string href = appointments_href(v.id, "/" + a.id);
  views::FormBlock f;
  f.action = href;
  f.submit = ctx.t("appointment.save");
  f.cancel = {ctx.t("form.cancel"), appointments_href(v.id)};
  Values values = sent != nullptr ? values_of(*sent) : values_of(a);
  f.hidden = {{"version", values.version}};
  f.controls = appointment_controls(ctx, values);
  page.forms.push_back(std::move(f));
  page.forms.push_back(removal(ctx, href + "/remove", a.version, "appointment.remove_heading",
                               "appointment.remove_lead", "appointment.remove_confirm", "appointment.remove"));
  page.actions.push_back({ctx.t("appointment.card"), href + "/card.pdf"});
  page.actions.push_back({ctx.t("appointment.back"), appointments_href(v.id), true});
  return page;
}

Response show_appointment(Ctx& ctx, const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto a = services::appointment(ctx.s, *ctx.actor, v->id, ctx.param("appointment"));
  if (!a) return page_error(ctx, a.error());
  const bool resend = error && error->code != ErrorCode::kConflict && !ctx.form->has("confirmed");
  auto page = appointment_page(ctx, *v, *a, resend ? &*ctx.form : nullptr);
  if (!error) return page_response(ctx, page.heading, page);
  return page_with_errors(ctx, page, *error);
}

Response get_appointment(Ctx& ctx) {
  return show_appointment(ctx);
}

Response post_appointment(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  auto saved = services::edit_appointment(ctx.s, *ctx.actor, id, ctx.param("appointment"), input_of(*ctx.form));
  if (!saved) return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_appointment(ctx, saved.error());
  return redirect(appointments_href(id, "?notice=appointment_saved"));
}

Response post_appointment_remove(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") {
    return show_appointment(ctx, Error::field("confirmed", "appointment.remove_not_confirmed"));
  }
  auto st = services::remove_appointment(ctx.s, *ctx.actor, id, ctx.param("appointment"), form_version(f));
  if (!st) return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_appointment(ctx, st.error());
  return redirect(appointments_href(id, "?notice=appointment_removed"));
}

Response get_card(Ctx& ctx) {
  auto card = services::reminder_card(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("appointment"));
  if (!card) return page_error(ctx, card.error());
  return reminder_card_pdf(ctx, *card);
}

// ---- The ombud's calendar and its feed ---------------------------------------------------------

Result<views::Page> calendar_page(Ctx& ctx, const std::string& new_token) {
  auto entries = OMBUD_TRY(services::my_calendar(ctx.s, *ctx.actor, kCalendarDays));
  auto feed_made = OMBUD_TRY(services::calendar_feed_made(ctx.s, *ctx.actor));
  views::Page page;
  page.heading = ctx.t("calendar.title");
  page.lead = {ctx.t("calendar.lead", {{"weeks", std::to_string(kCalendarDays / 7)}})};
  std::optional<Date> day;
  for (const auto& e : entries) {
    const Date on = local_date(e.appointment.starts_at);
    if (!day || *day != on) {
      day = on;
      views::Table t;
      t.title = long_date(ctx, on);
      t.columns = {ctx.t("calendar.col_time"), ctx.t("calendar.col_client"), ctx.t("appointment.kind"),
                   ctx.t("appointment.place")};
      page.tables.push_back(std::move(t));
    }
    const auto& a = e.appointment;
    page.tables.back().rows.push_back({{format_local_time(a.starts_at) + "–" + format_local_time(a.ends_at()),
                                        appointments_href(a.client_id, "/" + a.id), "", "", true,
                                        ctx.t("calendar.time_for", {{"code", e.client_code}})},
                                       {e.client_name + " (" + e.client_code + ")", client_href(a.client_id)},
                                       {label_of(ctx, "log_kind.", domain::kContactKinds, a.kind)},
                                       {place_text(ctx, a)}});
  }
  if (entries.empty()) page.lead.push_back(ctx.t("calendar.empty"));

  views::FormBlock feed;
  feed.heading = ctx.t("calendar.feed_heading");
  feed.lead = ctx.t("calendar.feed_lead");
  feed.action = "/calendar/feed";
  feed.after_tables = true;
  feed.secondary_button = feed_made.has_value();
  feed.submit = ctx.t(feed_made ? "calendar.feed_renew" : "calendar.feed_make");
  page.forms.push_back(std::move(feed));
  if (!new_token.empty()) {
    views::Callout made;
    made.kind = "info";
    made.heading = ctx.t("calendar.feed_made_heading");
    made.paragraphs = {ctx.t("calendar.feed_made_lead"), calendar_feed_address(ctx, new_token, false),
                       ctx.t("calendar.feed_made_once")};
    made.links = {{ctx.t("calendar.feed_subscribe"), calendar_feed_address(ctx, new_token, true)}};
    page.callouts.push_back(std::move(made));
  }
  if (feed_made) {
    page.facts.emplace_back(ctx.t("calendar.feed_since"), format_local_minute(*feed_made));
    views::FormBlock revoke;
    revoke.heading = ctx.t("calendar.feed_revoke_heading");
    revoke.lead = ctx.t("calendar.feed_revoke_lead");
    revoke.action = "/calendar/feed/revoke";
    revoke.after_tables = true;
    revoke.danger_button = true;
    revoke.submit = ctx.t("calendar.feed_revoke");
    page.forms.push_back(std::move(revoke));
  }
  return page;
}

Response get_calendar(Ctx& ctx) {
  auto page = calendar_page(ctx, "");
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_feed(Ctx& ctx) {
  auto token = services::make_calendar_feed(ctx.s, *ctx.actor);
  if (!token) return page_error(ctx, token.error());
  auto page = calendar_page(ctx, *token);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_feed_revoke(Ctx& ctx) {
  auto st = services::revoke_calendar_feed(ctx.s, *ctx.actor);
  if (!st) return page_error(ctx, st.error());
  return redirect("/calendar?notice=feed_revoked");
}

// The feed as the phone's calendar reads it: a neutral title and the place's category, nothing
// else (services/calendar_feed_service.hpp).
std::string ical_feed(const Ctx& ctx, const services::Feed& feed) {
  exporter::Calendar cal;
  cal.name = ctx.t("calendar.feed_name");
  cal.stamp = feed.made_at;
  for (const auto& e : feed.events) {
    cal.events.push_back({e.uid + "@ombud", e.starts_at, e.ends_at, ctx.t("calendar.feed_title"),
                          label_of(ctx, "feed_place.", domain::kPlaces, e.place), e.sequence});
  }
  return exporter::render_ical(cal);
}

Response get_feed(Ctx& ctx) {
  auto feed = services::calendar_feed(ctx.s, ctx.param("token"), ctx.req.remote_address);
  if (!feed) {
    Response r = text_response(404, ctx.t("calendar.feed_not_found") + "\n");
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  Response r = text_response(200, ical_feed(ctx, *feed), "text/calendar; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_appointment_routes(Router& router) {
  router.add({"GET", "/clients/{id}/appointments", Permission::kRecordWork, RouteKind::kPage, get_appointments});
  router.add({"POST", "/clients/{id}/appointments", Permission::kRecordWork, RouteKind::kPage, post_appointments});
  router.add(
      {"GET", "/clients/{id}/appointments/{appointment}", Permission::kRecordWork, RouteKind::kPage, get_appointment});
  router.add({"POST", "/clients/{id}/appointments/{appointment}", Permission::kRecordWork, RouteKind::kPage,
              post_appointment});
  router.add({"POST", "/clients/{id}/appointments/{appointment}/remove", Permission::kRecordWork, RouteKind::kPage,
              post_appointment_remove});
  router.add({"GET", "/clients/{id}/appointments/{appointment}/card.pdf", Permission::kRecordWork, RouteKind::kPage,
              get_card});
  router.add({"GET", "/calendar", Permission::kRecordWork, RouteKind::kPage, get_calendar});
  router.add({"POST", "/calendar/feed", Permission::kRecordWork, RouteKind::kPage, post_feed});
  router.add({"POST", "/calendar/feed/revoke", Permission::kRecordWork, RouteKind::kPage, post_feed_revoke});
  router.add({"GET", "/calendar/feed/{token}", Permission::kPublic, RouteKind::kPage, get_feed});
}

}  // namespace ombud::http
