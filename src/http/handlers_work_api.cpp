// src/http/handlers_work_api.cpp
//
// The JSON API beside the work pages (handlers_work.cpp), over the same services: the contact
// log under /api/v1/clients/{id}/contacts and the needs mapping under /api/v1/clients/{id}/mapping.
#include "core/text.hpp"
#include "http/app.hpp"
#include "http/json_input.hpp"
#include "services/contact_log_service.hpp"
#include "services/mapping_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

json entry_json(const services::ContactLogEntry& e) {
  return {{"id", e.id},
          {"date", format_date(e.on)},
          {"kind", std::string(domain::code_of(domain::kContactKinds, e.kind))},
          {"place", e.place ? json(std::string(domain::code_of(domain::kPlaces, *e.place))) : json(nullptr)},
          {"letter", e.letter ? json(std::string(domain::code_of(domain::kLetterKinds, *e.letter))) : json(nullptr)},
          {"counterpart", std::string(domain::code_of(domain::kCounterparts, e.counterpart))},
          {"network_id", e.network_id ? json(*e.network_id) : json(nullptr)},
          {"network_name", e.network_id ? json(e.network_name) : json(nullptr)},
          {"minutes", e.minutes},
          {"note", e.note},
          {"version", e.version}};
}

services::ContactEntryInput entry_input(JsonInput& in, bool edit) {
  services::ContactEntryInput e;
  e.date = in.string("date", false);
  e.kind = in.string("kind", true);
  e.place = in.string("place", false);
  e.letter = in.string("letter", false);
  e.network_id = in.string("network_id", false);
  e.counterpart = in.string("counterpart", e.network_id.empty());
  auto minutes = in.integer("minutes", true);
  e.minutes = minutes ? std::to_string(*minutes) : std::string();
  e.note = in.string("note", false);
  if (edit) e.version = static_cast<int>(in.integer("version", true).value_or(-1));
  return e;
}

Response get_contacts(Ctx& ctx) {
  auto page = query_number(ctx, "page", 1, 100000);
  if (!page) return api_error(ctx, Error::field("page", "list.page_invalid"));
  auto limit = query_number(ctx, "limit", 20, services::kMaxLogPerPage);
  if (!limit) return api_error(ctx, Error::field("limit", "list.limit_invalid"));
  auto log =
      services::contact_log(ctx.s, *ctx.actor, ctx.param("id"), static_cast<int>(*page), static_cast<int>(*limit));
  if (!log) return api_error(ctx, log.error());
  json entries = json::array();
  for (const auto& e : log->entries)
    entries.push_back(entry_json(e));
  return json_response(200, {{"contacts", entries},
                             {"total", log->total},
                             {"total_minutes", log->total_minutes},
                             {"page", log->page},
                             {"limit", log->limit},
                             {"pages", log->pages()}});
}

Response post_contact(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = entry_input(in, false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_contact_entry(ctx.s, *ctx.actor, ctx.param("id"), input);
  if (!added) return api_error(ctx, added.error());
  return json_response(201, entry_json(*added));
}

Response get_contact(Ctx& ctx) {
  auto e = services::contact_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("entry"));
  if (!e) return api_error(ctx, e.error());
  return json_response(200, entry_json(*e));
}

Response put_contact(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = entry_input(in, true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::edit_contact_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("entry"), input);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, entry_json(*saved));
}

Response delete_contact(Ctx& ctx) {
  auto version = query_version(ctx);
  if (!version) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_contact_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("entry"), *version);
  if (!st) return api_error(ctx, st.error());
  Response res;
  res.status = 204;
  return res;
}

json mapping_json(const services::NeedsMapping& m) {
  json areas = json::array();
  for (const auto& a : m.areas) {
    areas.push_back({{"area", a.area},
                     {"label", a.label},
                     {"words", a.words},
                     {"wants_help", a.wants_help},
                     {"version", a.version}});
  }
  return {{"areas", areas}, {"updated_at", m.updated_at ? json(format_utc(*m.updated_at)) : json(nullptr)}};
}

Response get_mapping(Ctx& ctx) {
  auto m = services::needs_mapping(ctx.s, *ctx.actor, ctx.param("id"));
  if (!m) return api_error(ctx, m.error());
  return json_response(200, mapping_json(*m));
}

Response put_mapping(Ctx& ctx) {
  JsonInput in(ctx.json);
  in.known("areas");
  if (auto e = in.error()) return api_error(ctx, *e);
  const json* list = ctx.json.contains("areas") ? &ctx.json["areas"] : nullptr;
  if (list == nullptr || !list->is_array()) return api_error(ctx, Error::field("areas", "field.required"));
  std::vector<services::NeedInput> areas;
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& a = (*list)[i];
    const std::string at = "areas." + std::to_string(i);
    JsonInput item(a);
    services::NeedInput need;
    need.area = item.string("area", true);
    need.words = item.string("words", false);
    need.wants_help = item.boolean("wants_help", false).value_or(false);
    need.version = static_cast<int>(item.integer("version", true).value_or(-1));
    if (!a.is_object()) {
      errors.push_back({at, "field.invalid"});
    } else if (auto e = item.error()) {
      for (const auto& f : e->fields)
        errors.push_back({at + "." + f.field, f.message_key});
    }
    areas.push_back(std::move(need));
  }
  if (!errors.empty()) return api_error(ctx, Error::invalid("error.invalid_input", std::move(errors)));
  auto saved = services::save_needs_mapping(ctx.s, *ctx.actor, ctx.param("id"), areas);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, mapping_json(*saved));
}

}  // namespace

void register_work_api_routes(Router& router) {
  router.add({"GET", "/api/v1/clients/{id}/contacts", Permission::kRecordWork, RouteKind::kApi, get_contacts});
  router.add({"POST", "/api/v1/clients/{id}/contacts", Permission::kRecordWork, RouteKind::kApi, post_contact});
  router.add({"GET", "/api/v1/clients/{id}/contacts/{entry}", Permission::kRecordWork, RouteKind::kApi, get_contact});
  router.add({"PUT", "/api/v1/clients/{id}/contacts/{entry}", Permission::kRecordWork, RouteKind::kApi, put_contact});
  router.add(
      {"DELETE", "/api/v1/clients/{id}/contacts/{entry}", Permission::kRecordWork, RouteKind::kApi, delete_contact});
  router.add({"GET", "/api/v1/clients/{id}/mapping", Permission::kRecordWork, RouteKind::kApi, get_mapping});
  router.add({"PUT", "/api/v1/clients/{id}/mapping", Permission::kRecordWork, RouteKind::kApi, put_mapping});
}

}  // namespace ombud::http
