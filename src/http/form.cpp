// src/http/form.cpp
#include "http/form.hpp"

#include "core/text.hpp"

namespace ombud::http {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!is_clean_utf8(out, true)) return std::nullopt;
  return out;
}

std::optional<Form> Form::parse(std::string_view encoded) {
  Form f;
  if (encoded.empty()) return f;
  for (auto pair : split(encoded, '&')) {
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value) return std::nullopt;
    f.fields_[std::move(*name)].push_back(std::move(*value));
  }
  return f;
}

const std::string& Form::get(const std::string& name) const {
  static const std::string kEmpty;
  auto it = fields_.find(name);
  return it == fields_.end() ? kEmpty : it->second.front();
}

const std::vector<std::string>& Form::all(const std::string& name) const {
  static const std::vector<std::string> kNone;
  auto it = fields_.find(name);
  return it == fields_.end() ? kNone : it->second;
}

}  // namespace ombud::http
