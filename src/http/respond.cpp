// src/http/respond.cpp
#include <spdlog/spdlog.h>

#include "core/text.hpp"
#include "http/app.hpp"

namespace ombud::http {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response html_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", "text/html; charset=utf-8");
  r.body = std::move(body);
  return r;
}

Response text_response(int status, std::string body, const char* content_type) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", "application/json");
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.set_header("Location", location);
  return r;
}

namespace {
void log_internal(const Error& e) {
  if (e.code == ErrorCode::kInternal) {
    spdlog::error(nlohmann::json{{"event", "internal_error"}, {"detail", e.detail}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

views::Params message_params(const Error& e) {
  views::Params p;
  if (e.retry_after_seconds > 0) p.emplace_back("minutes", std::to_string((e.retry_after_seconds + 59) / 60));
  return p;
}
}  // namespace

Response api_error(const Ctx& ctx, const Error& error) {
  log_internal(error);
  nlohmann::json body;
  body["error"]["code"] = error_code_name(error.code);
  body["error"]["message"] = ctx.t(error.message_key, message_params(error));
  if (!error.fields.empty()) {
    auto fields = nlohmann::json::array();
    for (const auto& f : error.fields) {
      fields.push_back({{"field", f.field}, {"code", f.message_key}, {"message", ctx.t(f.message_key)}});
    }
    body["error"]["fields"] = fields;
  }
  if (error.message_key != "error.internal" && error.code != ErrorCode::kInternal) {
    body["error"]["key"] = error.message_key;
  }
  Response r = json_response(http_status(error.code), body);
  if (error.retry_after_seconds > 0) r.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  return r;
}

Response page_error(const Ctx& ctx, const Error& error) {
  log_internal(error);
  views::Frame frame = ctx.frame("error.title");
  views::ErrorView view;
  view.heading = ctx.t("error.title");
  view.message = ctx.t(error.message_key, message_params(error));
  Response r = html_response(http_status(error.code), views::render_error(ctx.views, frame, view));
  if (error.retry_after_seconds > 0) r.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  return r;
}

std::string safe_next(std::string_view next) {
  if (next.empty() || next.size() > 2000 || next[0] != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    if (c == '\r' || c == '\n' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return std::string(next);
}

std::optional<long long> query_number(const Ctx& ctx, const char* name, long long fallback, long long max) {
  if (ctx.query(name).empty()) return fallback;
  long long n = 0;
  if (!parse_int(ctx.query(name), n) || n < 1 || n > max) return std::nullopt;
  return n;
}

std::optional<int> query_version(const Ctx& ctx) {
  long long v = 0;
  if (!parse_int(ctx.query("version"), v)) return std::nullopt;
  return static_cast<int>(v);
}

Result<long long> user_id_param(const Ctx& ctx) {
  long long id = 0;
  if (!parse_int(ctx.param("user"), id) || id <= 0) return fail(Error::not_found("user.not_found"));
  return id;
}

}  // namespace ombud::http
