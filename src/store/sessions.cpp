// src/store/sessions.cpp
#include "store/sessions.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"
#include "store/users_columns.hpp"

namespace ombud::store {

namespace {
const Table<SessionRecord> kSessions("sessions",
                                     {
                                         column<&SessionRecord::id>("id", Written::kNever),
                                         column<&SessionRecord::token_hash>("token_hash", Written::kOnInsert),
                                         column<&SessionRecord::user_id>("user_id", Written::kOnInsert),
                                         column<&SessionRecord::csrf_token>("csrf_token", Written::kOnInsert),
                                         column<&SessionRecord::created_at>("created_at", Written::kOnInsert),
                                         column<&SessionRecord::last_seen_at>("last_seen_at"),
                                         column<&SessionRecord::expires_at>("expires_at", Written::kOnInsert),
                                     });

// The session of a request with its user: the query every signed-in request runs first.
struct SessionLookup : CachedStatement {
  std::string token_hash;
  SessionRecord session;
  UserRecord user;
  explicit SessionLookup(soci::session& sql) : CachedStatement(sql) {
    kSessions.into(st, session);
    kUsers.into(st, user);
    st.exchange(soci::use(token_hash));
    prepare("SELECT " + kSessions.columns_of("s") + ", " + kUsers.columns_of("u") +
            " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :h");
  }
};
}  // namespace

Result<long long> insert_session(soci::session& sql, const SessionRecord& s) {
  return guarded("sessions.insert", [&]() -> Result<long long> { return kSessions.insert_returning_id(sql, s); });
}

Result<std::optional<std::pair<SessionRecord, UserRecord>>> find_session(soci::session& sql,
                                                                         const std::string& token_hash) {
  using Out = std::optional<std::pair<SessionRecord, UserRecord>>;
  return guarded("sessions.find", [&]() -> Result<Out> {
    auto q = StatementCache::get<SessionLookup>(sql);
    q->token_hash = token_hash;
    if (!q->st.execute(true)) return Out();
    return Out(std::make_pair(q->session, q->user));
  });
}

Status touch_session(soci::session& sql, long long session_id, UnixSeconds now) {
  return guarded("sessions.touch", [&]() -> Status {
    long long t = now;
    sql << "UPDATE sessions SET last_seen_at = :t WHERE id = :id", soci::use(t), soci::use(session_id);
    return {};
  });
}

Status delete_session(soci::session& sql, long long session_id) {
  return guarded("sessions.delete", [&]() -> Status {
    sql << "DELETE FROM sessions WHERE id = :id", soci::use(session_id);
    return {};
  });
}

Status delete_user_sessions(soci::session& sql, long long user_id) {
  return guarded("sessions.delete_user", [&]() -> Status {
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user_id);
    return {};
  });
}

Status delete_other_user_sessions(soci::session& sql, long long user_id, long long keep_session_id) {
  return guarded("sessions.delete_other", [&]() -> Status {
    sql << "DELETE FROM sessions WHERE user_id = :id AND id <> :keep", soci::use(user_id), soci::use(keep_session_id);
    return {};
  });
}

Result<long long> delete_stale_sessions(soci::session& sql, UnixSeconds now, long long idle_seconds) {
  return guarded("sessions.delete_stale", [&]() -> Result<long long> {
    long long t = now;
    long long idle_before = now - idle_seconds;
    soci::statement st = (sql.prepare << "DELETE FROM sessions WHERE expires_at <= :t OR last_seen_at < :i",
                          soci::use(t), soci::use(idle_before));
    st.execute(true);
    return st.get_affected_rows();
  });
}

}  // namespace ombud::store
