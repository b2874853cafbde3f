// src/services/auth_service.cpp
#include "services/auth_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
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

}  // namespace

Result<LoginResult> login(const Services& s, const LoginRequest& req) {
  std::string username = to_lower_ascii(trim(req.username));
  std::vector<FieldError> missing;
  if (username.empty()) missing.push_back({"username", "login.username_required"});
  if (req.password.empty()) missing.push_back({"password", "login.password_required"});
  if (!missing.empty()) return fail(Error::invalid("login.missing", std::move(missing)));
  if (username.size() > 128 || req.password.size() > 1024) return fail(Error::unauthenticated("login.failed"));

  const UnixSeconds now = s.clock.now();
  const UnixSeconds since = now - s.auth.throttle_window_seconds;
  std::optional<store::UserRecord> user;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    auto by_account = OMBUD_TRY(
        store::login_failures_since(tx->sql(), store::ThrottleScope::kAccount, account_subject(username), since));
    auto by_address = OMBUD_TRY(
        store::login_failures_since(tx->sql(), store::ThrottleScope::kAddress, address_subject(req.address), since));
    UnixSeconds until = 0;
    if (by_account.count >= s.auth.max_failures_per_account) until = by_account.oldest + s.auth.throttle_window_seconds;
    if (by_address.count >= s.auth.max_failures_per_address) {
      until = std::max(until, by_address.oldest + s.auth.throttle_window_seconds);
    }
    if (until > now) {
      tx.reset();
      (void)audit_now(s, AuditSubject{std::nullopt, "", "", req.address},
                      AuditEvent{"login_failed", "session", {}, "", "throttled"});
      return fail(Error::too_many("login.throttled", static_cast<int>(until - now)));
    }
    user = OMBUD_TRY(store::find_user_by_username(tx->sql(), username));
  }

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
  if (new_hash) OMBUD_CHECK(store::update_password_hash(tx->sql(), user->id, *new_hash, user->password_changed_at));
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

Status purge_expired(const Services& s) {
  const UnixSeconds now = s.clock.now();
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  OMBUD_TRY(store::delete_stale_sessions(tx->sql(), now, s.auth.idle_timeout_seconds));
  OMBUD_CHECK(store::purge_login_failures(tx->sql(), now - s.auth.throttle_window_seconds));
  return tx->commit();
}

}  // namespace ombud::services
