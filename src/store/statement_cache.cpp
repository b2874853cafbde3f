// src/store/statement_cache.cpp
#include "store/statement_cache.hpp"

#include <mutex>
#include <unordered_map>

#include <soci/sqlite3/soci-sqlite3.h>

namespace ombud::store {

namespace {

using Entries = std::map<std::pair<std::type_index, int>, std::unique_ptr<CachedStatement>>;

// One table for every connection. A pooled connection is used by one thread at a time, so the
// statements themselves need no lock; only the table does.
std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
std::unordered_map<const soci::session*, Entries>& registry() {
  static std::unordered_map<const soci::session*, Entries> r;
  return r;
}

}  // namespace

void CachedStatement::prepare(const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

void CachedStatement::reset() {
  // SQLite keeps a statement that returned a row active (and a read open) until it is reset;
  // PostgreSQL results are complete once fetched.
  if (!sqlite_) return;
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  if (backend != nullptr && backend->stmt_ != nullptr) sqlite_api::sqlite3_reset(backend->stmt_);
}

CachedStatement* StatementCache::find(soci::session& sql, const std::pair<std::type_index, int>& key) {
  std::lock_guard lock(registry_mutex());
  auto& entries = registry()[&sql];
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : it->second.get();
}

void StatementCache::put(soci::session& sql, const std::pair<std::type_index, int>& key,
                         std::unique_ptr<CachedStatement> statement) {
  std::lock_guard lock(registry_mutex());
  registry()[&sql][key] = std::move(statement);
}

void StatementCache::drop(soci::session& sql, const std::pair<std::type_index, int>& key) {
  std::unique_ptr<CachedStatement> gone;
  {
    std::lock_guard lock(registry_mutex());
    auto& entries = registry()[&sql];
    auto it = entries.find(key);
    if (it == entries.end()) return;
    gone = std::move(it->second);
    entries.erase(it);
  }
}

void StatementCache::forget(soci::session& sql) {
  Entries gone;
  {
    std::lock_guard lock(registry_mutex());
    auto it = registry().find(&sql);
    if (it == registry().end()) return;
    gone = std::move(it->second);
    registry().erase(it);
  }
}

}  // namespace ombud::store
