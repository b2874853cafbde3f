// src/store/users.cpp
#include "store/users.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"
#include "store/users_columns.hpp"

namespace ombud::store {

Result<std::optional<UserRecord>> find_user_by_username(soci::session& sql, std::string_view username) {
  return guarded("users.find_by_username", [&]() -> Result<std::optional<UserRecord>> {
    return kUsers.select_one(sql, " WHERE username = :u", std::string(username));
  });
}

Result<std::optional<UserRecord>> find_user_by_id(soci::session& sql, long long id) {
  return guarded("users.find_by_id",
                 [&]() -> Result<std::optional<UserRecord>> { return kUsers.select_one(sql, " WHERE id = :id", id); });
}

namespace {
struct ListUsers {};
}  // namespace

Result<std::vector<UserRecord>> list_users(soci::session& sql, long long operation_id) {
  return guarded("users.list", [&]() -> Result<std::vector<UserRecord>> {
    return cached_rows<ListUsers>(sql, kUsers, "", " WHERE operation_id = :op ORDER BY display_name, username",
                                  operation_id);
  });
}

Result<long long> insert_user(soci::session& sql, const UserRecord& u) {
  return guarded("users.insert", [&]() -> Result<long long> { return kUsers.insert_returning_id(sql, u); });
}

Status update_password_hash(soci::session& sql, long long user_id, const std::string& hash, UnixSeconds now,
                            bool must_change) {
  return guarded("users.update_password", [&]() -> Status {
    long long t = now;
    int m = must_change ? 1 : 0;
    sql << "UPDATE users SET password_hash = :h, password_changed_at = :t, must_change_password = :m, "
           "version = version + 1 WHERE id = :id",
        soci::use(hash), soci::use(t), soci::use(m), soci::use(user_id);
    return {};
  });
}

Status rehash_password(soci::session& sql, long long user_id, const std::string& hash) {
  return guarded("users.rehash_password", [&]() -> Status {
    sql << "UPDATE users SET password_hash = :h WHERE id = :id", soci::use(hash), soci::use(user_id);
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

Status set_user_role(soci::session& sql, long long user_id, domain::Role role) {
  return guarded("users.set_role", [&]() -> Status {
    std::string r(domain::role_name(role));
    sql << "UPDATE users SET role = :r, version = version + 1 WHERE id = :id", soci::use(r), soci::use(user_id);
    return {};
  });
}

Status record_user_login(soci::session& sql, long long user_id, UnixSeconds now) {
  return guarded("users.record_login", [&]() -> Status {
    long long t = now;
    sql << "UPDATE users SET last_login_at = :t WHERE id = :id", soci::use(t), soci::use(user_id);
    return {};
  });
}

}  // namespace ombud::store
