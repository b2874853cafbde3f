// src/services/internal/reference.hpp
//
// An operation's reference data — its rules, member municipalities and staff — kept in memory
// and read again only when the operation's reference version has moved (migration 0003's
// triggers move it on every change of users, municipalities or rules). Checking the version is
// one primary-key read, so every instance on a shared PostgreSQL sees a change at once, while a
// page that shows names, municipalities and rules no longer reads and parses them each time
// (ADR 0017).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/role.hpp"
#include "services/config_service.hpp"
#include "services/context.hpp"

namespace ombud::store {
class Tx;
struct ConfigRow;
}  // namespace ombud::store

namespace ombud::services::internal {

struct StaffMember {
  long long id = 0;
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  bool disabled = false;
};

/// One operation's reference data as of one reference version.
struct Reference {
  long long version = 0;
  VersionedConfig config;
  std::vector<std::pair<std::string, std::string>> municipalities;  // (code, name), by name
  std::map<std::string, std::string> municipality_names;            // code → name
  std::vector<StaffMember> staff;                                   // by display name

  /// The active ombud (who can be booked or assigned), by display name.
  std::vector<StaffMember> active_ombud() const;
  /// The active users who take contacts (and so may receive a person's own wish).
  std::vector<StaffMember> contact_takers() const;
};

/// A stored version of the rules, with the name of whoever wrote it.
Result<VersionedConfig> versioned_config(const store::ConfigRow& row, const std::vector<StaffMember>& staff);

/// The operation's reference data, on a connection of its own: from memory when the stored
/// version matches, otherwise read and kept.
Result<std::shared_ptr<const Reference>> reference(const Services& s, long long operation_id);
/// The same inside a use case's transaction. What a write transaction reads is not kept: it may
/// include its own changes, which a rollback would undo while the version number they took is
/// handed out again.
Result<std::shared_ptr<const Reference>> reference(const Services& s, store::Tx& tx, long long operation_id);

}  // namespace ombud::services::internal
