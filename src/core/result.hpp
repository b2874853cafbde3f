// src/core/result.hpp
//
// The error model (docs/adr/0002-error-model.md): expected failures cross every domain, service and
// store boundary as Result<T>. An Error carries a code from a small closed set, which exactly one
// function (http_status in http/respond.cpp) maps to an HTTP status, a message key from the catalogues in i18n/,
// and per-field errors. It never carries personal data: messages are catalogue keys, and the only
// free-form part, `detail`, is for logs and is written from code, never from user input.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace ombud {

enum class ErrorCode {
  kInvalidInput,          // a value the user gave is wrong; see fields
  kUnauthenticated,       // no valid session, or wrong credentials
  kForbidden,             // authenticated, but the role or the assignment does not allow it
  kNotFound,              // no such thing, or not visible to this user
  kConflict,              // the record changed since it was read, or the state forbids the change
  kTooManyRequests,       // throttled; retry_after_seconds says when to try again
  kPayloadTooLarge,       // the request body is over the limit
  kUnsupportedMediaType,  // wrong Content-Type
  kUnavailable,           // overloaded or shutting down; retry later
  kInternal,              // a bug or an environment failure; details only in the log
};

/// The stable, machine-readable name of a code, as used in the JSON API.
const char* error_code_name(ErrorCode code);

struct FieldError {
  std::string field;        // the form or JSON field name
  std::string message_key;  // a catalogue key, e.g. "field.required"
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_key;  // a catalogue key, e.g. "login.failed"
  std::vector<FieldError> fields;
  int retry_after_seconds = 0;
  std::string detail;  // for the log only; never shown, never personal data

  static Error invalid(std::string key, std::vector<FieldError> fields = {}) {
    return Error{ErrorCode::kInvalidInput, std::move(key), std::move(fields), 0, {}};
  }
  static Error field(std::string field_name, std::string key) {
    return invalid("error.invalid_input", {FieldError{std::move(field_name), std::move(key)}});
  }
  static Error unauthenticated(std::string key = "error.unauthenticated") {
    return Error{ErrorCode::kUnauthenticated, std::move(key), {}, 0, {}};
  }
  static Error forbidden(std::string key = "error.forbidden") {
    return Error{ErrorCode::kForbidden, std::move(key), {}, 0, {}};
  }
  static Error not_found(std::string key = "error.not_found") {
    return Error{ErrorCode::kNotFound, std::move(key), {}, 0, {}};
  }
  static Error conflict(std::string key = "error.conflict") {
    return Error{ErrorCode::kConflict, std::move(key), {}, 0, {}};
  }
  static Error too_many(std::string key, int retry_after) {
    return Error{ErrorCode::kTooManyRequests, std::move(key), {}, retry_after, {}};
  }
  static Error internal(std::string detail) {
    return Error{ErrorCode::kInternal, "error.internal", {}, 0, std::move(detail)};
  }
};

template <typename T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

inline tl::unexpected<Error> fail(Error e) {
  return tl::unexpected<Error>(std::move(e));
}

}  // namespace ombud

/// Evaluates a Result expression; on failure returns its Error from the enclosing function,
/// otherwise yields the value. A GCC statement expression, as in Ladybird's TRY.
#define OMBUD_TRY(expr)                                              \
  __extension__({                                                    \
    auto _ombud_try_result = (expr);                                 \
    if (!_ombud_try_result) {                                        \
      return ::tl::unexpected(std::move(_ombud_try_result.error())); \
    }                                                                \
    std::move(_ombud_try_result).value();                            \
  })

/// Like OMBUD_TRY for Result<void>.
#define OMBUD_CHECK(expr)                                              \
  do {                                                                 \
    auto _ombud_check_result = (expr);                                 \
    if (!_ombud_check_result) {                                        \
      return ::tl::unexpected(std::move(_ombud_check_result.error())); \
    }                                                                  \
  } while (false)

/// Programmer errors only: aborts with the message. Never reachable from user input.
#define OMBUD_ASSERT(cond, msg)                                             \
  do {                                                                      \
    if (!(cond)) ::ombud::assertion_failed(#cond, msg, __FILE__, __LINE__); \
  } while (false)

namespace ombud {
[[noreturn]] void assertion_failed(const char* cond, const char* msg, const char* file, int line);
}
