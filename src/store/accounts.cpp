// src/store/accounts.cpp
#include "store/accounts.hpp"

#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

namespace {

constexpr const char* kUserColumns =
    "id, operation_id, username, display_name, role, password_hash, disabled, created_at, "
    "password_changed_at, version";

// Binds the columns of kUserColumns, in order, to a UserRecord being read.
struct UserRow {
  long long id = 0;
  long long operation_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password_hash;
  int disabled = 0;
  long long created_at = 0;
  long long password_changed_at = 0;
  int version = 0;

  template <typename Statement>
  void bind(Statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(operation_id));
    st.exchange(soci::into(username));
    st.exchange(soci::into(display_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(password_hash));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(password_changed_at));
    st.exchange(soci::into(version));
  }

  UserRecord record() const {
    UserRecord u;
    u.id = id;
    u.operation_id = operation_id;
    u.username = username;
    u.display_name = display_name;
    auto parsed = domain::parse_role(role);
    if (!parsed) throw soci::soci_error("users row with an unknown role");
    u.role = *parsed;
    u.password_hash = password_hash;
    u.disabled = disabled != 0;
    u.created_at = created_at;
    u.password_changed_at = password_changed_at;
    u.version = version;
    return u;
  }
};

const char* scope_name(ThrottleScope s) {
  return s == ThrottleScope::kAccount ? "account" : "address";
}

template <typename Param>
Result<std::optional<UserRecord>> find_user_where(soci::session& sql, const char* where, const Param& param) {
  UserRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(param));
  st.alloc();
  st.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where);
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<UserRecord>();
  return std::optional<UserRecord>(row.record());
}

}  // namespace

Result<std::optional<UserRecord>> find_user_by_username(soci::session& sql, std::string_view username) {
  return guarded("users.find_by_username", [&]() -> Result<std::optional<UserRecord>> {
    return find_user_where(sql, "username = :u", std::string(username));
  });
}

Result<std::optional<UserRecord>> find_user_by_id(soci::session& sql, long long id) {
  return guarded("users.find_by_id",
                 [&]() -> Result<std::optional<UserRecord>> { return find_user_where(sql, "id = :id", id); });
}

namespace {
struct ListUsers : CachedStatement {
  long long operation_id = 0;
  UserRow row;
  explicit ListUsers(soci::session& sql) : CachedStatement(sql) {
    row.bind(st);
    st.exchange(soci::use(operation_id));
    prepare(std::string("SELECT ") + kUserColumns +
            " FROM users WHERE operation_id = :op ORDER BY display_name, username");
  }
};
}  // namespace

Result<std::vector<UserRecord>> list_users(soci::session& sql, long long operation_id) {
  return guarded("users.list", [&]() -> Result<std::vector<UserRecord>> {
    auto q = StatementCache::get<ListUsers>(sql);
    q->operation_id = operation_id;
    std::vector<UserRecord> out;
    if (q->st.execute(true)) {
      do {
        out.push_back(q->row.record());
      } while (q->st.fetch());
    }
    return out;
  });
}

Result<long long> insert_user(soci::session& sql, const UserRecord& u) {
  return guarded("users.insert", [&]() -> Result<long long> {
    long long id = 0;
    std::string role(domain::role_name(u.role));
    int disabled = u.disabled ? 1 : 0;
    long long created = u.created_at;
    long long changed = u.password_changed_at;
    sql << "INSERT INTO users(operation_id, username, display_name, role, password_hash, disabled, "
           "created_at, password_changed_at) VALUES(:op, :u, :d, :r, :h, :dis, :c, :p) RETURNING id",
        soci::use(u.operation_id), soci::use(u.username), soci::use(u.display_name), soci::use(role),
        soci::use(u.password_hash), soci::use(disabled), soci::use(created), soci::use(changed), soci::into(id);
    return id;
  });
}

Status update_password_hash(soci::session& sql, long long user_id, const std::string& hash, UnixSeconds now) {
  return guarded("users.update_password", [&]() -> Status {
    long long t = now;
    sql << "UPDATE users SET password_hash = :h, password_changed_at = :t, version = version + 1 "
           "WHERE id = :id",
        soci::use(hash), soci::use(t), soci::use(user_id);
    return {};
  });
}

