// src/http/app.cpp
#include "http/app.hpp"

#include <arpa/inet.h>
#include <spdlog/spdlog.h>

#include "core/text.hpp"
#include "core/url.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;

bool is_ip_address(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  return !s.empty() && (::inet_pton(AF_INET, s.c_str(), buf) == 1 || ::inet_pton(AF_INET6, s.c_str(), buf) == 1);
}

bool is_safe_method(std::string_view m) {
  return m == "GET" || m == "HEAD" || m == "OPTIONS";
}

std::string_view media_type(std::string_view content_type) {
  return trim(content_type.substr(0, content_type.find(';')));
}

// A decoded path must not climb out of its directory or smuggle separators.
bool path_is_clean(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  if (path.find("//") != std::string_view::npos) return false;
  for (auto seg : split(path.substr(1), '/')) {
    if (seg == "." || seg == "..") return false;
  }
  return true;
}

}  // namespace

const std::string& Ctx::param(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return kEmpty;
}

std::string Ctx::query(const std::string& name) const {
  auto q = Form::parse(req.raw_query());
  return q ? q->get(name) : std::string();
}

views::Frame Ctx::frame(std::string_view title_key) const {
  views::Frame f;
  f.lang = lang;
  f.title = t(title_key);
  f.path = path;
  if (actor) {
    f.viewer = views::Viewer{actor->display_name, actor->role, actor->csrf_token, actor->session_expires_at,
                             !actor->must_change_password};
  }
  return f;
}

void register_routes(Router& router) {
  register_system_routes(router);
  register_web_routes(router);
  register_list_routes(router);
  register_client_routes(router);
  register_settings_routes(router);
  register_user_routes(router);
  register_api_routes(router);
  register_case_api_routes(router);
  register_user_api_routes(router);
  register_work_routes(router);
  register_work_api_routes(router);
  register_plan_routes(router);
  register_network_routes(router);
  register_document_routes(router);
  register_document_api_routes(router);
  register_letter_routes(router);
  register_appointment_routes(router);
  register_appointment_api_routes(router);
  register_cover_routes(router);
  register_network_api_routes(router);
  register_plan_api_routes(router);
}

App::App(services::Services& services, const views::Renderer& views, HttpConfig config)
    : services_(services), views_(views), config_(config) {
  register_routes(router_);
  std::vector<std::pair<std::string, std::string>> labels;
  for (const auto& r : router_.routes())
    labels.emplace_back(r.method, r.pattern);
  metrics_ = std::make_unique<Metrics>(std::move(labels));
}

std::string App::session_cookie_name() const {
  return config_.behind_tls ? "__Host-ombud_session" : "ombud_session";
}

std::string App::pre_session_cookie_name() const {
  return config_.behind_tls ? "__Host-ombud_pre" : "ombud_pre";
}

std::string App::cookie(const std::string& name, const std::string& value, long max_age, bool http_only,
                        const char* same_site) const {
  std::string c = name + "=" + value + "; Path=/; SameSite=" + same_site;
  if (http_only) c += "; HttpOnly";
  if (config_.behind_tls) c += "; Secure";
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  return c;
}

bool App::needs_password_hash(const Request& req) const {
  auto m = router_.match(req.method, req.raw_path());
  return m.route != nullptr && m.route->offload == Offload::kPasswordHash;
}

Response App::refuse(const Request& req, const Error& error) {
  Ctx ctx{req, *this, services_, views_};
  ctx.lang = views::choose_lang(req.cookie("lang"), req.header("accept-language"));
  Response res = req.raw_path().starts_with("/api/") ? api_error(ctx, error) : page_error(ctx, error);
  finish(req, res);
  metrics_->observe(metrics_->unmatched_index(), res.status, 0.0);
  return res;
}

Response App::overloaded(const Request& req, int retry_after) {
  Response res = refuse(req, Error{ErrorCode::kUnavailable, "error.unavailable", {}, retry_after, {}});
  res.set_header("Retry-After", std::to_string(retry_after));
  metrics_->rejected_overload();
  return res;
}

