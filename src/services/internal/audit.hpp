// src/services/internal/audit.hpp
//
// An audit entry written inside the caller's write transaction, so that a change and its entry
// commit together or not at all.
#pragma once

#include "services/audit_service.hpp"
#include "store/database.hpp"

namespace ombud::services {

/// Appends inside an open write transaction.
Status audit(store::Tx& tx, const Services& s, const AuditSubject& who, const AuditEvent& event);

}  // namespace ombud::services
