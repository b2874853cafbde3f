// src/views/page_frame.hpp
//
// Internal to views: fills the layout (menu, user, language switch) and returns the dictionary
// for the page body.
#pragma once

#include <string_view>
#include <vector>

#include <ctemplate/template.h>

#include "views/pages.hpp"

namespace ombud::views {

ctemplate::TemplateDictionary* begin_page(const Renderer& r, const Frame& frame, ctemplate::TemplateDictionary& dict,
                                          std::string_view body_template);

/// Adds the ERRORS include (templates/errors.tpl) listing the messages, linked to their fields.
void add_error_summary(const Renderer& r, Lang lang, ctemplate::TemplateDictionary& body,
                       const std::vector<FieldMessage>& errors);

struct NavItem {
  const char* href;
  const char* label_key;
};
/// The menu of a role, in order.
std::vector<NavItem> menu_for(domain::Role role);

}  // namespace ombud::views
