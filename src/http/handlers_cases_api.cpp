// src/http/handlers_cases_api.cpp
//
// The JSON API of the case work, over the same use cases as the pages (docs/openapi.json).
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "http/json_input.hpp"
#include "services/config_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

// A string field that may also be given as an integer (birth_year: 1990 or "1990").
std::string text_or_number(JsonInput& in, const json& body, const char* name, bool required) {
  in.known(name);
  if (body.is_object() && body.contains(name) && body[name].is_number_integer()) {
    return std::to_string(body[name].get<long long>());
  }
  return in.string(name, required);
}

int version_field(JsonInput& in) {
  return static_cast<int>(in.integer("version", true).value_or(-1));
}

Response client_result(Ctx& ctx, const Result<services::ClientView>& r, int status = 200) {
  if (!r) return api_error(ctx, r.error());
  json out = client_json(*r);
  auto cfg = services::current_config(ctx.s, ctx.actor->operation_id);
  if (!cfg) return api_error(ctx, cfg.error());
  if (auto tell = what_to_tell(ctx, r->state, cfg->config)) {
    json calls = json::array();
    for (const auto& c : tell->calls) {
      calls.push_back({{"label", c.label},
                       {"number", c.number.empty() ? json(nullptr) : json(c.number)},
                       {"tel", c.dial.empty() ? json(nullptr) : json("tel:" + c.dial)},
                       {"note", c.note}});
    }
    out["tell_the_person"] = {{"heading", tell->heading}, {"texts", tell->paragraphs}, {"calls", calls}};
  }
  return json_response(status, out);
}

Response post_contact(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::NewContact c;
  c.contact_date = in.string("contact_date", false);
  c.channel = in.string("channel", true);
  c.contact_by = in.string("contact_by", true);
  c.alias = in.string("alias", false);
  c.reach = in.string("reach", false);
  c.municipality = in.string("municipality", true);
  c.birth_year = text_or_number(in, ctx.json, "birth_year", true);
  c.gender = in.string("gender", true);
  c.own_wish = in.boolean("own_wish", false).value_or(false);
  c.confirmed_adult = in.boolean("confirmed_adult", false).value_or(false);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::record_contact(ctx.s, *ctx.actor, c), 201);
}

Response post_inquiry(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::Under18Inquiry q{in.string("channel", true), in.string("contact_by", true),
                             in.string("municipality", false)};
  if (auto e = in.error()) return api_error(ctx, *e);
  if (auto st = services::count_under_18_inquiry(ctx.s, *ctx.actor, q); !st) return api_error(ctx, st.error());
  return json_response(201, {{"counted", true}});
}

Response get_clients(Ctx& ctx) {
  std::optional<domain::CaseState> state;
  if (!ctx.query("state").empty()) {
    state = domain::parse_code(domain::kCaseStates, ctx.query("state"));
    if (!state) return api_error(ctx, Error::field("state", "field.invalid"));
  }
  // Paged: `limit` (1–200, 50 unless given) cases from page `page` (from 1), with the total.
  auto limit = query_number(ctx, "limit", 50, services::kMaxPerPage);
  if (!limit) return api_error(ctx, Error::field("limit", "list.limit_invalid"));
  auto page = query_number(ctx, "page", 1, 100000);
  if (!page) return api_error(ctx, Error::field("page", "list.page_invalid"));
  auto list = services::list_client_page(ctx.s, *ctx.actor, state, static_cast<int>(*page), static_cast<int>(*limit));
  if (!list) return api_error(ctx, list.error());
  json out = json::array();
  for (const auto& l : list->lines) {
    out.push_back({{"id", l.id},
                   {"code", l.code},
                   {"name", l.name},
                   {"state", std::string(domain::code_of(domain::kCaseStates, l.state))},
                   {"first_contact_on", format_date(l.first_contact_on)},
                   {"primary_ombud", l.primary_ombud_id ? json(*l.primary_ombud_id) : json(nullptr)}});
  }
  return json_response(200, {{"clients", out},
                             {"total", list->total},
                             {"page", list->page},
                             {"limit", list->per_page},
                             {"pages", list->pages()}});
}

Response get_client(Ctx& ctx) {
  return client_result(ctx, services::get_client(ctx.s, *ctx.actor, ctx.param("id")));
}

Response post_own_wish(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::OwnWishInput w{version_field(in), in.string("date", false), in.string("how", true), ""};
  if (auto by = in.integer("received_by", false)) w.received_by = std::to_string(*by);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::confirm_own_wish(ctx.s, *ctx.actor, ctx.param("id"), w));
}

