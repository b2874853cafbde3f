// src/views/i18n.cpp
#include "views/i18n.hpp"

#include <toml++/toml.h>

#include "core/embedded.hpp"

namespace ombud::views {

namespace {

Result<std::map<std::string, std::string, std::less<>>> parse_catalog(std::string_view path) {
  auto text = core::find_embedded(path);
  if (!text) return fail(Error::internal(std::string("catalogue missing: ") + std::string(path)));
  toml::table parsed;
  try {
    parsed = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    return fail(Error::internal(std::string("catalogue ") + std::string(path) + ": " + std::string(e.description())));
  }
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [k, v] : parsed) {
    if (auto s = v.value<std::string>()) {
      out.emplace(std::string(k.str()), *s);
    } else {
      return fail(Error::internal("catalogue value is not a string: " + std::string(k.str())));
    }
  }
  return out;
}

}  // namespace

std::string_view lang_code(Lang lang) {
  return lang == Lang::kEn ? "en" : "sv";
}

Lang choose_lang(std::string_view cookie_value, std::string_view accept_language) {
  if (cookie_value == "en") return Lang::kEn;
  if (cookie_value == "sv") return Lang::kSv;
  // The first language named decides; anything but English gets Swedish.
  auto first = accept_language.substr(0, accept_language.find_first_of(",;"));
  if (first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N')) {
    return Lang::kEn;
  }
  return Lang::kSv;
}

Result<Catalog> Catalog::load() {
  Catalog c;
  c.sv_ = OMBUD_TRY(parse_catalog("i18n/sv.toml"));
  c.en_ = OMBUD_TRY(parse_catalog("i18n/en.toml"));
  return c;
}

std::string Catalog::text(Lang lang, std::string_view key, const Params& params) const {
  const auto& m = lang == Lang::kEn ? en_ : sv_;
  auto it = m.find(key);
  std::string out = it == m.end() ? std::string(key) : it->second;
  for (const auto& [name, value] : params) {
    std::string placeholder = "{" + name + "}";
    for (auto pos = out.find(placeholder); pos != std::string::npos; pos = out.find(placeholder, pos + value.size())) {
      out.replace(pos, placeholder.size(), value);
    }
  }
  return out;
}

bool Catalog::has(Lang lang, std::string_view key) const {
  const auto& m = lang == Lang::kEn ? en_ : sv_;
  return m.find(key) != m.end();
}

std::vector<std::string> Catalog::keys(Lang lang) const {
  const auto& m = lang == Lang::kEn ? en_ : sv_;
  std::vector<std::string> out;
  for (const auto& kv : m)
    out.push_back(kv.first);
  return out;
}

}  // namespace ombud::views
