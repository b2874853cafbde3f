// src/views/pages.cpp
#include "views/pages.hpp"

#include <ctemplate/template.h>

#include "views/page_frame.hpp"

namespace ombud::views {

std::string role_label(const Renderer& r, Lang lang, domain::Role role) {
  return r.t(lang, "role." + std::string(domain::role_name(role)));
}

std::vector<FieldMessage> form_errors(const Renderer& r, Lang lang, const Error& error) {
  std::vector<FieldMessage> out;
  if (error.fields.empty()) {
    Params params;
    if (error.retry_after_seconds > 0) {
      params.emplace_back("minutes", std::to_string((error.retry_after_seconds + 59) / 60));
    }
    out.push_back({"", r.t(lang, error.message_key, params)});
  }
  for (const auto& f : error.fields)
    out.push_back({f.field, r.t(lang, f.message_key)});
  return out;
}

std::string render_login(const Renderer& r, const Frame& frame, const LoginView& view) {
  ctemplate::TemplateDictionary dict("login");
  auto* body = begin_page(r, frame, dict, "login");
  body->SetValue("CSRF", view.csrf_token);
  body->SetValue("NEXT", view.next);
  body->SetValue("USERNAME", view.username);
  add_error_summary(r, frame.lang, *body, view.errors);
  for (const auto& e : view.errors) {
    if (e.field == "username") body->SetValueAndShowSection("MESSAGE", e.message, "USERNAME_ERROR");
    if (e.field == "password") body->SetValueAndShowSection("MESSAGE", e.message, "PASSWORD_ERROR");
  }
  return r.expand(frame.lang, "layout", dict);
}

std::string render_error(const Renderer& r, const Frame& frame, const ErrorView& view) {
  ctemplate::TemplateDictionary dict("error");
  auto* body = begin_page(r, frame, dict, "error");
  body->SetValue("HEADING", view.heading);
  body->SetValue("MESSAGE", view.message);
  return r.expand(frame.lang, "layout", dict);
}

}  // namespace ombud::views
