// src/crypto/key_cache.cpp
#include "crypto/key_cache.hpp"

#include <sodium.h>

#include <cstring>
#include <new>

namespace ombud::crypto {

namespace {
std::string short_hash(std::string_view data) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(h), sizeof h);
}
}  // namespace

DataKeyCache::DataKeyCache(std::size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {
  init();
  slots_ = static_cast<unsigned char*>(sodium_malloc(capacity_ * DataKey::kSize));
  if (slots_ == nullptr) throw std::bad_alloc();
  sodium_memzero(slots_, capacity_ * DataKey::kSize);
  free_.reserve(capacity_);
  for (std::size_t i = capacity_; i > 0; --i)
    free_.push_back(i - 1);
}

DataKeyCache::~DataKeyCache() {
  sodium_free(slots_);
}

std::optional<DataKey> DataKeyCache::get(std::string_view client_id, std::string_view wrapped) {
  std::string hash = short_hash(wrapped);
  std::lock_guard lock(mutex_);
  auto it = index_.find(std::string(client_id));
  if (it == index_.end() || it->second->wrapped_hash != hash) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second);
  return DataKey(KeyView(slots_ + it->second->slot * DataKey::kSize, DataKey::kSize));
}

void DataKeyCache::put(std::string_view client_id, std::string_view wrapped, const DataKey& key) {
  std::string hash = short_hash(wrapped);
  std::lock_guard lock(mutex_);
  std::string id(client_id);
  auto it = index_.find(id);
  std::size_t slot = 0;
  if (it != index_.end()) {
    slot = it->second->slot;
    it->second->wrapped_hash = hash;
    lru_.splice(lru_.begin(), lru_, it->second);
  } else {
    if (free_.empty()) {
      Entry& oldest = lru_.back();
      sodium_memzero(slots_ + oldest.slot * DataKey::kSize, DataKey::kSize);
      free_.push_back(oldest.slot);
      index_.erase(oldest.client_id);
      lru_.pop_back();
    }
    slot = free_.back();
    free_.pop_back();
    lru_.push_front(Entry{id, hash, slot});
    index_[id] = lru_.begin();
  }
  std::memcpy(slots_ + slot * DataKey::kSize, key.view().data(), DataKey::kSize);
}

void DataKeyCache::erase(std::string_view client_id) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(std::string(client_id));
  if (it == index_.end()) return;
  sodium_memzero(slots_ + it->second->slot * DataKey::kSize, DataKey::kSize);
  free_.push_back(it->second->slot);
  lru_.erase(it->second);
  index_.erase(it);
}

std::size_t DataKeyCache::size() const {
  std::lock_guard lock(mutex_);
  return index_.size();
}

}  // namespace ombud::crypto
