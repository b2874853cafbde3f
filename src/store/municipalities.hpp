// src/store/municipalities.hpp
//
// The municipalities table: the operation's member municipalities (kommuner).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct MunicipalityRecord {
  long long id = 0;
  long long operation_id = 0;
  std::string code;  // kommunkod, e.g. "0882"
  std::string name;
};

Result<long long> insert_municipality(soci::session& sql, const MunicipalityRecord& m);
/// Ordered by name.
Result<std::vector<MunicipalityRecord>> list_municipalities(soci::session& sql, long long operation_id);

}  // namespace ombud::store
