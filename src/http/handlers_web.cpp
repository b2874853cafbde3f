// src/http/handlers_web.cpp
//
// The HTML pages of the foundation: login, logout, the start page per role, the language switch.
#include "crypto/secret.hpp"
#include "http/app.hpp"
#include "services/auth_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;

Response login_page(Ctx& ctx, int status, views::LoginView view, const std::string& notice_key = "") {
  std::string pre = ctx.req.cookie(ctx.app.pre_session_cookie_name());
  bool new_pre = pre.empty();
  if (new_pre) pre = crypto::random_token(32);
  view.csrf_token = pre;
  views::Frame frame = ctx.frame("login.title");
  if (!notice_key.empty()) frame.notice = ctx.t(notice_key);
  Response res = html_response(status, views::render_login(ctx.views, frame, view));
  if (new_pre) res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.pre_session_cookie_name(), pre));
  return res;
}

Response get_login(Ctx& ctx) {
  if (ctx.actor) return redirect("/");
  views::LoginView view;
  view.next = safe_next(ctx.query("next"));
  std::string notice;
  if (ctx.query("expired") == "1") notice = "login.expired";
  if (ctx.query("logged_out") == "1") notice = "login.logged_out";
  return login_page(ctx, 200, view, notice);
}

Response post_login(Ctx& ctx) {
  const Form& form = *ctx.form;
  services::LoginRequest req;
  req.username = form.get("username");
  req.password = form.get("password");
  req.address = ctx.req.remote_address;
  std::string old = ctx.req.cookie(ctx.app.session_cookie_name());
  if (!old.empty()) req.old_token = old;
  auto result = services::login(ctx.s, req);
  if (!result) {
    views::LoginView view;
    view.username = req.username.size() <= 128 ? req.username : std::string();
    view.next = safe_next(form.get("next"));
    view.errors = views::form_errors(ctx.views, ctx.lang, result.error());
    Response res = login_page(ctx, http_status(result.error().code), view);
    if (result.error().retry_after_seconds > 0) {
      res.set_header("Retry-After", std::to_string(result.error().retry_after_seconds));
    }
    return res;
  }
  Response res = redirect(safe_next(form.get("next")));
  res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.session_cookie_name(), result->token));
  res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.pre_session_cookie_name(), "", 0));
  return res;
}

Response post_logout(Ctx& ctx) {
  if (auto st = services::logout(ctx.s, *ctx.actor); !st) return page_error(ctx, st.error());
  Response res = redirect("/login?logged_out=1");
  res.add_header("Set-Cookie", ctx.app.cookie(ctx.app.session_cookie_name(), "", 0));
  return res;
}

Response get_lang(Ctx& ctx) {
  const std::string& code = ctx.param("code");
  if (code != "sv" && code != "en") return page_error(ctx, Error::not_found());
  Response res = redirect(safe_next(ctx.query("next")));
  // Not a secret: readable by the page, kept a year, sent on top-level navigation.
  res.add_header("Set-Cookie", ctx.app.cookie("lang", code, 365L * 24 * 3600, false, "Lax"));
  return res;
}

}  // namespace

void register_web_routes(Router& router) {
  router.add({"GET", "/login", Permission::kPublic, RouteKind::kPage, get_login});
  router.add({"POST", "/login", Permission::kPublic, RouteKind::kPage, post_login, Offload::kPasswordHash});
  router.add({"POST", "/logout", Permission::kOwnAccount, RouteKind::kPage, post_logout});
  router.add({"GET", "/lang/{code}", Permission::kPublic, RouteKind::kPage, get_lang});
}

}  // namespace ombud::http
