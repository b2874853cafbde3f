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
                                         });
}  // namespace

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op) {
  return guarded("operations.insert", [&]() -> Result<long long> {
    long long id = 0;
    soci::statement st(sql);
    kOperations.use_inserted(st, op);
    st.exchange(soci::into(id));
    prepare_bound(st, kOperations.insert() + " RETURNING id");
    st.execute(true);
    return id;
  });
}

Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id) {
  return guarded("operations.find", [&]() -> Result<std::optional<OperationRecord>> {
    OperationRecord op;
    soci::statement st(sql);
    kOperations.into(st, op);
    st.exchange(soci::use(id));
    prepare_bound(st, kOperations.select() + " WHERE id = :id");
    if (!st.execute(true)) return std::optional<OperationRecord>();
    return std::optional<OperationRecord>(op);
  });
}

Result<std::vector<OperationRecord>> list_operations(soci::session& sql) {
  return guarded("operations.list", [&]() -> Result<std::vector<OperationRecord>> {
    OperationRecord op;
    soci::statement st(sql);
    kOperations.into(st, op);
    prepare_bound(st, kOperations.select() + " ORDER BY id");
    std::vector<OperationRecord> out;
    collect(st, out, op);
    return out;
  });
}

}  // namespace ombud::store
