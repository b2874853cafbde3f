// src/services/user_service.hpp
//
// User administration: add, change role, disable, enable, hand out a one-time password, list.
// The command line (`ombud user …`) and the admin's pages and API call the same functions, so
// one set of rules holds for both: valid names and roles, the password policy, an operation never
// left without an active admin, an admin never locking out their own account, and an ombud who
// still holds cases keeping the role until the samordnare has given them a new ombud.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/role.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// Password rules (quality.md): 12–128 characters, never truncated, not the username, and not a
/// common or dictionary password (cracklib).
Status check_password_policy(std::string_view password, std::string_view username);

/// A one-time password that passes the same policy as a chosen one: the random generator may now
/// and then produce one cracklib refuses, so this draws again until the policy accepts it.
std::string make_one_time_password(std::string_view username);

/// Who administers users: a signed-in user (who must be allowed to, and reaches only the users of
/// their own operation) or the command line (an operator on the server, any operation).
struct UserAdministrator {
  AuditSubject subject;
  std::optional<long long> user_id;       // the signed-in administrator
  std::optional<long long> operation_id;  // their operation; none for the command line
  std::optional<domain::Role> role;       // their role; none for the command line

  static UserAdministrator of(const Actor& actor);
  static UserAdministrator command_line();
};

struct NewUser {
  long long operation_id = 0;  // a signed-in administrator's own operation is used instead
  std::string username;
  std::string display_name;
  std::string role;
  /// The user's own password (the command line asks for it). When absent a one-time password is
  /// made, which the user must replace at the first login.
  std::optional<std::string> password;
};

struct AddedUser {
  long long id = 0;
  std::string one_time_password;  // empty when the password was given
};

Result<AddedUser> add_user(const Services& s, const UserAdministrator& who, const NewUser& user);

/// The id of a user by username (for the command line); field error "username" when unknown.
Result<long long> find_user_id(const Services& s, const UserAdministrator& who, const std::string& username);

/// Sets the user's own password (the command line); every session of the user ends.
Status set_password(const Services& s, const UserAdministrator& who, long long user_id, const std::string& password);

/// Hands out a new one-time password: the old password stops working, every session of the user
/// ends, and the user must choose a password of their own at the next login. Not one's own: that is
/// changed knowing the current one (services::change_own_password).
Result<std::string> reset_password(const Services& s, const UserAdministrator& who, long long user_id);

/// Disabling also ends every session of the user at once. `expected_version`, when given, refuses
/// the change if the user was changed since it was read.
Status set_disabled(const Services& s, const UserAdministrator& who, long long user_id, bool disabled,
                    std::optional<int> expected_version = std::nullopt);

Status set_role(const Services& s, const UserAdministrator& who, long long user_id, const std::string& role,
                std::optional<int> expected_version = std::nullopt);

/// A user as the admin's pages list them (never the password hash).
struct UserSummary {
  long long id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  bool disabled = false;
  bool must_change_password = false;
  std::optional<UnixSeconds> last_login_at;
  UnixSeconds created_at = 0;
  UnixSeconds password_changed_at = 0;
  int version = 1;
};
Result<std::vector<UserSummary>> list_users(const Services& s, const UserAdministrator& who, long long operation_id);

/// One user with what the admin must know before changing them: the cases they hold as ombud
/// (active, paused or closing), which a samordnare must give a new ombud before the role changes.
struct UserDetail {
  UserSummary user;
  int cases_held = 0;
};
Result<UserDetail> user_detail(const Services& s, const UserAdministrator& who, long long user_id);

}  // namespace ombud::services
