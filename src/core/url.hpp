// src/core/url.hpp
//
// Percent-encoding (RFC 3986) for addresses, query strings and form bodies, by Boost.URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ombud {

/// Encodes all but the unreserved characters and '/': safe in a path, a query value or a form
/// value ("/clients/a b" -> "/clients/a%20b").
std::string percent_encode(std::string_view s);

/// Decodes %XX escapes, and '+' as a space when `plus_is_space` (form bodies and query strings).
/// nullopt when an escape is malformed or the result is not clean UTF-8 (tabs and newlines are
/// allowed).
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

}  // namespace ombud
