// src/crypto/aead.hpp
//
// Envelope encryption (docs/adr/0004-encryption-and-keys.md). Each client has its own data key;
// every personal field is sealed with XChaCha20-Poly1305 under that key, with associated data that
// names exactly where the value belongs, so a ciphertext copied to another row, column, client or key
// version fails to open.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "crypto/secret.hpp"

namespace ombud::crypto {

/// Where a sealed value belongs; becomes the AEAD associated data.
struct FieldAd {
  std::string_view table;
  std::string_view column;
  std::string_view row_id;
  std::string_view client_id;
  std::uint32_t key_version = 1;

  std::string encode() const;
};

/// Seals plaintext under key; returns base64(nonce || ciphertext || tag).
std::string seal(KeyView key, std::string_view plaintext, std::string_view ad);

/// Opens what seal() produced. Fails (without detail) on a wrong key, tampering or wrong ad.
Result<std::string> open(KeyView key, std::string_view sealed, std::string_view ad);

inline std::string seal_field(KeyView key, std::string_view plaintext, const FieldAd& ad) {
  return seal(key, plaintext, ad.encode());
}
inline Result<std::string> open_field(KeyView key, std::string_view sealed, const FieldAd& ad) {
  return open(key, sealed, ad.encode());
}

}  // namespace ombud::crypto
