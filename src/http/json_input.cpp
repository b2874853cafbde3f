// src/http/json_input.cpp
#include "http/json_input.hpp"

#include "core/text.hpp"

namespace ombud::http {

const nlohmann::json* JsonInput::field(const char* name, bool required) {
  asked_.insert(name);
  if (!body_.is_object() || !body_.contains(name) || body_[name].is_null()) {
    if (required) add_error(name, "field.required");
    return nullptr;
  }
  return &body_[name];
}

std::string JsonInput::string(const char* name, bool required) {
  const auto* v = field(name, required);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    add_error(name, "field.invalid");
    return {};
  }
  auto s = v->get<std::string>();
  if (required && trim(s).empty()) add_error(name, "field.required");
  return s;
}

std::optional<long long> JsonInput::integer(const char* name, bool required) {
  const auto* v = field(name, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    add_error(name, "field.invalid");
    return std::nullopt;
  }
  return v->get<long long>();
}

std::optional<bool> JsonInput::boolean(const char* name, bool required) {
  const auto* v = field(name, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    add_error(name, "field.invalid");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::vector<std::string> JsonInput::strings(const char* name, bool required) {
  const auto* v = field(name, required);
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (!v->is_array()) {
    add_error(name, "field.invalid");
    return out;
  }
  for (const auto& item : *v) {
    if (!item.is_string()) {
      add_error(name, "field.invalid");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<Error> JsonInput::error() const {
  std::vector<FieldError> all = errors_;
  if (body_.is_object()) {
    constexpr std::size_t kMostReported = 20;
    std::size_t unknown = 0;
    for (const auto& [name, value] : body_.items()) {
      if (asked_.contains(name) || ++unknown > kMostReported) continue;
      // The name as sent, cut short: it is echoed back in the answer.
      all.push_back({name.substr(0, 64), "field.unknown"});
    }
  }
  if (all.empty()) return std::nullopt;
  return Error::invalid("error.invalid_input", std::move(all));
}

}  // namespace ombud::http