Response post_assessment(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::AssessmentInput a;
  a.version = version_field(in);
  a.date = in.string("date", false);
  a.outcome = in.string("outcome", true);
  a.reason = in.string("reason", false);
  auto yn = [&](const char* name) -> std::string {
    auto b = in.boolean(name, false);
    return b ? (*b ? "ja" : "nej") : "";
  };
  a.significant_disability = yn("significant_disability");
  a.complex_needs = yn("complex_needs");
  a.own_will = yn("own_will");
  a.no_substance_abuse = yn("no_substance_abuse");
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::assess(ctx.s, *ctx.actor, ctx.param("id"), a));
}

Response post_orientation(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::BookingInput b;
  b.version = version_field(in);
  b.date = in.string("date", true);
  b.time = in.string("time", false);
  b.place = in.string("place", true);
  in.known("ombud");
  if (ctx.json.is_object() && ctx.json.contains("ombud") && ctx.json["ombud"].is_array()) {
    for (const auto& id : ctx.json["ombud"]) {
      if (id.is_number_integer()) {
        b.ombud.push_back(std::to_string(id.get<long long>()));
      } else {
        in.add_error("ombud", "field.invalid");
        break;
      }
    }
  } else {
    in.add_error("ombud", "field.required");
  }
  b.trusted_person = in.boolean("trusted_person", false).value_or(false);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::book_orientation(ctx.s, *ctx.actor, ctx.param("id"), b));
}

Response post_orientation_held(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::OrientationHeldInput h;
  h.version = version_field(in);
  h.held_on = in.string("held_on", false);
  h.decision = in.string("decision", true);
  h.priorities = in.strings("priorities", false);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::record_orientation(ctx.s, *ctx.actor, ctx.param("id"), h));
}

Response post_priorities(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::PrioritiesInput p{version_field(in), in.strings("priorities", true)};
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::set_priorities(ctx.s, *ctx.actor, ctx.param("id"), p));
}

Response post_assignment(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::AssignInput a;
  a.version = version_field(in);
  auto ombud = in.integer("ombud", true);
  a.ombud = ombud ? std::to_string(*ombud) : "";
  a.date = in.string("date", false);
  a.reason = in.string("reason", false);
  a.bypass_reason = in.string("bypass_reason", false);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::assign(ctx.s, *ctx.actor, ctx.param("id"), a));
}

Response post_details(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::DetailsInput d;
  d.version = version_field(in);
  d.alias = in.string("alias", false);
  d.reach = in.string("reach", false);
  d.municipality = in.string("municipality", true);
  d.birth_year = text_or_number(in, ctx.json, "birth_year", true);
  d.gender = in.string("gender", true);
  d.confirmed_adult = in.boolean("confirmed_adult", false).value_or(false);
  d.moved_on = in.string("moved_on", false);
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::update_details(ctx.s, *ctx.actor, ctx.param("id"), d));
}

Response post_status(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::StatusInput st{version_field(in), in.string("action", true), in.string("date", false),
                           in.string("reason", false), in.boolean("confirmed", false).value_or(false)};
  if (auto e = in.error()) return api_error(ctx, *e);
  return client_result(ctx, services::change_status(ctx.s, *ctx.actor, ctx.param("id"), st));
}

Response get_queue(Ctx& ctx) {
  auto q = services::queue(ctx.s, *ctx.actor);
  if (!q) return api_error(ctx, q.error());
  json lines = json::array();
  for (const auto& l : q->lines) {
    json groups = json::array();
    for (const auto& [label, weight] : l.groups)
      groups.push_back({{"label", label}, {"weight_days", weight}});
    std::string why = ctx.t_count("queue.waited", "days", l.waited_days);
    for (const auto& [label, weight] : l.groups) {
      why += " + " + ctx.t_count("queue.priority", "weight", weight, {{"group", label}});
    }
    lines.push_back({{"position", l.position},
                     {"client_id", l.client_id},
                     {"code", l.code},
                     {"entered_on", format_date(l.entered_on)},
                     {"waited_days", l.waited_days},
                     {"score", l.score},
                     {"priority_groups", groups},
                     {"explanation", why},
                     {"version", l.version}});
  }
  return json_response(200, {{"queue", lines}, {"config_version", q->config_version}});
}

