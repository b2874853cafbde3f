// src/core/result.cpp
#include "core/result.hpp"

#include <cstdio>
#include <cstdlib>

namespace ombud {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

void assertion_failed(const char* cond, const char* msg, const char* file, int line) {
  std::fprintf(stderr, "ombud: assertion failed: %s (%s) at %s:%d\n", msg, cond, file, line);
  std::abort();
}

}  // namespace ombud
