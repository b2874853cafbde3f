// src/services/user_service.cpp
#include "services/user_service.hpp"

#include <crack.h>

#include <mutex>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "store/clients.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"

namespace ombud::services {

namespace {

bool valid_username(std::string_view u) {
  if (u.size() < 2 || u.size() > 64) return false;
  for (char c : u) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return (u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9');
}

// cracklib keeps static state; one check at a time.
std::mutex& cracklib_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

Status check_password_policy(std::string_view password, std::string_view username) {
  if (!is_clean_utf8(password)) return fail(Error::field("password", "password.invalid_characters"));
  std::size_t len = utf8_length(password);
  if (len < 12) return fail(Error::field("password", "password.too_short"));
  if (len > 128) return fail(Error::field("password", "password.too_long"));
  if (!username.empty() && to_lower_ascii(password).find(to_lower_ascii(username)) != std::string::npos) {
    return fail(Error::field("password", "password.contains_username"));
  }
  std::lock_guard lock(cracklib_mutex());
  std::string pw(password);
  if (FascistCheck(pw.c_str(), GetDefaultCracklibDict()) != nullptr) {
    return fail(Error::field("password", "password.too_common"));
  }
  // cracklib accepts a dictionary word wrapped in digits and symbols ("Password1234!"), so the
  // letters-only core is checked against the dictionary as well.
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) != 0; };
  std::size_t b = 0;
  std::size_t e = pw.size();
  while (b < e && !is_letter(pw[b]))
    ++b;
  while (e > b && !is_letter(pw[e - 1]))
    --e;
  if (e - b >= 4 && (b > 0 || e < pw.size())) {
    std::string core = to_lower_ascii(std::string_view(pw).substr(b, e - b));
    const char* reason = FascistCheck(core.c_str(), GetDefaultCracklibDict());
    if (reason != nullptr && std::string_view(reason).find("dictionary") != std::string_view::npos) {
      return fail(Error::field("password", "password.too_common"));
    }
  }
  return {};
}

std::string make_one_time_password(std::string_view username) {
  for (;;) {
    std::string pw = crypto::one_time_password();
    if (check_password_policy(pw, username)) return pw;
  }
}

UserAdministrator UserAdministrator::of(const Actor& actor) {
  return UserAdministrator{AuditSubject::of(actor), actor.user_id, actor.operation_id, actor.role};
}

UserAdministrator UserAdministrator::command_line() {
  return UserAdministrator{AuditSubject::command_line(), std::nullopt, std::nullopt, std::nullopt};
}

namespace {

Status check_may_administer(const UserAdministrator& who) {
  if (who.role && !domain::role_allows(*who.role, domain::Permission::kManageUsers)) return fail(Error::forbidden());
  return {};
}

// The user, if it exists and the administrator reaches it (a signed-in admin: own operation only).
Result<store::UserRecord> load_user(soci::session& sql, const UserAdministrator& who, long long user_id) {
  OMBUD_CHECK(check_may_administer(who));
  auto user = OMBUD_TRY(store::find_user_by_id(sql, user_id));
  if (!user || (who.operation_id && user->operation_id != *who.operation_id)) {
    return fail(Error::not_found("user.not_found"));
  }
  return *user;
}

Status check_version(const store::UserRecord& u, std::optional<int> expected) {
  if (expected && *expected != u.version) return fail(Error::conflict("user.changed"));
  return {};
}

// An operation must keep an active admin, or nobody can manage its users from the browser.
Status check_keeps_an_admin(soci::session& sql, const store::UserRecord& u) {
  if (u.role != domain::Role::kAdmin || u.disabled) return {};
  int active_admins = 0;
  for (const auto& other : OMBUD_TRY(store::list_users(sql, u.operation_id)))
    active_admins += other.role == domain::Role::kAdmin && !other.disabled ? 1 : 0;
  if (active_admins <= 1) return fail(Error::conflict("user.last_admin"));
  return {};
}

// Signed in, an administrator cannot lock themself out (disable or change their own role).
Status check_not_self(const UserAdministrator& who, const store::UserRecord& u) {
  if (who.user_id && *who.user_id == u.id) return fail(Error::conflict("user.self_change"));
  return {};
}

// The cases a user holds as primary ombud that are still open.
Result<int> cases_held(soci::session& sql, const store::UserRecord& u) {
  int n = 0;
  for (const auto& row : OMBUD_TRY(store::caseload(sql, u.operation_id))) {
    if (row.ombud_id != u.id) continue;
    if (row.state == "aktiv" || row.state == "vilande" || row.state == "avslutning") n += static_cast<int>(row.count);
  }
  return n;
}

UserSummary summary_of(const store::UserRecord& u) {
  return UserSummary{u.id,
                     u.username,
                     u.display_name,
                     u.role,
                     u.disabled,
                     u.must_change_password,
                     u.last_login_at,
                     u.created_at,
                     u.password_changed_at,
                     u.version};
}

AuditEvent user_event(const char* action, long long user_id, const std::string& extra = {}) {
  return AuditEvent{action, "user", {}, std::to_string(user_id) + (extra.empty() ? "" : " " + extra), "ok"};
}

}  // namespace

Result<AddedUser> add_user(const Services& s, const UserAdministrator& who, const NewUser& nu) {
  OMBUD_CHECK(check_may_administer(who));
  std::string username = to_lower_ascii(trim(nu.username));
  std::string display(trim(nu.display_name));
  std::vector<FieldError> errors;
  if (!valid_username(username)) errors.push_back({"username", "user.username_invalid"});
  if (display.empty() || utf8_length(display) > 100 || !is_clean_utf8(display)) {
    errors.push_back({"display_name", "user.display_name_invalid"});
  }
  auto role = domain::parse_role(nu.role);
  if (!role) errors.push_back({"role", "user.role_invalid"});
  if (nu.password) {
    if (auto p = check_password_policy(*nu.password, username); !p) errors.push_back(p.error().fields.front());
  }
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));

  AddedUser added;
  if (!nu.password) added.one_time_password = make_one_time_password(username);
  auto hash = OMBUD_TRY(s.hasher.hash(nu.password ? *nu.password : added.one_time_password));
  const UnixSeconds now = s.clock.now();
  store::UserRecord u;
  u.operation_id = who.operation_id ? *who.operation_id : nu.operation_id;
  u.username = username;
  u.display_name = display;
  u.role = *role;
  u.password_hash = hash;
  u.created_at = now;
  u.password_changed_at = now;
  u.must_change_password = !nu.password;
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto id = store::insert_user(tx->sql(), u);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) return fail(Error::field("username", "user.username_taken"));
    return fail(id.error());
  }
  added.id = *id;
  OMBUD_CHECK(audit(*tx, s, who.subject, user_event("create", *id, std::string(domain::role_name(*role)))));
  OMBUD_CHECK(tx->commit());
  return added;
}

