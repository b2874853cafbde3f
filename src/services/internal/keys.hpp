// src/services/internal/keys.hpp
//
// Each client's data key (ADR 0004): created and wrapped inside the transaction that creates the
// client, and unwrapped through the key cache when the client is read.
#pragma once

#include <string>

#include "crypto/secret.hpp"
#include "services/context.hpp"
#include "store/database.hpp"

namespace ombud::services {

/// A new client's data key, wrapped and stored inside the caller's transaction.
Result<crypto::DataKey> create_client_key(const Services& s, store::Tx& tx, const std::string& client_id);
/// Unwraps a data key already read from the database, through the key cache.
Result<crypto::DataKey> unwrap_client_key(const Services& s, const std::string& client_id, int key_version,
                                          int kek_version, const std::string& wrapped);

}  // namespace ombud::services
