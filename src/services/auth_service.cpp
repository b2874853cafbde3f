// src/services/auth_service.cpp
#include "services/auth_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/user_service.hpp"
#include "store/login_failures.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"

namespace ombud::services {

namespace {

std::string account_subject(const std::string& username) {
  return crypto::hash_hex("account:" + username);
}
std::string address_subject(const std::string& address) {
  return crypto::hash_hex("address:" + address);
}

Actor actor_of(const store::UserRecord& u, const store::SessionRecord& sess, const AuthSettings& a,
               const std::string& address) {
  Actor actor;
  actor.user_id = u.id;
  actor.operation_id = u.operation_id;
  actor.username = u.username;
  actor.display_name = u.display_name;
  actor.role = u.role;
  actor.session_id = sess.id;
  actor.csrf_token = sess.csrf_token;
  actor.session_expires_at = std::min(sess.expires_at, sess.last_seen_at + a.idle_timeout_seconds);
  actor.address = address;
  actor.must_change_password = u.must_change_password;
  return actor;
}

// Records one failed attempt against both the account and the address, with its audit entry.
Status record_failure(const Services& s, const std::string& username, const std::optional<store::UserRecord>& user,
                      const std::string& address, UnixSeconds now) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  OMBUD_CHECK(store::record_login_failure(tx->sql(), store::ThrottleScope::kAccount, account_subject(username), now));
  OMBUD_CHECK(store::record_login_failure(tx->sql(), store::ThrottleScope::kAddress, address_subject(address), now));
  AuditSubject who{std::nullopt, "", "", address};
  if (user) {
    who.user_id = user->id;
    who.username = user->username;
    who.role = std::string(domain::role_name(user->role));
  }
  OMBUD_CHECK(audit(*tx, s, who, AuditEvent{"login_failed", user ? "session" : "unknown_account", {}, "", "failed"}));
  return tx->commit();
}

// Until when the account or the address is throttled (a time not after `now` when it is not).
Result<UnixSeconds> throttled_until(const Services& s, soci::session& sql, const std::string& username,
                                    const std::string& address, UnixSeconds now) {
  const UnixSeconds since = now - s.auth.throttle_window_seconds;
  auto by_account =
      OMBUD_TRY(store::login_failures_since(sql, store::ThrottleScope::kAccount, account_subject(username), since));
  auto by_address =
      OMBUD_TRY(store::login_failures_since(sql, store::ThrottleScope::kAddress, address_subject(address), since));
  UnixSeconds until = 0;
  if (by_account.count >= s.auth.max_failures_per_account) until = by_account.oldest + s.auth.throttle_window_seconds;
  if (by_address.count >= s.auth.max_failures_per_address) {
    until = std::max(until, by_address.oldest + s.auth.throttle_window_seconds);
  }
  return until;
}

// The refusal of a throttled attempt, with its audit entry (outside any open transaction).
Error throttled(const Services& s, const std::string& address, UnixSeconds until, UnixSeconds now) {
  (void)audit_now(s, AuditSubject{std::nullopt, "", "", address},
                  AuditEvent{"login_failed", "session", {}, "", "throttled"});
  return Error::too_many("login.throttled", static_cast<int>(until - now));
}

}  // namespace

Result<LoginResult> login(const Services& s, const LoginRequest& req) {
  std::string username = to_lower_ascii(trim(req.username));
  std::vector<FieldError> missing;
  if (username.empty()) missing.push_back({"username", "login.username_required"});
  if (req.password.empty()) missing.push_back({"password", "login.password_required"});
  if (!missing.empty()) return fail(Error::invalid("login.missing", std::move(missing)));
  if (username.size() > 128 || req.password.size() > 1024) return fail(Error::unauthenticated("login.failed"));

  const UnixSeconds now = s.clock.now();
  std::optional<store::UserRecord> user;
  UnixSeconds until = 0;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    until = OMBUD_TRY(throttled_until(s, tx->sql(), username, req.address, now));
    user = OMBUD_TRY(store::find_user_by_username(tx->sql(), username));
  }
  if (until > now) return fail(throttled(s, req.address, until, now));

  // Always spend one password hash, so that unknown and known accounts take the same time.
  bool ok = false;
  if (user) {
    ok = s.hasher.verify(user->password_hash, req.password);
  } else {
    s.hasher.verify_dummy(req.password);
  }
  if (!ok) {
    OMBUD_CHECK(record_failure(s, username, user, req.address, now));
    return fail(Error::unauthenticated("login.failed"));
  }
  if (user->disabled) {
    (void)audit_now(s, AuditSubject{user->id, user->username, std::string(domain::role_name(user->role)), req.address},
                    AuditEvent{"login_failed", "session", {}, "", "disabled"});
    return fail(Error::forbidden("login.disabled"));
  }

  std::optional<std::string> new_hash;
  if (s.hasher.needs_rehash(user->password_hash)) {
    if (auto h = s.hasher.hash(req.password)) new_hash = *h;
  }

  LoginResult result;
  result.token = crypto::random_token(32);
  store::SessionRecord sess;
  sess.token_hash = crypto::hash_hex(result.token);
  sess.user_id = user->id;
  sess.csrf_token = crypto::random_token(32);
  sess.created_at = now;
  sess.last_seen_at = now;
  sess.expires_at = now + s.auth.absolute_timeout_seconds;

  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kFull));
  if (req.old_token && !req.old_token->empty()) {
    auto old = OMBUD_TRY(store::find_session(tx->sql(), crypto::hash_hex(*req.old_token)));
    if (old) OMBUD_CHECK(store::delete_session(tx->sql(), old->first.id));
  }
  sess.id = OMBUD_TRY(store::insert_session(tx->sql(), sess));
  OMBUD_CHECK(store::clear_login_failures(tx->sql(), store::ThrottleScope::kAccount, account_subject(username)));
  if (new_hash) OMBUD_CHECK(store::rehash_password(tx->sql(), user->id, *new_hash));
  OMBUD_CHECK(store::record_user_login(tx->sql(), user->id, now));
  result.actor = actor_of(*user, sess, s.auth, req.address);
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(result.actor), AuditEvent{"login", "session", {}, "", "ok"}));
  OMBUD_CHECK(tx->commit());
  return result;
}