Result<long long> find_user_id(const Services& s, const UserAdministrator& who, const std::string& username) {
  OMBUD_CHECK(check_may_administer(who));
  auto conn = s.db.acquire();
  auto user = OMBUD_TRY(store::find_user_by_username(conn.sql(), to_lower_ascii(trim(username))));
  if (!user || (who.operation_id && user->operation_id != *who.operation_id)) {
    return fail(Error::field("username", "user.not_found"));
  }
  return user->id;
}

Status set_password(const Services& s, const UserAdministrator& who, long long user_id, const std::string& password) {
  std::string username;
  {
    auto conn = s.db.acquire();
    username = OMBUD_TRY(load_user(conn.sql(), who, user_id)).username;
  }
  OMBUD_CHECK(check_password_policy(password, username));
  auto hash = OMBUD_TRY(s.hasher.hash(password));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(load_user(tx->sql(), who, user_id));
  OMBUD_CHECK(store::update_password_hash(tx->sql(), user.id, hash, s.clock.now()));
  // A new password ends every existing session of the account.
  OMBUD_CHECK(store::delete_user_sessions(tx->sql(), user.id));
  OMBUD_CHECK(audit(*tx, s, who.subject, user_event("update_password", user.id)));
  return tx->commit();
}

Result<std::string> reset_password(const Services& s, const UserAdministrator& who, long long user_id) {
  std::string username;
  {
    auto conn = s.db.acquire();
    username = OMBUD_TRY(load_user(conn.sql(), who, user_id)).username;
  }
  std::string password = make_one_time_password(username);
  auto hash = OMBUD_TRY(s.hasher.hash(password));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(load_user(tx->sql(), who, user_id));
  OMBUD_CHECK(check_not_self(who, user));  // one's own password is changed knowing the current one
  OMBUD_CHECK(store::update_password_hash(tx->sql(), user.id, hash, s.clock.now(), true));
  OMBUD_CHECK(store::delete_user_sessions(tx->sql(), user.id));
  OMBUD_CHECK(audit(*tx, s, who.subject, user_event("reset_password", user.id)));
  OMBUD_CHECK(tx->commit());
  return password;
}

