// src/crypto/keyring.hpp
//
// The key-encryption keys (KEKs), read from a key file kept outside the database (mode 0600). They
// wrap the per-client data keys stored in the database, so a database backup alone is unreadable.
// Several versions may be present during a rotation; `current` wraps new keys.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>

#include "core/result.hpp"
#include "crypto/secret.hpp"

namespace ombud::crypto {

class KeyRing {
 public:
  /// Writes a new key file with one fresh key (version 1). Fails if the file exists.
  static Status create_file(const std::filesystem::path& path);

  /// Loads the key file. Refuses a file that group or others may read or write.
  static Result<std::unique_ptr<KeyRing>> load(const std::filesystem::path& path);

  /// Adds a fresh key as the new current version; returns its version. Atomic on disk.
  static Result<std::uint32_t> add_version(const std::filesystem::path& path);

  /// Removes every version except `keep` from the file. Atomic on disk.
  static Status retire_versions_except(const std::filesystem::path& path, std::uint32_t keep);

  std::uint32_t current_version() const;
  std::vector<std::uint32_t> versions() const;

  /// Re-reads the key file if it changed on disk (a rotation by another process).
  void refresh();

  /// Wraps a data key with the current KEK; `ad` binds it to its owner.
  struct Wrapped {
    std::uint32_t kek_version;
    std::string sealed;
  };
  Wrapped wrap(KeyView data_key, std::string_view ad);
  Result<DataKey> unwrap(std::uint32_t kek_version, std::string_view sealed, std::string_view ad);

  /// A value that proves, later, that this key file belongs to a database.
  std::string make_check(std::uint32_t version);
  bool verify_check(std::uint32_t version, std::string_view check);

  const std::filesystem::path& path() const { return path_; }

 private:
  struct Contents {
    std::uint32_t current = 0;
    std::map<std::uint32_t, Secret> keys;
  };
  static Result<Contents> read_file(const std::filesystem::path& path);
  static Status write_file(const std::filesystem::path& path, const Contents& contents);

  std::filesystem::path path_;
  mutable std::shared_mutex mutex_;
  Contents contents_;
  std::int64_t mtime_ns_ = 0;
};

}  // namespace ombud::crypto