Response App::handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  Response res;
  std::size_t metric_index = metrics_->unmatched_index();
  std::string_view route_label = "unmatched";
  try {
    if (config_.trust_forwarded_for) {
      // The trusted proxy appends the address it saw as the last entry of the last header; what
      // comes before it is the client's own claim.
      std::string_view fwd;
      for (const auto& [k, v] : req.headers) {
        if (k == "x-forwarded-for") fwd = v;
      }
      std::string last(trim(fwd.substr(fwd.rfind(',') == std::string_view::npos ? 0 : fwd.rfind(',') + 1)));
      if (is_ip_address(last)) req.remote_address = last;
    }
    Ctx ctx{req, *this, services_, views_};
    ctx.lang = views::choose_lang(req.cookie("lang"), req.header("accept-language"));
    const std::string_view raw = req.raw_path();
    const bool api_path = raw.starts_with("/api/");
    auto decoded = percent_decode(raw, false);
    if (!decoded || !path_is_clean(*decoded)) {
      Error e = Error::invalid("error.bad_path");
      res = api_path ? api_error(ctx, e) : page_error(ctx, e);
    } else {
      ctx.path = std::move(*decoded);
      auto match = router_.match(req.method, raw);
      if (match.route == nullptr) {
        if (!match.allowed_methods.empty()) {
          Error e{ErrorCode::kInvalidInput, "error.method_not_allowed", {}, 0, {}};
          res = api_path ? api_error(ctx, e) : page_error(ctx, e);
          res.status = 405;
          std::string allow;
          for (const auto& m : match.allowed_methods)
            allow += (allow.empty() ? "" : ", ") + m;
          res.set_header("Allow", allow);
        } else {
          res = api_path ? api_error(ctx, Error::not_found()) : page_error(ctx, Error::not_found());
        }
      } else {
        metric_index = static_cast<std::size_t>(match.route - router_.routes().data());
        route_label = match.route->pattern;
        res = dispatch(req, ctx, match);
      }
    }
  } catch (const std::exception& e) {
    // The exception's type only: its message may quote data.
    spdlog::error(
        nlohmann::json{{"event", "handler_exception"}, {"route", route_label}, {"type", typeid(e).name()}}.dump());
    res = text_response(500, "Internal error\n");
  }
  finish(req, res);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_->observe(metric_index, res.status, seconds);
  if (config_.access_log) {
    spdlog::info(
        "{{\"event\":\"request\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},\"ms\":{:.3f},\"bytes\":{}}}",
        req.method.size() <= 8 ? req.method : std::string("?"), route_label, res.status, seconds * 1000.0,
        res.body.size());
  }
  return res;
}

bool App::same_origin(const Request& req) const {
  // Fetch metadata decides when the browser sends it: Chromium sends "Origin: null" on same-origin
  // form posts under Referrer-Policy: no-referrer, but Sec-Fetch-Site still says "same-origin".
  auto site = req.header("sec-fetch-site");
  if (!site.empty()) return site == "same-origin" || site == "none";
  // Older browsers and API clients: an Origin, when sent, must be this server's.
  auto origin = req.header("origin");
  if (origin.empty()) return true;
  std::string expected = std::string(config_.behind_tls ? "https://" : "http://") + std::string(req.header("host"));
  return origin == expected;
}

