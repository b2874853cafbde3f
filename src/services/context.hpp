// src/services/context.hpp
//
// What every use case receives: the dependencies (Services), and who is acting (Actor).
#pragma once

#include <memory>
#include <string>

#include "core/time.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/keyring.hpp"
#include "crypto/password.hpp"
#include "domain/access.hpp"
#include "domain/role.hpp"

namespace ombud::store {
class Database;  // opened by the command line; reached only through the services
}  // namespace ombud::store

namespace ombud::services {

struct AuthSettings {
  int idle_timeout_seconds = 30 * 60;        // NIST AAL2: 30 minutes idle
  int absolute_timeout_seconds = 10 * 3600;  // and 10 hours in all
  int touch_interval_seconds = 60;           // how stale last_seen may get before it is written
  int throttle_window_seconds = 15 * 60;
  int max_failures_per_account = 10;  // within the window: at most 40 an hour
  int max_failures_per_address = 25;  // at most 100 an hour from one address
};

/// The queue through which audit_now() commits stand-alone entries in groups (audit_service.cpp).
struct AuditGroupCommit;
std::shared_ptr<AuditGroupCommit> make_audit_group_commit();
/// Each operation's reference data (rules, municipalities, staff) in memory, checked against the
/// operation's reference version on use (services/internal/reference.cpp).
struct ReferenceCache;
std::shared_ptr<ReferenceCache> make_reference_cache();

/// The long-lived dependencies of the use cases; one per process.
struct Services {
  store::Database& db;
  crypto::KeyRing& keys;
  crypto::PasswordHasher& hasher;
  const Clock& clock;
  AuthSettings auth;
  crypto::DataKeyCache* key_cache = nullptr;  // optional: unwrapped client keys between requests
  std::shared_ptr<AuditGroupCommit> audit_group = make_audit_group_commit();
  std::shared_ptr<ReferenceCache> reference_cache = make_reference_cache();
};

/// A signed-in user acting through a session.
struct Actor {
  long long user_id = 0;
  long long operation_id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kOmbud;
  long long session_id = 0;
  std::string csrf_token;
  UnixSeconds session_expires_at = 0;  // the earlier of the idle and the absolute limit
  std::string address;                 // the client address of the current request
  bool must_change_password = false;   // signed in with a one-time password; only replacing it is open

  /// Who asks, as the access policy sees it.
  domain::Principal principal() const { return domain::Principal{user_id, operation_id, role}; }
};

/// Who the audit log names for an action: a signed-in user, an anonymous visitor (failed logins),
/// or the command line (operators' scripts).
struct AuditSubject {
  std::optional<long long> user_id;
  std::string username;
  std::string role;
  std::string address;

  static AuditSubject of(const Actor& a) {
    return AuditSubject{a.user_id, a.username, std::string(domain::role_name(a.role)), a.address};
  }
  static AuditSubject command_line();
};

}  // namespace ombud::services
