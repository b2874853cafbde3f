// src/http/app.hpp
//
// The request pipeline shared by HTML pages and the JSON API: routing, the session, the one
// permission check, origin and CSRF checks, body decoding, security headers, metrics and the
// access log. App::handle is a plain function from Request to Response; server.cpp only moves
// bytes.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/form.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "services/context.hpp"
#include "views/pages.hpp"

namespace ombud::http {

struct HttpConfig {
  bool behind_tls = false;           // TLS ends at a proxy: Secure cookies, HSTS, https origin
  bool trust_forwarded_for = false;  // take the client address from X-Forwarded-For (last hop)
  bool metrics_remote = false;       // serve /metrics to other hosts than loopback
  bool access_log = true;
};

class App;

/// Everything a handler sees.
struct Ctx {
  Ctx(const Request& r, App& a, const services::Services& sv, const views::Renderer& v)
      : req(r), app(a), s(sv), views(v) {}

  const Request& req;
  App& app;
  const services::Services& s;
  const views::Renderer& views;
  views::Lang lang = views::Lang::kSv;
  std::optional<services::Actor> actor;
  std::vector<std::pair<std::string, std::string>> params;
  std::string path;          // the decoded path
  std::optional<Form> form;  // the decoded body of a page form
  nlohmann::json json;       // the decoded body of an API call (null when none)
  const Route* route = nullptr;

  const std::string& param(std::string_view name) const;
  std::string t(std::string_view key, const views::Params& values = {}) const { return views.t(lang, key, values); }
  /// A text with a count: `key` with {name} filled in, or `key.one` for exactly one when the
  /// catalogue has it ("1 dag", not "1 dagar").
  std::string t_count(std::string_view key, const char* name, long long n, views::Params values = {}) const {
    std::string k(key);
    if (n == 1 && views.catalog().has(lang, k + ".one")) k += ".one";
    values.emplace_back(name, std::to_string(n));
    return views.t(lang, k, values);
  }
  /// The frame of a page: language, translated title, viewer, path.
  views::Frame frame(std::string_view title_key) const;
  /// Query-string parameter, decoded; "" when absent or malformed.
  std::string query(const std::string& name) const;
};

class App {
 public:
  App(services::Services& services, const views::Renderer& views, HttpConfig config);

  /// Never throws. The returned response carries every security header.
  Response handle(Request& req);

  /// True when the request's route hashes a password (run it off the I/O threads).
  bool needs_password_hash(const Request& req) const;

  /// An error answered before the request reached the pipeline (overload, an oversized or
  /// malformed request), in the pipeline's format and with its headers. Counted as unmatched.
  Response refuse(const Request& req, const Error& error);
  Response overloaded(const Request& req, int retry_after_seconds);

  Metrics& metrics() { return *metrics_; }
  const Router& router() const { return router_; }
  Router& router() { return router_; }
  const HttpConfig& config() const { return config_; }
  services::Services& services() { return services_; }

  /// Cookie names (with the __Host- prefix behind TLS).
  std::string session_cookie_name() const;
  std::string pre_session_cookie_name() const;
  /// A Set-Cookie value with the attributes this deployment needs.
  std::string cookie(const std::string& name, const std::string& value, long max_age_seconds = -1,
                     bool http_only = true, const char* same_site = "Strict") const;

 private:
  Response dispatch(Request& req, Ctx& ctx, const Router::Match& match);
  bool same_origin(const Request& req) const;
  void finish(const Request& req, Response& res) const;

  services::Services& services_;
  const views::Renderer& views_;
  HttpConfig config_;
  Router router_;
  std::unique_ptr<Metrics> metrics_;
};

// Responses shared by the handlers (http/respond.cpp).
int http_status(ErrorCode code);
Response html_response(int status, std::string body);
Response text_response(int status, std::string body, const char* content_type = "text/plain; charset=utf-8");
Response json_response(int status, const nlohmann::json& body);
Response redirect(const std::string& location);  // 303 See Other
Response no_content();                           // 204, after a removal
/// `{ "error": { "code", "message", "fields"? } }` with the mapped status.
Response api_error(const Ctx& ctx, const Error& error);
/// An error page in the user's language (for errors without a form to show them on).
Response page_error(const Ctx& ctx, const Error& error);
/// A local path safe to redirect to after login, or "/".
std::string safe_next(std::string_view next);

/// The {user} of a /users/{user} route as a user id; "user.not_found" when it is not one.
Result<long long> user_id_param(const Ctx& ctx);

/// A number from the query string: `fallback` when absent, nothing when it is not one in 1..max.
std::optional<long long> query_number(const Ctx& ctx, const char* name, long long fallback, long long max);

/// The ?version= of a removal through the API; nothing when it is missing or not a number.
std::optional<int> query_version(const Ctx& ctx);

/// Every route of the application, in the order App matches them.
void register_routes(Router& router);
void register_web_routes(Router& router);
void register_api_routes(Router& router);
void register_system_routes(Router& router);
void register_list_routes(Router& router);
void register_client_routes(Router& router);
void register_settings_routes(Router& router);
void register_user_routes(Router& router);
void register_user_api_routes(Router& router);
void register_work_routes(Router& router);
void register_work_api_routes(Router& router);
void register_plan_routes(Router& router);
void register_network_routes(Router& router);
void register_network_api_routes(Router& router);
void register_document_routes(Router& router);
void register_document_api_routes(Router& router);
void register_letter_routes(Router& router);
void register_appointment_routes(Router& router);
void register_appointment_api_routes(Router& router);
void register_cover_routes(Router& router);
void register_plan_api_routes(Router& router);
void register_case_api_routes(Router& router);

}  // namespace ombud::http