Response get_deadlines(Ctx& ctx) {
  auto d = services::deadlines(ctx.s, *ctx.actor);
  if (!d) return api_error(ctx, d.error());
  static constexpr const char* kStatus[] = {"not_booked", "due_soon", "overdue", "booked_late"};
  json lines = json::array();
  for (const auto& l : d->lines) {
    lines.push_back({{"client_id", l.client_id},
                     {"code", l.code},
                     {"state", std::string(domain::code_of(domain::kCaseStates, l.state))},
                     {"first_contact_on", format_date(l.first_contact_on)},
                     {"deadline", format_date(l.deadline)},
                     {"days_left", l.days_left},
                     {"status", kStatus[static_cast<int>(l.status)]},
                     {"booked_on", l.booked_on ? json(format_date(*l.booked_on)) : json(nullptr)}});
  }
  return json_response(200, {{"deadlines", lines},
                             {"day_kind", d->day_kind == domain::DayKind::kWorking ? "working" : "calendar"},
                             {"deadline_days", d->deadline_days}});
}

Response get_caseload(Ctx& ctx) {
  auto loads = services::caseload(ctx.s, *ctx.actor);
  if (!loads) return api_error(ctx, loads.error());
  json out = json::array();
  for (const auto& l : *loads) {
    out.push_back({{"user_id", l.user_id},
                   {"name", l.display_name},
                   {"disabled", l.disabled},
                   {"active", l.active},
                   {"paused", l.paused},
                   {"closing", l.closing},
                   {"orientation_bookings", l.orientation_bookings}});
  }
  return json_response(200, {{"caseload", out}});
}

Response get_config(Ctx& ctx) {
  auto c = services::current_config(ctx.s, ctx.actor->operation_id);
  if (!c) return api_error(ctx, c.error());
  return json_response(200, {{"version", c->version}, {"config", json::parse(services::config_to_json(c->config))}});
}

Response put_config(Ctx& ctx) {
  JsonInput in(ctx.json);
  int expected = version_field(in);
  in.known("config");
  if (auto e = in.error()) return api_error(ctx, *e);
  if (!ctx.json.contains("config") || !ctx.json["config"].is_object()) {
    return api_error(ctx, Error::field("config", "field.required"));
  }
  auto parsed = services::config_from_json(ctx.json["config"].dump());
  if (!parsed) return api_error(ctx, Error::field("config", "field.invalid"));
  auto saved = services::change_config(ctx.s, *ctx.actor, *parsed, expected);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, {{"version", *saved}});
}

}  // namespace

void register_case_api_routes(Router& router) {
  router.add({"POST", "/api/v1/contacts", Permission::kRecordContact, RouteKind::kApi, post_contact});
  router.add({"POST", "/api/v1/inquiries", Permission::kRecordContact, RouteKind::kApi, post_inquiry});
  router.add({"GET", "/api/v1/clients", Permission::kViewClient, RouteKind::kApi, get_clients});
  router.add({"GET", "/api/v1/clients/{id}", Permission::kViewClient, RouteKind::kApi, get_client});
  router.add({"POST", "/api/v1/clients/{id}/own-wish", Permission::kAssess, RouteKind::kApi, post_own_wish});
  router.add({"POST", "/api/v1/clients/{id}/assessment", Permission::kAssess, RouteKind::kApi, post_assessment});
  router.add(
      {"POST", "/api/v1/clients/{id}/orientation", Permission::kBookOrientation, RouteKind::kApi, post_orientation});
  router.add({"POST", "/api/v1/clients/{id}/orientation/held", Permission::kBookOrientation, RouteKind::kApi,
              post_orientation_held});
  router.add(
      {"POST", "/api/v1/clients/{id}/priorities", Permission::kBookOrientation, RouteKind::kApi, post_priorities});
  router.add({"POST", "/api/v1/clients/{id}/assignment", Permission::kAssign, RouteKind::kApi, post_assignment});
  router.add({"POST", "/api/v1/clients/{id}/details", Permission::kEditClientDetails, RouteKind::kApi, post_details});
  router.add({"POST", "/api/v1/clients/{id}/status", Permission::kChangeClientStatus, RouteKind::kApi, post_status});
  router.add({"GET", "/api/v1/queue", Permission::kViewQueue, RouteKind::kApi, get_queue});
  router.add({"GET", "/api/v1/deadlines", Permission::kViewQueue, RouteKind::kApi, get_deadlines});
  router.add({"GET", "/api/v1/caseload", Permission::kViewQueue, RouteKind::kApi, get_caseload});
  router.add({"GET", "/api/v1/config", Permission::kViewOperationConfig, RouteKind::kApi, get_config});
  router.add({"PUT", "/api/v1/config", Permission::kEditPriorities, RouteKind::kApi, put_config});
}

}  // namespace ombud::http
