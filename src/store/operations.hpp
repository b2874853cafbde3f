// src/store/operations.hpp
//
// The operations table: the PO operation (PO-verksamhet), its time zone and the version of its
// reference data.
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
  long long reference_version = 0;  // grows with every change of users, municipalities, rules
};

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op);
Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id);
Result<std::vector<OperationRecord>> list_operations(soci::session& sql);
/// The operation's reference version alone (migration 0003's triggers keep it), or kNotFound: the
/// cheap check of whether the reference data in memory is current.
Result<long long> reference_version(soci::session& sql, long long operation_id);

}  // namespace ombud::store
