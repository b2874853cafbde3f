// src/crypto/password.hpp
//
// Argon2id password hashes (libsodium crypto_pwhash_str). Each hash costs ~64 MiB and ~90 ms at
// the INTERACTIVE limits, so at most `max_concurrent` run at once; the rest wait their turn.
#pragma once

#include <semaphore>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace ombud::crypto {

enum class HashStrength {
  kInteractive,  // libsodium INTERACTIVE: 64 MiB, t = 2. Production.
  kTestOnly,     // libsodium MIN limits; only for unit tests that hash many passwords.
};

class PasswordHasher {
 public:
  explicit PasswordHasher(int max_concurrent = 2, HashStrength strength = HashStrength::kInteractive);

  Result<std::string> hash(std::string_view password);

  /// True when `password` matches `stored`. A malformed `stored` never matches.
  bool verify(std::string_view stored, std::string_view password);

  /// Spends the same time as a verify against a real hash; used for unknown users, so that
  /// "unknown user" and "wrong password" take the same time.
  void verify_dummy(std::string_view password);

  bool needs_rehash(std::string_view stored) const;

 private:
  std::counting_semaphore<64> slots_;
  unsigned long long opslimit_;
  std::size_t memlimit_;
  std::string dummy_hash_;
};

}  // namespace ombud::crypto
