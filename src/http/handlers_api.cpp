// src/http/handlers_api.cpp
//
// The JSON API of the foundation: sessions, the current user, the OpenAPI document.
#include "core/embedded.hpp"
#include "core/time.hpp"
#include "http/app.hpp"
#include "http/json_input.hpp"
#include "services/auth_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;

nlohmann::json me_json(const services::Actor& a) {
  return {{"username", a.username},
          {"display_name", a.display_name},
          {"role", std::string(domain::role_name(a.role))},
          {"operation_id", a.operation_id},
          {"csrf_token", a.csrf_token},
          {"must_change_password", a.must_change_password},
          {"session_expires_at", format_utc(a.session_expires_at)}};
}

Response post_session(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::LoginRequest req;
  req.username = in.string("username", true);
  req.password = in.string("password", true);
  if (auto e = in.error()) return api_error(ctx, *e);
  req.address = ctx.req.remote_address;
  std::string old = ctx.req.cookie(ctx.app.session_cookie_name());
  if (!old.empty()) req.old_token = old;
  auto result = services::login(ctx.s, req);
  if (!result) return api_error(ctx, result.error());
  Response res = json_response(201, me_json(result->actor));
  res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.session_cookie_name(), result->token));
  return res;
}

Response delete_session(Ctx& ctx) {
  if (auto st = services::logout(ctx.s, *ctx.actor); !st) return api_error(ctx, st.error());
  Response res;
  res.status = 204;
  res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.session_cookie_name(), "", 0));
  return res;
}

Response get_me(Ctx& ctx) {
  return json_response(200, me_json(*ctx.actor));
}

Response get_openapi(Ctx& ctx) {
  auto doc = core::find_embedded("docs/openapi.json");
  if (!doc) return api_error(ctx, Error::not_found());
  Response res = text_response(200, std::string(*doc), "application/json");
  res.set_header("Cache-Control", "no-cache");
  return res;
}

}  // namespace

void register_api_routes(Router& router) {
  router.add({"POST", "/api/v1/session", Permission::kPublic, RouteKind::kApi, post_session, Offload::kPasswordHash});
  router.add({"DELETE", "/api/v1/session", Permission::kOwnAccount, RouteKind::kApi, delete_session});
  router.add({"GET", "/api/v1/me", Permission::kOwnAccount, RouteKind::kApi, get_me});
  router.add({"GET", "/api/v1/openapi.json", Permission::kPublic, RouteKind::kApi, get_openapi});
}

}  // namespace ombud::http