Status set_user_disabled(soci::session& sql, long long user_id, bool disabled) {
  return guarded("users.set_disabled", [&]() -> Status {
    int d = disabled ? 1 : 0;
    sql << "UPDATE users SET disabled = :d, version = version + 1 WHERE id = :id", soci::use(d), soci::use(user_id);
    return {};
  });
}

Result<long long> insert_session(soci::session& sql, const SessionRecord& s) {
  return guarded("sessions.insert", [&]() -> Result<long long> {
    long long id = 0;
    long long created = s.created_at;
    long long seen = s.last_seen_at;
    long long expires = s.expires_at;
    sql << "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
           "VALUES(:h, :u, :c, :cr, :s, :e) RETURNING id",
        soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token), soci::use(created), soci::use(seen),
        soci::use(expires), soci::into(id);
    return id;
  });
}

namespace {
// The session of a request: the query every signed-in request runs first.
struct SessionLookup : CachedStatement {
  std::string token_hash;
  SessionRecord s;
  long long created = 0;
  long long seen = 0;
  long long expires = 0;
  UserRow row;
  explicit SessionLookup(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(s.id));
    st.exchange(soci::into(s.csrf_token));
    st.exchange(soci::into(created));
    st.exchange(soci::into(seen));
    st.exchange(soci::into(expires));
    row.bind(st);
    st.exchange(soci::use(token_hash));
    prepare(
        "SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.id, u.operation_id, "
        "u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at, "
        "u.password_changed_at, u.version FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = :h");
  }
};
}  // namespace

Result<std::optional<std::pair<SessionRecord, UserRecord>>> find_session(soci::session& sql,
                                                                         const std::string& token_hash) {
  using Out = std::optional<std::pair<SessionRecord, UserRecord>>;
  return guarded("sessions.find", [&]() -> Result<Out> {
    auto q = StatementCache::get<SessionLookup>(sql);
    q->token_hash = token_hash;
    if (!q->st.execute(true)) return Out();
    SessionRecord s = q->s;
    s.token_hash = token_hash;
    s.user_id = q->row.id;
    s.created_at = q->created;
    s.last_seen_at = q->seen;
    s.expires_at = q->expires;
    return Out(std::make_pair(s, q->row.record()));
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

Result<FailureWindow> login_failures_since(soci::session& sql, ThrottleScope scope, const std::string& subject,
                                           UnixSeconds since) {
  return guarded("throttle.count", [&]() -> Result<FailureWindow> {
    FailureWindow w;
    long long oldest = 0;
    soci::indicator ind = soci::i_null;
    std::string sc = scope_name(scope);
    long long s = since;
    sql << "SELECT COUNT(*), MIN(at) FROM login_failures WHERE scope = :sc AND subject = :su AND at >= :s",
        soci::use(sc), soci::use(subject), soci::use(s), soci::into(w.count), soci::into(oldest, ind);
    w.oldest = ind == soci::i_ok ? oldest : 0;
    return w;
  });
}

Status record_login_failure(soci::session& sql, ThrottleScope scope, const std::string& subject, UnixSeconds at) {
  return guarded("throttle.record", [&]() -> Status {
    std::string sc = scope_name(scope);
    long long t = at;
    sql << "INSERT INTO login_failures(scope, subject, at) VALUES(:sc, :su, :t)", soci::use(sc), soci::use(subject),
        soci::use(t);
    return {};
  });
}

Status clear_login_failures(soci::session& sql, ThrottleScope scope, const std::string& subject) {
  return guarded("throttle.clear", [&]() -> Status {
    std::string sc = scope_name(scope);
    sql << "DELETE FROM login_failures WHERE scope = :sc AND subject = :su", soci::use(sc), soci::use(subject);
    return {};
  });
}

Status purge_login_failures(soci::session& sql, UnixSeconds before) {
  return guarded("throttle.purge", [&]() -> Status {
    long long t = before;
    sql << "DELETE FROM login_failures WHERE at < :t", soci::use(t);
    return {};
  });
}

}  // namespace ombud::store