Result<Actor> authenticate(const Services& s, const std::string& token, const std::string& address) {
  if (token.empty() || token.size() > 128) return fail(Error::unauthenticated("session.missing"));
  const std::string token_hash = crypto::hash_hex(token);
  std::optional<std::pair<store::SessionRecord, store::UserRecord>> found;
  {
    auto conn = s.db.acquire();
    found = OMBUD_TRY(store::find_session(conn.sql(), token_hash));
  }
  if (!found) return fail(Error::unauthenticated("session.expired"));
  auto& [sess, user] = *found;
  const UnixSeconds now = s.clock.now();
  bool expired = now >= sess.expires_at || now - sess.last_seen_at >= s.auth.idle_timeout_seconds;
  if (expired || user.disabled) {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
    OMBUD_CHECK(store::delete_session(tx->sql(), sess.id));
    OMBUD_CHECK(tx->commit());
    return fail(Error::unauthenticated("session.expired"));
  }
  if (now - sess.last_seen_at >= s.auth.touch_interval_seconds) {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
    OMBUD_CHECK(store::touch_session(tx->sql(), sess.id, now));
    OMBUD_CHECK(tx->commit());
    sess.last_seen_at = now;
  }
  return actor_of(user, sess, s.auth, address);
}

Status logout(const Services& s, const Actor& actor) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kFull));
  OMBUD_CHECK(store::delete_session(tx->sql(), actor.session_id));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"logout", "session", {}, "", "ok"}));
  return tx->commit();
}

Status change_own_password(const Services& s, const Actor& actor, const std::string& current,
                           const std::string& new_password) {
  std::vector<FieldError> missing;
  if (current.empty()) missing.push_back({"current_password", "password.current_required"});
  if (new_password.empty()) missing.push_back({"new_password", "password.new_required"});
  if (!missing.empty()) return fail(Error::invalid("error.invalid_input", std::move(missing)));
  const UnixSeconds now = s.clock.now();
  std::optional<store::UserRecord> user;
  UnixSeconds until = 0;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    until = OMBUD_TRY(throttled_until(s, tx->sql(), actor.username, actor.address, now));
    user = OMBUD_TRY(store::find_user_by_id(tx->sql(), actor.user_id));
  }
  if (until > now) return fail(throttled(s, actor.address, until, now));
  if (!user || user->disabled) return fail(Error::unauthenticated("session.expired"));
  if (current.size() > 1024 || !s.hasher.verify(user->password_hash, current)) {
    OMBUD_CHECK(record_failure(s, user->username, user, actor.address, now));
    return fail(Error::field("current_password", "password.current_wrong"));
  }
  if (current == new_password) return fail(Error::field("new_password", "password.same_as_current"));
  if (auto p = check_password_policy(new_password, user->username); !p) {
    return fail(Error::field("new_password", p.error().fields.front().message_key));
  }
  auto hash = OMBUD_TRY(s.hasher.hash(new_password));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kFull));
  OMBUD_CHECK(store::update_password_hash(tx->sql(), user->id, hash, now));
  OMBUD_CHECK(store::delete_other_user_sessions(tx->sql(), user->id, actor.session_id));
  OMBUD_CHECK(store::clear_login_failures(tx->sql(), store::ThrottleScope::kAccount, account_subject(user->username)));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor),
                    AuditEvent{"change_password", "user", {}, std::to_string(user->id), "ok"}));
  return tx->commit();
}

Status purge_expired(const Services& s) {
  const UnixSeconds now = s.clock.now();
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  OMBUD_TRY(store::delete_stale_sessions(tx->sql(), now, s.auth.idle_timeout_seconds));
  OMBUD_CHECK(store::purge_login_failures(tx->sql(), now - s.auth.throttle_window_seconds));
  return tx->commit();
}

}  // namespace ombud::services
