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
  int version = 1;
};

Result<std::optional<UserRecord>> find_user_by_username(soci::session& sql, std::string_view username);
Result<std::optional<UserRecord>> find_user_by_id(soci::session& sql, long long id);
Result<std::vector<UserRecord>> list_users(soci::session& sql, long long operation_id);
/// Inserts and returns the new id; kConflict when the username is taken.
Result<long long> insert_user(soci::session& sql, const UserRecord& user);
Status update_password_hash(soci::session& sql, long long user_id, const std::string& hash, UnixSeconds now);
Status set_user_disabled(soci::session& sql, long long user_id, bool disabled);

}  // namespace ombud::store
