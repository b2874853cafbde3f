// src/store/operations.hpp
//
// The operations table: the PO operation (PO-verksamhet) and its time zone.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct OperationRecord {
  long long id = 0;
  std::string name;
  std::string time_zone;
  UnixSeconds created_at = 0;
};

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op);
Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id);
Result<std::vector<OperationRecord>> list_operations(soci::session& sql);

}  // namespace ombud::store
