// src/store/users.hpp
//
// The users table: the operation's staff accounts. Like everything a stateless server instance
// shares with its siblings (sessions, login throttling), it lives in the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/role.hpp"

namespace ombud::store {

struct UserRecord {
  long long id = 0;
  long long operation_id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  std::string password_hash;
  bool disabled = false;
  UnixSeconds created_at = 0;
  UnixSeconds password_changed_at = 0;
  bool must_change_password = false;  // the password was handed out (a one-time password)
  std::optional<UnixSeconds> last_login_at;
  int version = 1;
};

Result<std::optional<UserRecord>> find_user_by_username(soci::session& sql, std::string_view username);
Result<std::optional<UserRecord>> find_user_by_id(soci::session& sql, long long id);
Result<std::vector<UserRecord>> list_users(soci::session& sql, long long operation_id);
/// Inserts and returns the new id; kConflict when the username is taken.
Result<long long> insert_user(soci::session& sql, const UserRecord& user);
/// A new password hash. `must_change` marks a one-time password that the user replaces at the
/// next login.
Status update_password_hash(soci::session& sql, long long user_id, const std::string& hash, UnixSeconds now,
                            bool must_change = false);
/// The same password, hashed again with stronger parameters; nothing else about it changes.
Status rehash_password(soci::session& sql, long long user_id, const std::string& hash);
Status set_user_disabled(soci::session& sql, long long user_id, bool disabled);
Status set_user_role(soci::session& sql, long long user_id, domain::Role role);
Status record_user_login(soci::session& sql, long long user_id, UnixSeconds now);

}  // namespace ombud::store
