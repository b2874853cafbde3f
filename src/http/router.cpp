// src/http/router.cpp
#include "http/router.hpp"

#include "core/text.hpp"
#include "http/form.hpp"

namespace ombud::http {

void Router::add(Route route) {
  for (auto seg : split(std::string_view(route.pattern).substr(1), '/'))
    route.segments.emplace_back(seg);
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
  Match result;
  if (raw_path.empty() || raw_path[0] != '/') return result;
  auto parts = split(raw_path.substr(1), '/');
  const std::string_view want = method == "HEAD" ? std::string_view("GET") : method;
  for (const auto& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = r.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        auto value = percent_decode(parts[i], false);
        if (!value || value->empty()) {
          ok = false;
        } else {
          params.emplace_back(seg.substr(1, seg.size() - 2), std::move(*value));
        }
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    if (r.method == want) {
      result.route = &r;
      result.params = std::move(params);
      result.allowed_methods.clear();
      return result;
    }
    result.allowed_methods.push_back(r.method);
  }
  return result;
}

}  // namespace ombud::http
