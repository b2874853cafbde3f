// src/services/admin_service.hpp
//
// Operator tasks behind the command line: creating an operation, checking a data directory
// (`ombud verify`), rotating the key-encryption key, and the per-client data keys.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "crypto/secret.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct OperationSpec {
  std::string name;
  std::string time_zone = "Europe/Stockholm";
  std::vector<std::pair<std::string, std::string>> municipalities;  // (kommunkod, name)
};

Result<long long> create_operation(const Services& s, const AuditSubject& who, const OperationSpec& spec);

struct OperationSummary {
  long long id = 0;
  std::string name;
};
/// The operations of this database (one, unless several share it).
Result<std::vector<OperationSummary>> list_operations(const Services& s);

/// Records a check value for the current key version, unless one exists.
Status ensure_key_check(const Services& s);

/// Fails unless the key file holds a key for every version the database uses, and each matches.
Status check_key_file(const Services& s);

struct VerifyReport {
  std::vector<std::string> ok;
  std::vector<std::string> problems;
};
/// Database integrity, migration state, key file and audit chain.
VerifyReport verify_all(const Services& s);

/// Adds a new key version, re-wraps every client data key with it, then retires the old versions.
/// Servers pick the new key up from the file. Returns the new version.
Result<std::uint32_t> rotate_key_encryption_key(const Services& s, const AuditSubject& who);

}  // namespace ombud::services
