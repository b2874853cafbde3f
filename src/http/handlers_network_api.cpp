// src/http/handlers_network_api.cpp
//
// The JSON API beside the network and consent pages (handlers_network.cpp), over the same
// services: /api/v1/clients/{id}/network and /api/v1/clients/{id}/consents.
#include "core/text.hpp"
#include "http/app.hpp"
#include "http/json_input.hpp"
#include "services/consent_service.hpp"
#include "services/network_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

json date_or_null(const std::optional<Date>& d) {
  return d ? json(format_date(*d)) : json(nullptr);
}

std::string_view standing_code(domain::ConsentStanding s) {
  using S = domain::ConsentStanding;
  switch (s) {
    case S::kValid: return "valid";
    case S::kExpired: return "expired";
    case S::kRevoked: return "revoked";
    case S::kNotYetValid: return "not_yet_valid";
    case S::kMissing: break;
  }
  return "missing";
}

std::string_view state_code(domain::ConsentState s) {
  using S = domain::ConsentState;
  switch (s) {
    case S::kValid: return "valid";
    case S::kNotYetValid: return "not_yet_valid";
    case S::kExpired: return "expired";
    case S::kRevoked: break;
  }
  return "revoked";
}

json person_json(const services::NetworkPerson& p) {
  return {{"id", p.id},
          {"kind", std::string(domain::code_of(domain::kNetworkKinds, p.kind))},
          {"group", std::string(domain::code_of(domain::kNetworkGroups, domain::group_of(p.kind)))},
          {"name", p.name},
          {"does", p.does},
          {"contact_agreed", p.contact_agreed},
          {"contact", p.contact},
          {"consent", {{"standing", std::string(standing_code(p.consent))}, {"until", date_or_null(p.consent_until)}}},
          {"version", p.version}};
}

services::NetworkInput person_input(JsonInput& in, bool edit) {
  services::NetworkInput p;
  p.kind = in.string("kind", true);
  p.name = in.string("name", true);
  p.does = in.string("does", false);
  p.contact_agreed = in.boolean("contact_agreed", false).value_or(false);
  p.contact = in.string("contact", false);
  if (edit) p.version = static_cast<int>(in.integer("version", true).value_or(-1));
  return p;
}

Response get_network(Ctx& ctx) {
  auto map = services::network_map(ctx.s, *ctx.actor, ctx.param("id"));
  if (!map) return api_error(ctx, map.error());
  json people = json::array();
  for (const auto& p : map->people)
    people.push_back(person_json(p));
  return json_response(200, {{"network", people}});
}

Response post_network(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = person_input(in, false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_network_entry(ctx.s, *ctx.actor, ctx.param("id"), input);
  if (!added) return api_error(ctx, added.error());
  return json_response(201, person_json(*added));
}

Response get_person(Ctx& ctx) {
  auto p = services::network_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("person"));
  if (!p) return api_error(ctx, p.error());
  return json_response(200, person_json(*p));
}

Response put_person(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = person_input(in, true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::edit_network_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("person"), input);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, person_json(*saved));
}

Response delete_person(Ctx& ctx) {
  auto version = query_version(ctx);
  if (!version) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_network_entry(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("person"), *version);
  if (!st) return api_error(ctx, st.error());
  return no_content();
}

json consent_json(const services::ConsentRecord& c) {
  json scopes = json::array();
  for (auto s : c.terms.scopes)
    scopes.push_back(std::string(domain::code_of(domain::kConsentScopes, s)));
  return {{"id", c.id},
          {"network_id", c.network_id},
          {"network_name", c.network_name},
          {"scopes", scopes},
          {"matter", c.terms.matter},
          {"form", std::string(domain::code_of(domain::kConsentForms, c.terms.form))},
          {"from", format_date(c.terms.from)},
          {"until", date_or_null(c.terms.until)},
          {"revoked_on", date_or_null(c.terms.revoked_on)},
          {"state", std::string(state_code(c.state))},
          {"version", c.version}};
}

services::ConsentInput consent_input(JsonInput& in, bool edit) {
  services::ConsentInput c;
  c.network_id = in.string("network_id", true);
  c.scopes = in.strings("scopes", true);
  c.matter = in.string("matter", false);
  c.form = in.string("form", true);
  c.from = in.string("from", false);
  c.until = in.string("until", false);
  if (edit) c.version = static_cast<int>(in.integer("version", true).value_or(-1));
  return c;
}

Response get_consents(Ctx& ctx) {
  auto list = services::consents(ctx.s, *ctx.actor, ctx.param("id"));
  if (!list) return api_error(ctx, list.error());
  json out = json::array();
  for (const auto& c : *list)
    out.push_back(consent_json(c));
  return json_response(200, {{"consents", out}});
}

Response post_consent(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = consent_input(in, false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_consent(ctx.s, *ctx.actor, ctx.param("id"), input);
  if (!added) return api_error(ctx, added.error());
  return json_response(201, consent_json(*added));
}

Response get_consent(Ctx& ctx) {
  auto c = services::consent(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"));
  if (!c) return api_error(ctx, c.error());
  return json_response(200, consent_json(*c));
}

Response put_consent(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto input = consent_input(in, true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::edit_consent(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"), input);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, consent_json(*saved));
}

Response post_revoke(Ctx& ctx) {
  JsonInput in(ctx.json);
  const int version = static_cast<int>(in.integer("version", true).value_or(-1));
  if (auto e = in.error()) return api_error(ctx, *e);
  auto done = services::revoke_consent(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"), version);
  if (!done) return api_error(ctx, done.error());
  return json_response(200, consent_json(*done));
}

Response delete_consent(Ctx& ctx) {
  auto version = query_version(ctx);
  if (!version) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_consent(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("consent"), *version);
  if (!st) return api_error(ctx, st.error());
  return no_content();
}

}  // namespace

void register_network_api_routes(Router& router) {
  const auto add = [&](const char* method, const char* path, Handler h) {
    router.add({method, path, Permission::kRecordWork, RouteKind::kApi, std::move(h)});
  };
  add("GET", "/api/v1/clients/{id}/network", get_network);
  add("POST", "/api/v1/clients/{id}/network", post_network);
  add("GET", "/api/v1/clients/{id}/network/{person}", get_person);
  add("PUT", "/api/v1/clients/{id}/network/{person}", put_person);
  add("DELETE", "/api/v1/clients/{id}/network/{person}", delete_person);
  add("GET", "/api/v1/clients/{id}/consents", get_consents);
  add("POST", "/api/v1/clients/{id}/consents", post_consent);
  add("GET", "/api/v1/clients/{id}/consents/{consent}", get_consent);
  add("PUT", "/api/v1/clients/{id}/consents/{consent}", put_consent);
  add("POST", "/api/v1/clients/{id}/consents/{consent}/revoke", post_revoke);
  add("DELETE", "/api/v1/clients/{id}/consents/{consent}", delete_consent);
}

}  // namespace ombud::http
