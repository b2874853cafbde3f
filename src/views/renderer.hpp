// src/views/renderer.hpp
//
// ctemplate with contextual auto-escaping (docs/adr/0005-templates-and-i18n.md). Every template starts with
// the AUTOESCAPE pragma; a test fails when one does not. Catalogue texts are written into the
// templates as [[key]] and filled in once per language at start-up, HTML-escaped, so a request
// only expands the dynamic values.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "views/i18n.hpp"

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace ombud::views {

class Renderer {
 public:
  static Result<std::unique_ptr<Renderer>> create();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  const Catalog& catalog() const { return catalog_; }
  std::string t(Lang lang, std::string_view key, const Params& params = {}) const {
    return catalog_.text(lang, key, params);
  }

  /// Expands templates/<name>.tpl in lang. `name` is e.g. "login".
  std::string expand(Lang lang, std::string_view name, const ctemplate::TemplateDictionary& dict) const;

  /// The cache key of a template, for include dictionaries: "sv/login.tpl".
  static std::string key(Lang lang, std::string_view name);

 private:
  Renderer();
  Catalog catalog_;
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

/// Replaces each [[key]] in a template with the HTML-escaped catalogue text.
Result<std::string> localise_template(std::string_view text, const Catalog& catalog, Lang lang);

std::string html_escape(std::string_view s);
/// The same, appended to `out`; also for text and quoted attributes written outside a template
/// (the rows of a table, ADR 0018).
void append_html_escaped(std::string& out, std::string_view s);

}  // namespace ombud::views
