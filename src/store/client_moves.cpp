// src/store/client_moves.cpp
#include "store/client_moves.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<ClientMoveRow> kMoves("client_moves", {
                                                      column<&ClientMoveRow::id>("id", Written::kNever),
                                                      column<&ClientMoveRow::client_id>("client_id"),
                                                      column<&ClientMoveRow::moved_on>("moved_on"),
                                                      column<&ClientMoveRow::from_municipality>("from_municipality"),
                                                      column<&ClientMoveRow::to_municipality>("to_municipality"),
                                                      column<&ClientMoveRow::recorded_by>("recorded_by"),
                                                  });
}  // namespace

Status insert_client_move(soci::session& sql, const ClientMoveRow& row) {
  return guarded("client_moves.insert", [&]() -> Status {
    kMoves.insert_row(sql, row);
    return {};
  });
}

Result<std::vector<ClientMoveRow>> list_client_moves(soci::session& sql, const std::string& client_id) {
  return guarded("client_moves.list", [&]() -> Result<std::vector<ClientMoveRow>> {
    return kMoves.select_rows(sql, " WHERE client_id = :c ORDER BY moved_on, id", client_id);
  });
}

}  // namespace ombud::store
