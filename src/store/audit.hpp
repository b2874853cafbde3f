// src/store/audit.hpp
//
// The append-only, hash-chained audit log. Appends are serialised (SQLite has one writer;
// PostgreSQL takes a transaction-scoped advisory lock), so several server instances keep one
// unbroken chain.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"
#include "store/database.hpp"

namespace ombud::store {

struct AuditEntry {
  long long seq = 0;
  UnixSeconds at = 0;
  std::optional<long long> user_id;
  std::string username;                  // the account acted as; empty for an unknown account
  std::string role;                      // the role at the time, or "" when not signed in
  std::string action;                    // e.g. "login", "login_failed", "read", "list", "create", "update"
  std::string record_kind;               // e.g. "session", "client", "client_list", "assessment"
  std::optional<std::string> client_id;  // the opaque client id, never a name
  std::string subject_ids;               // for lists: the opaque ids shown, space-separated
  std::string outcome;                   // "ok", "denied", "failed", "throttled"
  std::string address;                   // the client address of the request
  std::string prev_hash;
  std::string hash;
};

/// The hash an entry must carry, given its fields and the previous entry's hash.
std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash);

/// Appends inside the caller's write transaction; fills seq, prev_hash and hash.
Status append_audit(soci::session& sql, Engine engine, AuditEntry& entry);

struct AuditChainReport {
  long long entries = 0;
  std::optional<long long> first_bad_seq;  // the first altered, removed or reordered entry
  std::string problem;                     // what is wrong there
};
Result<AuditChainReport> verify_audit_chain(soci::session& sql);

struct AuditQuery {
  std::optional<long long> user_id;
  std::optional<std::string> client_id;
  long long before_seq = 0;  // 0: from the newest
  int limit = 50;
};
Result<std::vector<AuditEntry>> list_audit(soci::session& sql, const AuditQuery& q);

}  // namespace ombud::store
