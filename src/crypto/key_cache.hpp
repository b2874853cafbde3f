// src/crypto/key_cache.hpp
//
// Client data keys kept between requests, so a list of thirty clients does not unwrap thirty keys
// on every view. The keys live in one guarded, locked allocation (never swapped, wiped on
// eviction and at exit). This adds nothing an attacker in the process lacks: the key-encryption
// key, which unwraps every data key, is in memory anyway. An entry is found only for the same
// wrapped blob, so a rotated or replaced wrapping is unwrapped afresh.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crypto/secret.hpp"

namespace ombud::crypto {

class DataKeyCache {
 public:
  explicit DataKeyCache(std::size_t capacity = 4096);
  ~DataKeyCache();
  DataKeyCache(const DataKeyCache&) = delete;
  DataKeyCache& operator=(const DataKeyCache&) = delete;

  std::optional<DataKey> get(std::string_view client_id, std::string_view wrapped);
  void put(std::string_view client_id, std::string_view wrapped, const DataKey& key);
  /// Forgets a client's key (when the client is destroyed).
  void erase(std::string_view client_id);
  std::size_t size() const;

 private:
  struct Entry {
    std::string client_id;
    std::string wrapped_hash;
    std::size_t slot;
  };
  std::size_t capacity_;
  unsigned char* slots_ = nullptr;  // capacity_ × 32 bytes, sodium_malloc'd
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::vector<std::size_t> free_;
};

}  // namespace ombud::crypto
