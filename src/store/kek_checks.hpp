// src/store/kek_checks.hpp
//
// The kek_checks table: for each key-encryption key version, a value sealed with it, proving
// that the key file belongs to this database.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct KekCheck {
  int version = 0;
  std::string check_value;
  UnixSeconds created_at = 0;
};
Status insert_kek_check(soci::session& sql, int version, const std::string& check, UnixSeconds now);
/// Ordered by version.
Result<std::vector<KekCheck>> list_kek_checks(soci::session& sql);

}  // namespace ombud::store
