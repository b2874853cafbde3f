// src/views/renderer.cpp
#include "views/renderer.hpp"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include "core/embedded.hpp"

namespace ombud::views {

void append_html_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '{': out += "&#123;"; break;  // never let catalogue text form a template marker
      case '}': out += "&#125;"; break;
      default: out += c;
    }
  }
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_html_escaped(out, s);
  return out;
}

Result<std::string> localise_template(std::string_view text, const Catalog& catalog, Lang lang) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t pos = 0;
  while (true) {
    auto open = text.find("[[", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      return out;
    }
    auto close = text.find("]]", open + 2);
    if (close == std::string_view::npos) return fail(Error::internal("unterminated [[ in template"));
    std::string_view key = text.substr(open + 2, close - open - 2);
    if (!catalog.has(lang, key)) return fail(Error::internal("template uses unknown text " + std::string(key)));
    out.append(text.substr(pos, open - pos));
    out += html_escape(catalog.text(lang, key));
    pos = close + 2;
  }
}

Renderer::Renderer() : cache_(std::make_unique<ctemplate::TemplateCache>()) {}
Renderer::~Renderer() = default;

std::string Renderer::key(Lang lang, std::string_view name) {
  return std::string(lang_code(lang)) + "/" + std::string(name) + ".tpl";
}

Result<std::unique_ptr<Renderer>> Renderer::create() {
  std::unique_ptr<Renderer> r(new Renderer());
  r->catalog_ = OMBUD_TRY(Catalog::load());
  for (const auto& f : core::embedded_files()) {
    if (f.path.rfind("templates/", 0) != 0 || !f.path.ends_with(".tpl")) continue;
    std::string_view name = f.path.substr(10, f.path.size() - 10 - 4);
    if (f.data.rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0) != 0) {
      return fail(Error::internal("template " + std::string(f.path) + " lacks the AUTOESCAPE pragma"));
    }
    for (Lang lang : {Lang::kSv, Lang::kEn}) {
      auto text = localise_template(f.data, r->catalog_, lang);
      if (!text) {
        return fail(Error::internal("template " + std::string(f.path) + ": " + text.error().detail));
      }
      if (!r->cache_->StringToTemplateCache(key(lang, name), *text, ctemplate::STRIP_BLANK_LINES)) {
        return fail(Error::internal("template " + std::string(f.path) + " does not parse"));
      }
    }
  }
  r->cache_->Freeze();
  return r;
}

std::string Renderer::expand(Lang lang, std::string_view name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  out.reserve(8192);
  bool ok = cache_->ExpandWithData(key(lang, name), ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out);
  OMBUD_ASSERT(ok, "a registered template failed to expand");
  return out;
}

}  // namespace ombud::views
