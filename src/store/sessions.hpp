// src/store/sessions.hpp
//
// The sessions table: signed-in sessions, found by the hash of their token.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"
#include "store/users.hpp"

namespace ombud::store {

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
/// Ends every session of the user but the one given (the user's own, after a password change).
Status delete_other_user_sessions(soci::session& sql, long long user_id, long long keep_session_id);
/// Removes sessions past their absolute expiry or idle longer than idle_seconds; returns how many.
Result<long long> delete_stale_sessions(soci::session& sql, UnixSeconds now, long long idle_seconds);

}  // namespace ombud::store
