// src/http/json_input.hpp
//
// Reads typed fields from an API request body, collecting one field error per bad field, so a
// client learns every problem at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace ombud::http {

class JsonInput {
 public:
  explicit JsonInput(const nlohmann::json& body) : body_(body) {}

  /// A string field; "" when absent (an error when required) or of the wrong type.
  std::string string(const char* name, bool required);
  /// An integer field.
  std::optional<long long> integer(const char* name, bool required);
  /// A boolean field.
  std::optional<bool> boolean(const char* name, bool required);
  /// An array of strings.
  std::vector<std::string> strings(const char* name, bool required);
  bool has(const char* name) const { return body_.is_object() && body_.contains(name) && !body_[name].is_null(); }

  void add_error(std::string field, std::string key) { errors_.push_back({std::move(field), std::move(key)}); }
  /// The collected errors as one kInvalidInput, if any.
  std::optional<Error> error() const;

 private:
  const nlohmann::json* field(const char* name, bool required);
  const nlohmann::json& body_;
  std::vector<FieldError> errors_;
};

}  // namespace ombud::http
