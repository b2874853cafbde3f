// src/core/url.cpp
#include "core/url.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/text.hpp"

namespace ombud {

std::string percent_encode(std::string_view s) {
  return boost::urls::encode(s, boost::urls::unreserved_chars + '/');
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  auto escaped = boost::urls::make_pct_string_view(s);
  if (!escaped) return std::nullopt;
  boost::urls::encoding_opts opts;
  opts.space_as_plus = plus_is_space;
  std::string out = escaped->decode(opts);
  if (!is_clean_utf8(out, true)) return std::nullopt;
  return out;
}

}  // namespace ombud
