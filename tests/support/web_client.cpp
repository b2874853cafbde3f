// tests/support/web_client.cpp
#include "support/web_client.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "core/url.hpp"

namespace ombud::testing {

TestApp::TestApp(store::Engine engine, http::HttpConfig config) : env_(engine) {
  auto views = views::Renderer::create();
  if (!views) throw std::runtime_error("views: " + views.error().detail);
  views_ = std::move(*views);
  config.access_log = false;
  app_ = std::make_unique<http::App>(env_.services(), *views_, config);
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(k) + '=' + percent_encode(v);
  }
  return out;
}

void WebClient::remember(const http::Response& res) {
  for (const auto& [k, v] : res.headers) {
    if (k != "Set-Cookie") continue;
    auto eq = v.find('=');
    auto semi = v.find(';');
    std::string name = v.substr(0, eq);
    std::string value = v.substr(eq + 1, semi - eq - 1);
    if (v.find("Max-Age=0") != std::string::npos) {
      jar_.erase(name);
    } else {
      jar_[name] = value;
    }
  }
  if (std::string(res.header("content-type")).rfind("text/html", 0) == 0) last_body_ = res.body;
}

http::Response WebClient::send(std::string method, const std::string& target, std::string body,
                               std::vector<std::pair<std::string, std::string>> headers) {
  http::Request req;
  req.method = std::move(method);
  req.target = target;
  req.body = std::move(body);
  req.remote_address = address_;
  req.headers.emplace_back("host", "127.0.0.1:8080");
  bool has_site = false;
  for (auto& [k, v] : headers) {
    k = to_lower_ascii(k);
    if (k == "sec-fetch-site") has_site = true;
  }
  if (!has_site) headers.emplace_back("sec-fetch-site", "same-origin");
  // An empty value stands for "not sent".
  for (auto& h : headers) {
    if (!h.second.empty()) req.headers.push_back(std::move(h));
  }
  std::string cookies;
  for (const auto& [k, v] : jar_)
    cookies += (cookies.empty() ? "" : "; ") + k + "=" + v;
  if (!cookies.empty()) req.headers.emplace_back("cookie", cookies);
  http::Response res = app_.handle(req);
  remember(res);
  return res;
}

http::Response WebClient::get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers) {
  return send("GET", target, "", std::move(headers));
}

http::Response WebClient::post_form(const std::string& target,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    std::vector<std::pair<std::string, std::string>> headers) {
  headers.emplace_back("content-type", "application/x-www-form-urlencoded");
  return send("POST", target, form_encode(fields), std::move(headers));
}

http::Response WebClient::api(std::string method, const std::string& target, const nlohmann::json& body,
                              bool with_csrf) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!body.is_null()) headers.emplace_back("content-type", "application/json");
  if (with_csrf && !api_csrf_.empty()) headers.emplace_back("x-csrf-token", api_csrf_);
  return send(std::move(method), target, body.is_null() ? "" : body.dump(), std::move(headers));
}

std::string WebClient::csrf_from_last_page() const {
  const std::string marker = "name=\"csrf\" value=\"";
  auto pos = last_body_.find(marker);
  if (pos == std::string::npos) return {};
  pos += marker.size();
  return last_body_.substr(pos, last_body_.find('"', pos) - pos);
}

http::Response WebClient::login(const std::string& username, const std::string& password) {
  get("/login");
  return post_form("/login",
                   {{"csrf", csrf_from_last_page()}, {"username", username}, {"password", password}, {"next", "/"}});
}

http::Response WebClient::api_login(const std::string& username, const std::string& password) {
  http::Response res = api("POST", "/api/v1/session", {{"username", username}, {"password", password}}, false);
  if (res.status == 201) api_csrf_ = nlohmann::json::parse(res.body).at("csrf_token").get<std::string>();
  return res;
}

std::string WebClient::cookie(const std::string& name) const {
  auto it = jar_.find(name);
  return it == jar_.end() ? std::string() : it->second;
}

nlohmann::json make_active_case(WebClient& sam, const std::string& alias, long long ombud,
                                const std::vector<long long>& visit_ombud) {
  using nlohmann::json;
  auto ok = [](const http::Response& r) {
    EXPECT_LT(r.status, 300) << r.body;
    return json::parse(r.body);
  };
  json c = ok(sam.api("POST", "/api/v1/contacts",
                      {{"channel", "telefon"},
                       {"contact_by", "sjalv"},
                       {"alias", alias},
                       {"municipality", "0861"},
                       {"birth_year", 1985},
                       {"gender", "man"},
                       {"contact_date", "2026-10-01"}}));
  std::string id = c["id"];
  c = ok(sam.api("POST", "/api/v1/clients/" + id + "/assessment",
                 {{"version", c["version"]},
                  {"outcome", "malgrupp"},
                  {"significant_disability", true},
                  {"complex_needs", true},
                  {"date", "2026-10-02"}}));
  c = ok(sam.api("POST", "/api/v1/clients/" + id + "/orientation",
                 {{"version", c["version"]}, {"date", "2026-10-10"}, {"place", "kontoret"}, {"ombud", visit_ombud}}));
  c = ok(sam.api("POST", "/api/v1/clients/" + id + "/orientation/held",
                 {{"version", c["version"]}, {"held_on", "2026-10-10"}, {"decision", "ko"}}));
  return ok(sam.api("POST", "/api/v1/clients/" + id + "/assignment", {{"version", c["version"]}, {"ombud", ombud}}));
}

}  // namespace ombud::testing
