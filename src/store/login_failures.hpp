// src/store/login_failures.hpp
//
// The login_failures table: failed sign-ins per account and per address, for throttling.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

enum class ThrottleScope { kAccount, kAddress };

struct FailureWindow {
  long long count = 0;
  UnixSeconds oldest = 0;  // the oldest failure inside the window; 0 when none
};
Result<FailureWindow> login_failures_since(soci::session& sql, ThrottleScope scope, const std::string& subject,
                                           UnixSeconds since);
Status record_login_failure(soci::session& sql, ThrottleScope scope, const std::string& subject, UnixSeconds at);
Status clear_login_failures(soci::session& sql, ThrottleScope scope, const std::string& subject);
Status purge_login_failures(soci::session& sql, UnixSeconds before);

}  // namespace ombud::store
