// src/services/user_service.hpp
//
// User administration: add, change password, disable, enable, list. Used by the command line
// (`ombud user …`) and the admin pages alike.
#pragma once

#include <string>
#include <vector>

#include "domain/role.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// Password rules (quality.md): 12–128 characters, never truncated, not the username, and not a
/// common or dictionary password (cracklib).
Status check_password_policy(std::string_view password, std::string_view username);

struct NewUser {
  long long operation_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
};

Result<long long> add_user(const Services& s, const AuditSubject& who, const NewUser& user);
Status set_password(const Services& s, const AuditSubject& who, const std::string& username,
                    const std::string& password);
/// Disabling also ends every session of the user at once.
Status set_disabled(const Services& s, const AuditSubject& who, const std::string& username, bool disabled);
/// A user as the admin's pages list them (never the password hash).
struct UserSummary {
  long long id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  bool disabled = false;
};
Result<std::vector<UserSummary>> list_users(const Services& s, long long operation_id);

}  // namespace ombud::services
