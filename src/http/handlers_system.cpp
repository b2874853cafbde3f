// src/http/handlers_system.cpp
//
// Machine endpoints and static files: /healthz, /readyz, /metrics, /static/{file}.
#include <map>
#include <mutex>

#include "core/embedded.hpp"
#include "crypto/secret.hpp"
#include "http/app.hpp"
#include "services/system_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;

struct Asset {
  std::string_view data;
  std::string content_type;
  std::string etag;
};

const char* content_type_for(std::string_view name) {
  auto ext = name.substr(name.rfind('.') + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

const std::map<std::string, Asset, std::less<>>& assets() {
  static const auto kAssets = [] {
    std::map<std::string, Asset, std::less<>> m;
    for (const auto& f : core::embedded_files()) {
      if (f.path.rfind("static/", 0) != 0) continue;
      std::string name(f.path.substr(7));
      m.emplace(name, Asset{f.data, content_type_for(name), "\"" + crypto::hash_hex(f.data).substr(0, 32) + "\""});
    }
    return m;
  }();
  return kAssets;
}

bool valid_asset_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool is_loopback(std::string_view address) {
  return address == "127.0.0.1" || address == "::1" || address.rfind("127.", 0) == 0 || address == "::ffff:127.0.0.1";
}

Response get_static(Ctx& ctx) {
  const std::string& name = ctx.param("file");
  if (!valid_asset_name(name)) return text_response(400, ctx.t("error.bad_path") + "\n");
  const auto& all = assets();
  auto it = all.find(name);
  if (it == all.end()) return text_response(404, ctx.t("error.not_found") + "\n");
  Response res;
  res.set_header("ETag", it->second.etag);
  // Revalidated on every use, so an upgrade never serves a stale stylesheet.
  res.set_header("Cache-Control", "no-cache");
  if (ctx.req.header("if-none-match") == it->second.etag) {
    res.status = 304;
    return res;
  }
  res.set_header("Content-Type", it->second.content_type);
  res.body = std::string(it->second.data);
  return res;
}

Response get_healthz(Ctx& /*ctx*/) {
  return text_response(200, "ok\n");
}

Response get_readyz(Ctx& ctx) {
  if (!services::database_ready(ctx.s)) return text_response(503, "database not ready\n");
  return text_response(200, "ready\n");
}

Response get_metrics(Ctx& ctx) {
  if (!ctx.app.config().metrics_remote && !is_loopback(ctx.req.remote_address)) {
    return text_response(403, ctx.t("error.forbidden") + "\n");
  }
  return text_response(200, ctx.app.metrics().render(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

void register_system_routes(Router& router) {
  router.add({"GET", "/healthz", Permission::kPublic, RouteKind::kAsset, get_healthz});
  router.add({"GET", "/readyz", Permission::kPublic, RouteKind::kAsset, get_readyz});
  router.add({"GET", "/metrics", Permission::kPublic, RouteKind::kAsset, get_metrics});
  router.add({"GET", "/static/{file}", Permission::kPublic, RouteKind::kAsset, get_static});
}

}  // namespace ombud::http
