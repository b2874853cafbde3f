// src/store/orientation_ombud.cpp
#include "store/orientation_ombud.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
struct Booking {
  std::string client_id;
  long long user_id = 0;
};
const Table<Booking> kBookings("orientation_ombud", "orientation_ombud o",
                               {
                                   column<&Booking::client_id>("client_id", Written::kOnInsert),
                                   column<&Booking::user_id>("user_id", Written::kOnInsert),
                               });
struct BookingsOfClient {};
}  // namespace

Status set_orientation_ombud(soci::session& sql, const std::string& client_id, const std::vector<long long>& users) {
  return guarded("orientation_ombud.set", [&]() -> Status {
    sql << "DELETE FROM orientation_ombud WHERE client_id = :c", soci::use(client_id);
    for (long long u : users)
      kBookings.insert_row(sql, Booking{client_id, u});
    return {};
  });
}

Result<std::vector<long long>> orientation_ombud(soci::session& sql, const std::string& client_id) {
  return guarded("orientation_ombud.list", [&]() -> Result<std::vector<long long>> {
    std::vector<long long> out;
    for (const auto& b :
         cached_rows<BookingsOfClient>(sql, kBookings, "o", " WHERE o.client_id = :c ORDER BY o.user_id", client_id))
      out.push_back(b.user_id);
    return out;
  });
}

Result<std::vector<std::pair<std::string, long long>>> all_orientation_ombud(soci::session& sql,
                                                                             long long operation_id) {
  return guarded("orientation_ombud.all", [&]() -> Result<std::vector<std::pair<std::string, long long>>> {
    std::vector<std::pair<std::string, long long>> out;
    for (const auto& b :
         kBookings.select_rows(sql, " JOIN clients c ON c.id = o.client_id WHERE c.operation_id = :op", operation_id))
      out.emplace_back(b.client_id, b.user_id);
    return out;
  });
}

}  // namespace ombud::store
