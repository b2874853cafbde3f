// src/http/router.hpp
//
// Routes declare their method, path pattern, permission and kind. A route that does not declare a
// permission keeps kUndeclared, which the pipeline refuses and a test forbids.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/role.hpp"
#include "http/message.hpp"

namespace ombud::http {

struct Ctx;
using Handler = std::function<Response(Ctx&)>;

enum class RouteKind {
  kPage,   // HTML; forms; redirects to the login page when signed out
  kApi,    // JSON under /api/v1; JSON errors
  kAsset,  // static files and machine endpoints; no session
};

/// Where a route's handler runs: inline on an I/O thread, or on the small pool that runs Argon2id
/// hashes so a login never stalls other requests.
enum class Offload { kNone, kPasswordHash };

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/clients/{id}"; {name} matches one non-empty path segment
  domain::Permission permission = domain::Permission::kUndeclared;
  RouteKind kind = RouteKind::kPage;
  Handler handler;
  Offload offload = Offload::kNone;
  std::vector<std::string> segments;  // the pattern split at '/', filled by Router::add
};

class Router {
 public:
  void add(Route route);

  struct Match {
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> params;  // decoded
    std::vector<std::string> allowed_methods;                 // when only the method is wrong
  };
  /// Matches a raw (undecoded) path. HEAD matches GET routes.
  Match match(std::string_view method, std::string_view raw_path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace ombud::http
