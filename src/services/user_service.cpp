// src/services/user_service.cpp
#include "services/user_service.hpp"

#include <crack.h>

#include <mutex>

#include "core/text.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
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

Result<long long> add_user(const Services& s, const AuditSubject& who, const NewUser& nu) {
  std::string username = to_lower_ascii(trim(nu.username));
  std::string display(trim(nu.display_name));
  std::vector<FieldError> errors;
  if (!valid_username(username)) errors.push_back({"username", "user.username_invalid"});
  if (display.empty() || utf8_length(display) > 100 || !is_clean_utf8(display)) {
    errors.push_back({"display_name", "user.display_name_invalid"});
  }
  auto role = domain::parse_role(nu.role);
  if (!role) errors.push_back({"role", "user.role_invalid"});
  if (auto p = check_password_policy(nu.password, username); !p) errors.push_back(p.error().fields.front());
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));

  auto hash = OMBUD_TRY(s.hasher.hash(nu.password));
  const UnixSeconds now = s.clock.now();
  store::UserRecord u;
  u.operation_id = nu.operation_id;
  u.username = username;
  u.display_name = display;
  u.role = *role;
  u.password_hash = hash;
  u.created_at = now;
  u.password_changed_at = now;
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto id = store::insert_user(tx->sql(), u);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) return fail(Error::field("username", "user.username_taken"));
    return fail(id.error());
  }
  OMBUD_CHECK(audit(*tx, s, who, AuditEvent{"create", "user", {}, std::to_string(*id), "ok"}));
  OMBUD_CHECK(tx->commit());
  return *id;
}

Status set_password(const Services& s, const AuditSubject& who, const std::string& username,
                    const std::string& password) {
  std::string name = to_lower_ascii(trim(username));
  OMBUD_CHECK(check_password_policy(password, name));
  auto hash = OMBUD_TRY(s.hasher.hash(password));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(store::find_user_by_username(tx->sql(), name));
  if (!user) return fail(Error::field("username", "user.not_found"));
  OMBUD_CHECK(store::update_password_hash(tx->sql(), user->id, hash, s.clock.now()));
  // A new password ends every existing session of the account.
  OMBUD_CHECK(store::delete_user_sessions(tx->sql(), user->id));
  OMBUD_CHECK(audit(*tx, s, who, AuditEvent{"update_password", "user", {}, std::to_string(user->id), "ok"}));
  return tx->commit();
}

Status set_disabled(const Services& s, const AuditSubject& who, const std::string& username, bool disabled) {
  std::string name = to_lower_ascii(trim(username));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto user = OMBUD_TRY(store::find_user_by_username(tx->sql(), name));
  if (!user) return fail(Error::field("username", "user.not_found"));
  OMBUD_CHECK(store::set_user_disabled(tx->sql(), user->id, disabled));
  if (disabled) OMBUD_CHECK(store::delete_user_sessions(tx->sql(), user->id));
  OMBUD_CHECK(
      audit(*tx, s, who, AuditEvent{disabled ? "disable" : "enable", "user", {}, std::to_string(user->id), "ok"}));
  return tx->commit();
}

Result<std::vector<UserSummary>> list_users(const Services& s, long long operation_id) {
  auto conn = s.db.acquire();
  std::vector<UserSummary> out;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), operation_id)))
    out.push_back(UserSummary{u.id, u.username, u.display_name, u.role, u.disabled});
  return out;
}

}  // namespace ombud::services
