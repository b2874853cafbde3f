// src/views/pages.hpp
//
// View models and page rendering. Handlers fill a model with already-decided, already-translated
// values; the templates only place them. Every text here is escaped by the template engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/role.hpp"
#include "views/renderer.hpp"

namespace ombud::views {

struct Viewer {
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  std::string csrf_token;
  UnixSeconds session_expires_at = 0;
  bool menu = true;  // false while the user must first replace a one-time password
};

/// What every page shares: language, title, the signed-in user, the current path.
struct Frame {
  Lang lang = Lang::kSv;
  std::string title;  // translated
  std::optional<Viewer> viewer;
  std::string path = "/";  // for the current menu item and the language switch
  std::string notice;      // a translated status message shown at the top, if any
};

struct FieldMessage {
  std::string field;    // the input's id, so the summary can link to it; empty for a form-level message
  std::string message;  // translated
};

/// Translates an error's message and field messages for a form.
std::vector<FieldMessage> form_errors(const Renderer& r, Lang lang, const Error& error);

struct LoginView {
  std::string username;
  std::vector<FieldMessage> errors;
  std::string csrf_token;  // the pre-session token
  std::string next;
};
std::string render_login(const Renderer& r, const Frame& frame, const LoginView& view);

struct ErrorView {
  std::string heading;
  std::string message;
};
std::string render_error(const Renderer& r, const Frame& frame, const ErrorView& view);

std::string role_label(const Renderer& r, Lang lang, domain::Role role);

}  // namespace ombud::views
