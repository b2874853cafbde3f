// src/store/network_entries.hpp
//
// The network_entries table: the people and organisations around a client (the network map).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct NetworkRow {
  std::string id;
  std::string client_id;
  std::string kind;
  std::string name_ct;
  std::optional<std::string> does_ct;
  bool contact_agreed = false;
  std::optional<std::string> contact_ct;
  long long created_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

/// The client's network, oldest first.
Result<std::vector<NetworkRow>> list_network(soci::session& sql, const std::string& client_id);
Result<std::optional<NetworkRow>> find_network_entry(soci::session& sql, const std::string& client_id,
                                                     const std::string& id);
Status insert_network_entry(soci::session& sql, const NetworkRow& row);
/// Writes at the next version if still at `row.version`; false when someone changed it first.
Result<bool> update_network_entry(soci::session& sql, const NetworkRow& row);
/// Removes the entry with its consents; log entries that named it keep their category.
Status delete_network_entry(soci::session& sql, const std::string& client_id, const std::string& id);

}  // namespace ombud::store
