// src/store/client_keys.hpp
//
// The client_keys table: each client's data key, wrapped by a key-encryption key version
// (ADR 0004). Destroying the row makes the client's sealed values unreadable.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct ClientKeyRecord {
  std::string client_id;
  int key_version = 1;
  int kek_version = 1;
  std::string wrapped;
};
Status insert_client_key(soci::session& sql, const ClientKeyRecord& k);
Result<std::optional<ClientKeyRecord>> find_client_key(soci::session& sql, const std::string& client_id);
/// Up to `limit` keys not wrapped by `kek_version`, for re-wrapping during a rotation.
Result<std::vector<ClientKeyRecord>> client_keys_not_at(soci::session& sql, int kek_version, int limit);
Status update_client_key_wrap(soci::session& sql, const std::string& client_id, int kek_version,
                              const std::string& wrapped);
/// How many client keys each KEK version wraps.
Result<std::vector<std::pair<int, long long>>> count_client_keys_by_kek(soci::session& sql);

}  // namespace ombud::store
