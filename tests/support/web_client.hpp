// tests/support/web_client.hpp
//
// Drives http::App in-process like a browser or an API client would: a cookie jar, forms,
// JSON, and the headers a same-origin browser sends.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/app.hpp"
#include "support/test_env.hpp"
#include "views/renderer.hpp"

namespace ombud::testing {

class TestApp {
 public:
  explicit TestApp(store::Engine engine = store::Engine::kSqlite, http::HttpConfig config = {});
  TestServices& env() { return env_; }
  http::App& app() { return *app_; }
  services::Services& services() { return env_.services(); }

 private:
  TestServices env_;
  std::unique_ptr<views::Renderer> views_;
  std::unique_ptr<http::App> app_;
};

class WebClient {
 public:
  explicit WebClient(http::App& app, std::string address = "127.0.0.1") : app_(app), address_(std::move(address)) {}

  http::Response get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
  http::Response post_form(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields,
                           std::vector<std::pair<std::string, std::string>> headers = {});
  http::Response send(std::string method, const std::string& target, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {});
  http::Response api(std::string method, const std::string& target, const nlohmann::json& body = nullptr,
                     bool with_csrf = true);

  /// Signs in through the login form; returns the final response (a 303 on success).
  http::Response login(const std::string& username, const std::string& password);
  /// Signs in through the API; remembers the CSRF token for later API calls.
  http::Response api_login(const std::string& username, const std::string& password);

  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  void clear_cookies() { jar_.clear(); }
  /// The value of the hidden csrf field in the last HTML page received.
  std::string csrf_from_last_page() const;
  const std::string& api_csrf() const { return api_csrf_; }
  void set_address(std::string a) { address_ = std::move(a); }

 private:
  void remember(const http::Response& res);
  http::App& app_;
  std::string address_;
  std::map<std::string, std::string> jar_;
  std::string last_body_;
  std::string api_csrf_;
};

/// Takes a new first contact (alias, born 1985, in 0861) through assessment, an orientation visit
/// with `visit_ombud` and the queue to an active assignment with `ombud`, through the API as the
/// signed-in samordnare `sam`; returns the client's JSON.
nlohmann::json make_active_case(WebClient& sam, const std::string& alias, long long ombud,
                                const std::vector<long long>& visit_ombud);

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace ombud::testing
