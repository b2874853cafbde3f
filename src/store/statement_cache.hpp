// src/store/statement_cache.hpp
//
// Prepared statements kept per connection. SOCI prepares a statement anew for every `sql << …`;
// for the queries of every request (the session, the audit tail, the client lists) parsing the
// SQL cost more than running it. A cached query is a struct holding its soci::statement and the
// variables the statement is bound to:
//
//   struct SessionLookup : CachedStatement {
//     std::string token_hash; long long id = 0;
//     explicit SessionLookup(soci::session& sql) : CachedStatement(sql) {
//       st.exchange(soci::into(id)); st.exchange(soci::use(token_hash));
//       prepare("SELECT id FROM sessions WHERE token_hash = :h");
//     }
//   };
//   auto q = StatementCache::get<SessionLookup>(sql);   // a lease; resets the statement after use
//   q->token_hash = hash; bool found = q->st.execute(true);
#pragma once

#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <utility>

#include <soci/soci.h>

namespace ombud::store {

class CachedStatement {
 public:
  explicit CachedStatement(soci::session& sql) : st(sql), sqlite_(sql.get_backend_name() == "sqlite3") {}
  virtual ~CachedStatement() = default;
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  soci::statement st;

  /// Ends the current execution, so SQLite keeps no read open between requests.
  void reset();

 protected:
  void prepare(const std::string& query);

 private:
  bool sqlite_;
};

class StatementCache {
 public:
  /// A cached statement in use; reset when the lease ends, dropped from the cache when the use
  /// threw (the statement may be in any state then).
  template <typename Q>
  class Lease {
   public:
    Lease(soci::session& sql, std::pair<std::type_index, int> key, Q* q) : sql_(sql), key_(key), q_(q) {}
    ~Lease() {
      if (std::uncaught_exceptions() > uncaught_) {
        StatementCache::drop(sql_, key_);
      } else {
        q_->reset();
      }
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Q* operator->() { return q_; }
    Q& operator*() { return *q_; }

   private:
    soci::session& sql_;
    std::pair<std::type_index, int> key_;
    Q* q_;
    int uncaught_ = std::uncaught_exceptions();
  };

  /// The connection's statement of type Q (and variant, for queries whose text depends on their
  /// arguments), prepared on first use.
  template <typename Q, typename... Args>
  static Lease<Q> get(soci::session& sql, int variant, Args&&... args) {
    auto key = std::make_pair(std::type_index(typeid(Q)), variant);
    CachedStatement* found = find(sql, key);
    if (found == nullptr) {
      auto made = std::make_unique<Q>(sql, std::forward<Args>(args)...);
      found = made.get();
      put(sql, key, std::move(made));
    }
    return Lease<Q>(sql, key, static_cast<Q*>(found));
  }
  template <typename Q>
  static Lease<Q> get(soci::session& sql) {
    return get<Q>(sql, 0);
  }

  /// Forgets every statement of a connection; called before the connection closes.
  static void forget(soci::session& sql);

 private:
  static CachedStatement* find(soci::session& sql, const std::pair<std::type_index, int>& key);
  static void put(soci::session& sql, const std::pair<std::type_index, int>& key,
                  std::unique_ptr<CachedStatement> statement);
  static void drop(soci::session& sql, const std::pair<std::type_index, int>& key);
};

}  // namespace ombud::store
