// src/store/client_records.hpp
//
// The statements every table of a client's work records has (ADR 0020): its rows of one client in
// a fixed order, one row by the client and its id (an id of another client's row finds nothing),
// an insert, an update at the next version that only succeeds from the version the user saw, and
// a delete. A table file names its columns and its order once and answers through these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

template <typename Row>
class ClientRecords {
 public:
  /// `name` prefixes the error contexts ("network.list"); `order` is the list's ORDER BY.
  ClientRecords(const char* name, const Table<Row>& table, const char* order)
      : name_(name), table_(table), order_(order) {}

  Result<std::vector<Row>> list(soci::session& sql, const std::string& client_id) const {
    return guarded(context("list").c_str(), [&]() -> Result<std::vector<Row>> {
      return table_.select_rows(sql, std::string(" WHERE client_id = :c ORDER BY ") + order_, client_id);
    });
  }

  Result<std::optional<Row>> find(soci::session& sql, const std::string& client_id, const std::string& id) const {
    return guarded(context("find").c_str(), [&]() -> Result<std::optional<Row>> {
      return table_.select_one(sql, " WHERE client_id = :c AND id = :id", client_id, id);
    });
  }

  Status insert(soci::session& sql, const Row& row) const {
    return guarded(context("insert").c_str(), [&]() -> Status {
      table_.insert_row(sql, row);
      return {};
    });
  }

  /// Writes the row's values at the next version if it is still at `row.version`; false when
  /// someone changed it first.
  Result<bool> update(soci::session& sql, const Row& row) const {
    return guarded(context("update").c_str(), [&]() -> Result<bool> {
      return table_.update_row(sql, row, ", version = version + 1 WHERE client_id = :c AND id = :id AND version = :v",
                               row.client_id, row.id, row.version) == 1;
    });
  }

  Status remove(soci::session& sql, const std::string& client_id, const std::string& id) const {
    return guarded(context("delete").c_str(), [&]() -> Status {
      sql << "DELETE FROM " + std::string(table_.name()) + " WHERE client_id = :c AND id = :id", soci::use(client_id),
          soci::use(id);
      return {};
    });
  }

 private:
  std::string context(const char* what) const { return std::string(name_) + "." + what; }

  const char* name_;
  const Table<Row>& table_;
  const char* order_;
};

}  // namespace ombud::store
