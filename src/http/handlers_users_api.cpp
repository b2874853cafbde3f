// src/http/handlers_users_api.cpp
//
// The JSON API beside the admin's user pages (handlers_users.cpp), over the same services: list,
// add, read, change role, disable or enable, hand out a one-time password; and every user's own
// password change, the only call open while a one-time password must be replaced.
#include "core/text.hpp"
#include "http/app.hpp"
#include "http/json_input.hpp"
#include "services/auth_service.hpp"
#include "services/user_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

json user_json(const services::UserSummary& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", std::string(domain::role_name(u.role))},
          {"disabled", u.disabled},
          {"must_change_password", u.must_change_password},
          {"last_login_at", u.last_login_at ? json(format_utc(*u.last_login_at)) : json(nullptr)},
          {"created_at", format_utc(u.created_at)},
          {"password_changed_at", format_utc(u.password_changed_at)},
          {"version", u.version}};
}

std::optional<int> version_of(JsonInput& in) {
  auto v = in.integer("version", false);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

// The user as it is now, after a change.
Response user_answer(Ctx& ctx, long long id, int status = 200) {
  auto d = services::user_detail(ctx.s, services::UserAdministrator::of(*ctx.actor), id);
  if (!d) return api_error(ctx, d.error());
  json body = user_json(d->user);
  body["cases_held"] = d->cases_held;
  return json_response(status, body);
}

Response get_users(Ctx& ctx) {
  auto users = services::list_users(ctx.s, services::UserAdministrator::of(*ctx.actor), ctx.actor->operation_id);
  if (!users) return api_error(ctx, users.error());
  json list = json::array();
  for (const auto& u : *users)
    list.push_back(user_json(u));
  return json_response(200, {{"users", list}});
}

Response post_user(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::NewUser nu;
  nu.username = in.string("username", true);
  nu.display_name = in.string("display_name", true);
  nu.role = in.string("role", true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_user(ctx.s, services::UserAdministrator::of(*ctx.actor), nu);
  if (!added) return api_error(ctx, added.error());
  Response res = user_answer(ctx, added->id, 201);
  if (res.status != 201) return res;
  json body = json::parse(res.body);
  body["one_time_password"] = added->one_time_password;
  return json_response(201, body);
}

Response get_user(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return api_error(ctx, id.error());
  return user_answer(ctx, *id);
}

Response post_role(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return api_error(ctx, id.error());
  JsonInput in(ctx.json);
  std::string role = in.string("role", true);
  auto version = version_of(in);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto st = services::set_role(ctx.s, services::UserAdministrator::of(*ctx.actor), *id, role, version);
  if (!st) return api_error(ctx, st.error());
  return user_answer(ctx, *id);
}

Response post_status(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return api_error(ctx, id.error());
  JsonInput in(ctx.json);
  std::string action = in.string("action", true);
  auto version = version_of(in);
  if (!action.empty() && action != "disable" && action != "enable") in.add_error("action", "users.action_invalid");
  if (auto e = in.error()) return api_error(ctx, *e);
  auto st =
      services::set_disabled(ctx.s, services::UserAdministrator::of(*ctx.actor), *id, action == "disable", version);
  if (!st) return api_error(ctx, st.error());
  return user_answer(ctx, *id);
}

Response post_reset(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return api_error(ctx, id.error());
  JsonInput in(ctx.json);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto password = services::reset_password(ctx.s, services::UserAdministrator::of(*ctx.actor), *id);
  if (!password) return api_error(ctx, password.error());
  Response res = user_answer(ctx, *id);
  if (res.status != 200) return res;
  json body = json::parse(res.body);
  body["one_time_password"] = *password;
  return json_response(200, body);
}

Response post_own_password(Ctx& ctx) {
  JsonInput in(ctx.json);
  std::string current = in.string("current_password", true);
  std::string fresh = in.string("new_password", true);
  if (auto e = in.error()) return api_error(ctx, *e);
  if (auto st = services::change_own_password(ctx.s, *ctx.actor, current, fresh); !st)
    return api_error(ctx, st.error());
  Response res;
  res.status = 204;
  return res;
}

}  // namespace

void register_user_api_routes(Router& router) {
  router.add({"GET", "/api/v1/users", Permission::kManageUsers, RouteKind::kApi, get_users});
  router.add({"POST", "/api/v1/users", Permission::kManageUsers, RouteKind::kApi, post_user, Offload::kPasswordHash});
  router.add({"GET", "/api/v1/users/{user}", Permission::kManageUsers, RouteKind::kApi, get_user});
  router.add({"POST", "/api/v1/users/{user}/role", Permission::kManageUsers, RouteKind::kApi, post_role});
  router.add({"POST", "/api/v1/users/{user}/status", Permission::kManageUsers, RouteKind::kApi, post_status});
  router.add({"POST", "/api/v1/users/{user}/password", Permission::kManageUsers, RouteKind::kApi, post_reset,
              Offload::kPasswordHash});
  router.add({"POST", "/api/v1/me/password", Permission::kOwnAccount, RouteKind::kApi, post_own_password,
              Offload::kPasswordHash});
}

}  // namespace ombud::http
