// src/http/form.hpp
//
// application/x-www-form-urlencoded bodies and query strings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/url.hpp"

namespace ombud::http {

class Form {
 public:
  /// Parses "a=1&b=2". Fails on a malformed encoding or invalid UTF-8. A field may repeat
  /// (checkbox groups); get() gives its first value, all() every value.
  static std::optional<Form> parse(std::string_view encoded);

  /// The (first) value of a field, or "" when absent.
  const std::string& get(const std::string& name) const;
  const std::vector<std::string>& all(const std::string& name) const;
  bool has(const std::string& name) const { return fields_.count(name) != 0; }
  /// The names of the fields sent, in order.
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::vector<std::string>> fields_;
};

}  // namespace ombud::http
