// src/store/code_counters.hpp
//
// The code_counters table: each operation's series of client codes per year (K-2026-001, …).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

/// The next number in the operation's client code series for a year (1, 2, …); safe under
/// concurrent intake, on both engines.
Result<int> next_client_number(soci::session& sql, long long operation_id, int year);

}  // namespace ombud::store
