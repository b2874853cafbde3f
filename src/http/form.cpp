// src/http/form.cpp
#include "http/form.hpp"

#include "core/text.hpp"
#include "core/url.hpp"

namespace ombud::http {

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

std::vector<std::string> Form::names() const {
  std::vector<std::string> out;
  for (const auto& [name, values] : fields_)
    out.push_back(name);
  return out;
}

}  // namespace ombud::http
