// src/views/i18n.hpp
//
// Message catalogues: Swedish (the UI language) and English, from i18n/{sv,en}.toml.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace ombud::views {

enum class Lang { kSv, kEn };

std::string_view lang_code(Lang lang);  // "sv", "en"

/// "sv" or "en" from a cookie value or an Accept-Language header; Swedish by default.
Lang choose_lang(std::string_view cookie_value, std::string_view accept_language);

using Params = std::vector<std::pair<std::string, std::string>>;

class Catalog {
 public:
  static Result<Catalog> load();

  /// The text for key in lang, with {name} placeholders filled from params. An unknown key yields
  /// the key itself (and a test makes sure no code uses one).
  std::string text(Lang lang, std::string_view key, const Params& params = {}) const;
  bool has(Lang lang, std::string_view key) const;
  std::vector<std::string> keys(Lang lang) const;

 private:
  std::map<std::string, std::string, std::less<>> sv_;
  std::map<std::string, std::string, std::less<>> en_;
};

}  // namespace ombud::views
