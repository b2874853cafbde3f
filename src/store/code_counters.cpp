// src/store/code_counters.cpp
#include "store/code_counters.hpp"

#include "store/database.hpp"

namespace ombud::store {

Result<int> next_client_number(soci::session& sql, long long operation_id, int year) {
  return guarded("code_counters.next", [&]() -> Result<int> {
    int next = 0;
    sql << "INSERT INTO code_counters(operation_id, year, next) VALUES(:op, :y, 1) "
           "ON CONFLICT (operation_id, year) DO UPDATE SET next = code_counters.next + 1 RETURNING next",
        soci::use(operation_id), soci::use(year), soci::into(next);
    return next;
  });
}

}  // namespace ombud::store
