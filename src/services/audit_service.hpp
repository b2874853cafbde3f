// src/services/audit_service.hpp
//
// Writing and reviewing the audit log. Writes join the caller's transaction, so a change and its
// audit entry commit together (services/internal/audit.hpp); reads of client data are logged
// before the data is returned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/context.hpp"

namespace ombud::services {

struct AuditEvent {
  std::string action;       // "login", "read", "list", "create", "update", "denied", …
  std::string record_kind;  // "session", "client", …
  std::optional<std::string> client_id;
  std::string subject_ids;
  std::string outcome = "ok";
};

/// Appends in a transaction of its own (relaxed durability: a read or a refusal).
Status audit_now(const Services& s, const AuditSubject& who, const AuditEvent& event);

struct AuditChainReport {
  long long entries = 0;
  std::optional<long long> first_bad_seq;  // the first altered, removed or reordered entry
  std::string problem;                     // what is wrong there
};
/// The chain check that `ombud verify` runs.
Result<AuditChainReport> verify_audit(const Services& s);

}  // namespace ombud::services
