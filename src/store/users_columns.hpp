// src/store/users_columns.hpp
//
// The columns of the users table, for the store files that read users (users.cpp, and
// sessions.cpp, which reads a session with its user).
#pragma once

#include "store/columns.hpp"
#include "store/users.hpp"

namespace soci {
// A role is stored as its name (domain::role_name).
template <>
struct type_conversion<ombud::domain::Role> {
  using base_type = std::string;
  static void from_base(const std::string& in, indicator ind, ombud::domain::Role& out) {
    auto parsed = ind == i_ok ? ombud::domain::parse_role(in) : std::nullopt;
    if (!parsed) throw soci_error("users row with an unknown role");
    out = *parsed;
  }
  static void to_base(ombud::domain::Role in, std::string& out, indicator& ind) {
    out = std::string(ombud::domain::role_name(in));
    ind = i_ok;
  }
};
}  // namespace soci

namespace ombud::store {

inline const Table<UserRecord> kUsers("users",
                                      {
                                          column<&UserRecord::id>("id", Written::kNever),
                                          column<&UserRecord::operation_id>("operation_id", Written::kOnInsert),
                                          column<&UserRecord::username>("username", Written::kOnInsert),
                                          column<&UserRecord::display_name>("display_name"),
                                          column<&UserRecord::role>("role"),
                                          column<&UserRecord::password_hash>("password_hash"),
                                          column<&UserRecord::disabled>("disabled"),
                                          column<&UserRecord::created_at>("created_at", Written::kOnInsert),
                                          column<&UserRecord::password_changed_at>("password_changed_at"),
                                          column<&UserRecord::must_change_password>("must_change_password"),
                                          column<&UserRecord::last_login_at>("last_login_at"),
                                          column<&UserRecord::version>("version", Written::kNever),
                                      });

}  // namespace ombud::store