Response App::dispatch(Request& req, Ctx& ctx, const Router::Match& match) {
  const Route& route = *match.route;
  ctx.route = &route;
  ctx.params = match.params;
  const bool api = route.kind == RouteKind::kApi;
  auto refuse = [&](const Error& e) { return api ? api_error(ctx, e) : page_error(ctx, e); };

  if (route.permission == Permission::kUndeclared) {
    spdlog::error("{{\"event\":\"route_without_permission\",\"route\":\"{}\"}}", route.pattern);
    return refuse(Error::internal("route without a declared permission"));
  }

  // Cross-site writes are refused before anything else is looked at.
  if (!is_safe_method(req.method) && !same_origin(req)) {
    return refuse(Error{ErrorCode::kForbidden, "error.cross_site", {}, 0, {}});
  }

  // The session, when the request carries one.
  bool session_ended = false;
  if (route.kind != RouteKind::kAsset) {
    std::string token = req.cookie(session_cookie_name());
    if (!token.empty()) {
      auto actor = services::authenticate(services_, token, req.remote_address);
      if (actor) {
        ctx.actor = std::move(*actor);
      } else if (actor.error().code == ErrorCode::kUnauthenticated) {
        session_ended = true;
      } else {
        return refuse(actor.error());
      }
    }
  }
  // A cookie naming no live session is cleared, unless the answer sets a new session itself (a
  // login): then the new cookie must be the last word, or the next request is signed out again.
  auto clear_session_cookie = [&](Response& r) {
    if (!session_ended) return;
    const std::string mine = std::string(session_cookie_name()) + "=";
    for (const auto& [name, value] : r.headers) {
      if (to_lower_ascii(name) == "set-cookie" && value.starts_with(mine)) return;
    }
    r.add_header("Set-Cookie", cookie(session_cookie_name(), "", 0));
  };

  // The one permission check.
  if (route.permission != Permission::kPublic) {
    if (!ctx.actor) {
      Response r;
      if (api) {
        r = api_error(ctx, Error::unauthenticated(session_ended ? "session.expired" : "session.missing"));
      } else {
        std::string next(req.target);
        r = redirect("/login?next=" + percent_encode(next) + (session_ended ? "&expired=1" : ""));
      }
      clear_session_cookie(r);
      return r;
    }
    // Signed in with a one-time password: only replacing it (or logging out) is open.
    if (ctx.actor->must_change_password && !domain::open_while_password_must_change(route.permission)) {
      if (api) return api_error(ctx, Error::forbidden("password.change_required"));
      std::string next = is_safe_method(req.method) ? std::string(req.target) : std::string("/");
      return redirect("/account/password?next=" + percent_encode(next));
    }
    if (!domain::role_allows(ctx.actor->role, route.permission)) {
      (void)services::audit_now(services_, services::AuditSubject::of(*ctx.actor),
                                services::AuditEvent{"denied", api ? "api" : "page", {}, route.pattern, "denied"});
      return refuse(Error::forbidden());
    }
  }

  if (!is_safe_method(req.method)) {
    auto type = media_type(req.header("content-type"));
    if (api) {
      if (!req.body.empty()) {
        if (type != "application/json") {
          return refuse(Error{ErrorCode::kUnsupportedMediaType, "error.unsupported_media_type", {}, 0, {}});
        }
        ctx.json = nlohmann::json::parse(req.body, nullptr, false);
        if (ctx.json.is_discarded() || !ctx.json.is_object()) return refuse(Error::invalid("error.malformed_json"));
      }
    } else {
      if (!req.body.empty() && type != "application/x-www-form-urlencoded") {
        return refuse(Error{ErrorCode::kUnsupportedMediaType, "error.unsupported_media_type", {}, 0, {}});
      }
      ctx.form = Form::parse(req.body);
      if (!ctx.form) return refuse(Error::invalid("error.bad_request"));
    }
    // CSRF: the session's token for signed-in users; for the login form, the pre-session
    // cookie submitted twice (cookie and field).
    // Public routes (the login) use the pre-session token even when a session cookie came along,
    // so a second tab or a stale cookie never blocks a login.
    const Error csrf_error{ErrorCode::kForbidden, "error.csrf", {}, 0, {}};
    if (route.permission != Permission::kPublic) {
      std::string sent = api ? std::string(req.header("x-csrf-token")) : ctx.form->get("csrf");
      if (!crypto::equal_constant_time(sent, ctx.actor->csrf_token)) return refuse(csrf_error);
    } else if (!api) {
      std::string pre = req.cookie(pre_session_cookie_name());
      if (pre.empty() || !crypto::equal_constant_time(ctx.form->get("csrf"), pre)) return refuse(csrf_error);
    }
  }

  Response res = route.handler(ctx);
  clear_session_cookie(res);
  return res;
}

void App::finish(const Request& /*req*/, Response& res) const {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
  res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (config_.behind_tls) res.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (res.header("cache-control").empty()) res.set_header("Cache-Control", "no-store");
}

}  // namespace ombud::http
