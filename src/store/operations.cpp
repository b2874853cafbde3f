// src/store/operations.cpp
#include "store/operations.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"

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

struct ReferenceVersion : CachedStatement {
  long long operation_id = 0;
  long long version = 0;
  explicit ReferenceVersion(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(version));
    st.exchange(soci::use(operation_id));
    prepare("SELECT reference_version FROM operations WHERE id = :id");
  }
};
}  // namespace

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op) {
  return guarded("operations.insert", [&]() -> Result<long long> { return kOperations.insert_returning_id(sql, op); });
}

Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id) {
  return guarded("operations.find", [&]() -> Result<std::optional<OperationRecord>> {
    return kOperations.select_one(sql, " WHERE id = :id", id);
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
    auto q = StatementCache::get<ReferenceVersion>(sql);
    q->operation_id = operation_id;
    if (!q->st.execute(true)) return fail(Error::not_found("error.not_found"));
    return q->version;
  });
}

}  // namespace ombud::store
