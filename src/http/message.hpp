// src/http/message.hpp
//
// Plain request and response values. The router and every handler work on these, never on Beast
// types, so they are tested in-process without sockets and Beast stays in one translation unit.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ombud::http {

struct Request {
  std::string method;                                        // "GET", "POST", …
  std::string target;                                        // as received: path and query
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;  // the peer, or the forwarded client behind a trusted proxy

  /// The first header with this (lower-case) name, or "".
  std::string_view header(std::string_view name) const;
  /// The path part of the target, not decoded.
  std::string_view raw_path() const;
  /// The query part of the target (after '?'), not decoded.
  std::string_view raw_query() const;
  /// The value of a cookie, or "".
  std::string cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string name, std::string value);
  void add_header(std::string name, std::string value);  // e.g. several Set-Cookie
  std::string_view header(std::string_view name) const;
};

}  // namespace ombud::http
