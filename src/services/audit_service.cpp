// src/services/audit_service.cpp
#include "services/audit_service.hpp"

#include <pwd.h>
#include <unistd.h>

namespace ombud::services {

AuditSubject AuditSubject::command_line() {
  std::string who = "cli";
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr) who += ":" + std::string(pw->pw_name);
  return AuditSubject{std::nullopt, who, "system", "local"};
}

Status audit(store::Tx& tx, const Services& s, const AuditSubject& who, const AuditEvent& event) {
  store::AuditEntry e;
  e.at = s.clock.now();
  e.user_id = who.user_id;
  e.username = who.username;
  e.role = who.role;
  e.action = event.action;
  e.record_kind = event.record_kind;
  e.client_id = event.client_id;
  e.subject_ids = event.subject_ids;
  e.outcome = event.outcome;
  e.address = who.address;
  return store::append_audit(tx.sql(), tx.engine(), e);
}

Status audit_now(const Services& s, const AuditSubject& who, const AuditEvent& event) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  OMBUD_CHECK(audit(*tx, s, who, event));
  return tx->commit();
}

Result<store::AuditChainReport> verify_audit(const Services& s) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
  return store::verify_audit_chain(tx->sql());
}

}  // namespace ombud::services