Status set_disabled(const Services& s, const UserAdministrator& who, long long user_id, bool disabled,
                    std::optional<int> expected_version) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(load_user(tx->sql(), who, user_id));
  OMBUD_CHECK(check_version(user, expected_version));
  if (user.disabled == disabled) return {};
  if (disabled) {
    OMBUD_CHECK(check_not_self(who, user));
    OMBUD_CHECK(check_keeps_an_admin(tx->sql(), user));
  }
  OMBUD_CHECK(store::set_user_disabled(tx->sql(), user.id, disabled));
  if (disabled) OMBUD_CHECK(store::delete_user_sessions(tx->sql(), user.id));
  OMBUD_CHECK(audit(*tx, s, who.subject, user_event(disabled ? "disable" : "enable", user.id)));
  return tx->commit();
}

Status set_role(const Services& s, const UserAdministrator& who, long long user_id, const std::string& role_name,
                std::optional<int> expected_version) {
  auto role = domain::parse_role(role_name);
  if (!role) return fail(Error::field("role", "user.role_invalid"));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(load_user(tx->sql(), who, user_id));
  OMBUD_CHECK(check_version(user, expected_version));
  if (user.role == *role) return {};
  OMBUD_CHECK(check_not_self(who, user));
  OMBUD_CHECK(check_keeps_an_admin(tx->sql(), user));
  if (user.role == domain::Role::kOmbud && OMBUD_TRY(cases_held(tx->sql(), user)) > 0) {
    return fail(Error::conflict("user.holds_cases"));
  }
  OMBUD_CHECK(store::set_user_role(tx->sql(), user.id, *role));
  OMBUD_CHECK(audit(*tx, s, who.subject, user_event("update_role", user.id, std::string(domain::role_name(*role)))));
  return tx->commit();
}

Result<std::vector<UserSummary>> list_users(const Services& s, const UserAdministrator& who, long long operation_id) {
  OMBUD_CHECK(check_may_administer(who));
  if (who.operation_id && *who.operation_id != operation_id) return fail(Error::forbidden());
  auto conn = s.db.acquire();
  std::vector<UserSummary> out;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), operation_id)))
    out.push_back(summary_of(u));
  return out;
}

Result<UserDetail> user_detail(const Services& s, const UserAdministrator& who, long long user_id) {
  auto conn = s.db.acquire();
  auto user = OMBUD_TRY(load_user(conn.sql(), who, user_id));
  UserDetail d{summary_of(user), 0};
  if (user.role == domain::Role::kOmbud) d.cases_held = OMBUD_TRY(cases_held(conn.sql(), user));
  return d;
}

}  // namespace ombud::services
