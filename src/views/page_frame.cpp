// src/views/page_frame.cpp
#include "views/page_frame.hpp"

#include <string>

#include "core/url.hpp"
#include "domain/access.hpp"

namespace ombud::views {

namespace {

bool is_current(std::string_view href, std::string_view path) {
  if (href == "/") return path == "/";
  return path == href || (path.size() > href.size() && path.substr(0, href.size()) == href && path[href.size()] == '/');
}

}  // namespace

std::vector<NavItem> menu_for(domain::Role role) {
  using P = domain::Permission;
  // Every page a menu can lead to, in menu order, with the permission of its route: a role's menu
  // is what the permission table lets it open.
  struct Entry {
    NavItem item;
    P permission;
  };
  static constexpr Entry kEntries[] = {
      {{"/contacts/new", "nav.new_contact"}, P::kRecordContact},
      {{"/calendar", "nav.calendar"}, P::kRecordWork},
      {{"/clients", "nav.clients"}, P::kViewQueue},
      {{"/queue", "nav.queue"}, P::kViewQueue},
      {{"/deadlines", "nav.deadlines"}, P::kViewQueue},
      {{"/caseload", "nav.caseload"}, P::kViewQueue},
      {{"/users", "nav.users"}, P::kManageUsers},
      {{"/settings", "nav.settings"}, P::kViewOperationConfig},
  };
  // The start page of a role that works with its own cases is its list of them.
  std::vector<NavItem> out = {
      {"/", domain::case_list_scope(role) == domain::ListScope::kOwn ? "nav.my_clients" : "nav.start"}};
  for (const auto& e : kEntries) {
    if (domain::role_allows(role, e.permission)) out.push_back(e.item);
  }
  return out;
}

ctemplate::TemplateDictionary* begin_page(const Renderer& r, const Frame& frame, ctemplate::TemplateDictionary& dict,
                                          std::string_view body_template) {
  const Lang other = frame.lang == Lang::kSv ? Lang::kEn : Lang::kSv;
  dict.SetValue("LANG", std::string(lang_code(frame.lang)));
  dict.SetValue("OTHER_LANG", std::string(lang_code(other)));
  dict.SetValue("TITLE", frame.title);
  dict.SetValue("LANG_SWITCH_HREF", "/lang/" + std::string(lang_code(other)) + "?next=" + percent_encode(frame.path));
  if (!frame.notice.empty()) dict.SetValueAndShowSection("TEXT", frame.notice, "NOTICE");
  if (frame.viewer) {
    const Viewer& v = *frame.viewer;
    auto* s = dict.AddSectionDictionary("SIGNED_IN");
    s->SetValue("USER_NAME", v.display_name);
    s->SetValue("USER_ROLE", role_label(r, frame.lang, v.role));
    s->SetValue("CSRF", v.csrf_token);
    if (v.menu) {
      auto* m = s->AddSectionDictionary("MENU");
      for (const auto& item : menu_for(v.role)) {
        auto* n = m->AddSectionDictionary("NAV");
        n->SetValue("HREF", item.href);
        n->SetValue("LABEL", r.t(frame.lang, item.label_key));
        if (is_current(item.href, frame.path)) n->ShowSection("CURRENT");
      }
    }
    if (v.session_expires_at > 0) {
      dict.SetValueAndShowSection("EXPIRES", std::to_string(v.session_expires_at), "SESSION");
    }
  }
  auto* body = dict.AddIncludeDictionary("BODY");
  body->SetFilename(Renderer::key(frame.lang, body_template));
  return body;
}

void add_error_summary(const Renderer& r, Lang lang, ctemplate::TemplateDictionary& body,
                       const std::vector<FieldMessage>& errors) {
  auto* inc = body.AddIncludeDictionary("ERRORS");
  inc->SetFilename(Renderer::key(lang, "errors"));
  if (errors.empty()) return;
  auto* sec = inc->AddSectionDictionary("ERRORS");
  sec->SetValue("HEADING", r.t(lang, "error.errors_heading"));
  for (const auto& e : errors) {
    auto* item = sec->AddSectionDictionary("ITEM");
    item->SetValue("MESSAGE", e.message);
    if (e.field.empty()) {
      item->ShowSection("PLAIN");
    } else {
      item->SetValue("FIELD", e.field);
      item->ShowSection("LINK");
    }
  }
}

}  // namespace ombud::views
