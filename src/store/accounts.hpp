// src/store/accounts.hpp
//
// Users, sessions and the login-throttling counters. Everything that a stateless server instance
// needs to share with its siblings lives here, in the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

struct SessionRecord {
  long long id = 0;
  std::string token_hash;
  long long user_id = 0;
  std::string csrf_token;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
  UnixSeconds expires_at = 0;
};

Result<long long> insert_session(soci::session& sql, const SessionRecord& s);
/// The session with this token hash and its user, if any.
Result<std::optional<std::pair<SessionRecord, UserRecord>>> find_session(soci::session& sql,
                                                                         const std::string& token_hash);
Status touch_session(soci::session& sql, long long session_id, UnixSeconds now);
Status delete_session(soci::session& sql, long long session_id);
Status delete_user_sessions(soci::session& sql, long long user_id);
/// Removes sessions past their absolute expiry or idle longer than idle_seconds; returns how many.
Result<long long> delete_stale_sessions(soci::session& sql, UnixSeconds now, long long idle_seconds);

enum class ThrottleScope { kAccount, kAddress };

struct FailureWindow {
  long long count = 0;
  UnixSeconds oldest = 0;  // the oldest failure inside the window; 0 when none
};
Result<FailureWindow> login_failures_since(soci::session& sql, ThrottleScope scope, const std::string& subject,
                                           UnixSeconds since);
Status record_login_failure(soci::session& sql, ThrottleScope scope, const std::string& subject, UnixSeconds at);
Status clear_login_failures(soci::session& sql, ThrottleScope scope, const std::string& subject);
Status purge_login_failures(soci::session& sql, UnixSeconds before);

}  // namespace ombud::store
