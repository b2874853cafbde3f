// src/core/text.hpp
//
// Small text helpers shared by every layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ombud {

/// True when s is well-formed UTF-8 without control characters other than tab and newline.
bool is_clean_utf8(std::string_view s, bool allow_newlines = false);

/// The number of Unicode code points in well-formed UTF-8.
std::size_t utf8_length(std::string_view s);

std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);

/// Parses a whole decimal integer; false on anything else.
bool parse_int(std::string_view s, long long& out);

}  // namespace ombud
