// src/http/json_input.hpp
//
// Reads typed fields from an API request body, collecting one field error per bad field, so a
// client learns every problem at once. A field the handler never asked for is an error too
// ("field.unknown"): a misspelt field name must not pass as success while its value is dropped.
#pragma once

#include <optional>
#include <set>
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
  bool has(const char* name) const {
    asked_.insert(name);
    return body_.is_object() && body_.contains(name) && !body_[name].is_null();
  }
  /// Declares a field the handler reads from the body itself.
  void known(const char* name) { asked_.insert(name); }

  void add_error(std::string field, std::string key) { errors_.push_back({std::move(field), std::move(key)}); }
  /// The collected errors, and one for each field of the body that was not asked for, as one
  /// kInvalidInput, if any.
  std::optional<Error> error() const;

 private:
  const nlohmann::json* field(const char* name, bool required);
  const nlohmann::json& body_;
  std::vector<FieldError> errors_;
  mutable std::set<std::string, std::less<>> asked_;
};

}  // namespace ombud::http
