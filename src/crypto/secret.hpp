// src/crypto/secret.hpp
//
// Key material lives only in libsodium's guarded allocations: locked in memory (never swapped),
// fenced by guard pages, and wiped when freed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace ombud::crypto {

/// Calls sodium_init() once; returns false when libsodium cannot be used.
bool init();

/// Turns off core dumps, so key material never lands in one.
void disable_core_dumps();

/// A 32-byte key as the cipher functions take it.
using KeyView = std::span<const unsigned char, 32>;

/// A fixed-size secret in guarded, locked memory (guard pages, mlock). Move-only. For the
/// long-lived key-encryption keys; each allocation costs tens of microseconds.
class Secret {
 public:
  static constexpr std::size_t kSize = 32;

  Secret();
  ~Secret();
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  static Secret random();
  static Result<Secret> from_bytes(std::span<const unsigned char> bytes);

  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  static constexpr std::size_t size() { return kSize; }
  KeyView view() const { return KeyView(data_, kSize); }
  operator KeyView() const { return view(); }  // NOLINT(google-explicit-constructor): a key is a key

 private:
  unsigned char* data_ = nullptr;
};

/// A client's data key while it is in use: ordinary memory, wiped when destroyed. Short-lived;
/// the cache that keeps data keys between requests (DataKeyCache) holds them in locked memory.
class DataKey {
 public:
  static constexpr std::size_t kSize = 32;
  DataKey() = default;
  explicit DataKey(KeyView bytes);
  ~DataKey();
  DataKey(const DataKey& other) : DataKey(other.view()) {}
  DataKey& operator=(const DataKey& other);
  static DataKey random();
  KeyView view() const { return KeyView(bytes_, kSize); }
  operator KeyView() const { return view(); }  // NOLINT(google-explicit-constructor)

 private:
  unsigned char bytes_[kSize] = {};
};

std::string random_bytes(std::size_t n);

/// A URL-safe random token of `bytes` random bytes (base64url, no padding).
std::string random_token(std::size_t bytes = 32);

/// A password to hand to a person by word of mouth or on paper: 16 characters from an alphabet
/// without look-alikes (no 0/o, 1/l/i), in groups of four ("k7qm-x3vt-9hdp-2wfa"), about 79 bits.
std::string one_time_password();

/// A random 128-bit identifier as 26 lowercase base32 characters; opaque and unguessable.
std::string random_id();

/// Whether `s` has the form random_id() gives (26 characters of a–z, 2–7).
bool is_random_id(std::string_view s);

/// BLAKE2b-256 of the input, as 64 lowercase hex characters.
std::string hash_hex(std::string_view data);

/// Constant-time equality of two strings of the same length (false when lengths differ).
bool equal_constant_time(std::string_view a, std::string_view b);

std::string to_base64(std::string_view bytes);
/// Decodes in constant time (libsodium): for text that holds a secret, such as a key.
Result<std::string> from_base64(std::string_view text);
/// Decodes what to_base64() wrote (padded, no white space) with a lookup table, several times
/// faster; only for text that is not secret, such as a ciphertext, whose timing tells nothing.
Result<std::string> from_base64_public(std::string_view text);

}  // namespace ombud::crypto
