// src/store/client_moves.hpp
//
// The client_moves table: a client's moves between municipalities while the case continues.
#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"

namespace ombud::store {

struct ClientMoveRow {
  long long id = 0;
  std::string client_id;
  std::string moved_on;
  std::string from_municipality;
  std::string to_municipality;
  long long recorded_by = 0;
};

Status insert_client_move(soci::session& sql, const ClientMoveRow& row);
/// Oldest first.
Result<std::vector<ClientMoveRow>> list_client_moves(soci::session& sql, const std::string& client_id);

}  // namespace ombud::store
