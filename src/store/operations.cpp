// src/store/operations.cpp
#include "store/operations.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<OperationRecord> kOperations("operations",
                                         {
                                             column<&OperationRecord::id>("id", Written::kNever),
                                             column<&OperationRecord::name>("name"),
                                             column<&OperationRecord::time_zone>("time_zone"),
                                             column<&OperationRecord::created_at>("created_at", Written::kOnInsert),
                                             column<&OperationRecord::reference_version>("reference_version",
                                                                                         Written::kNever),
                                         });

struct FindOperation {};
}  // namespace

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op) {
  return guarded("operations.insert", [&]() -> Result<long long> { return kOperations.insert_returning_id(sql, op); });
}

Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id) {
  return guarded("operations.find", [&]() -> Result<std::optional<OperationRecord>> {
    return cached_row<FindOperation>(sql, kOperations, "", " WHERE id = :id", id);
  });
}

Result<std::vector<OperationRecord>> list_operations(soci::session& sql) {
  return guarded("operations.list", [&]() -> Result<std::vector<OperationRecord>> {
    return kOperations.select_rows(sql, " ORDER BY id");
  });
}

}  // namespace ombud::store

namespace ombud::store {

Result<long long> reference_version(soci::session& sql, long long operation_id) {
  return guarded("operations.reference_version", [&]() -> Result<long long> {
    auto op = cached_row<FindOperation>(sql, kOperations, "", " WHERE id = :id", operation_id);
    if (!op) return fail(Error::not_found("error.not_found"));
    return op->reference_version;
  });
}

}  // namespace ombud::store
