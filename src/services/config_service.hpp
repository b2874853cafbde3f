// src/services/config_service.hpp
//
// The operation's rules (domain::OperationConfig): read, changed with a new version each time
// (the history stays), and logged.
#pragma once

#include <string>
#include <vector>

#include "domain/operation_config.hpp"
#include "services/context.hpp"

namespace ombud::services {

std::string config_to_json(const domain::OperationConfig& config);
/// Parses what config_to_json wrote; kInternal when the stored text is not a configuration.
Result<domain::OperationConfig> config_from_json(const std::string& json);

struct VersionedConfig {
  int version = 0;  // 0: never configured (the built-in defaults apply)
  domain::OperationConfig config;
  UnixSeconds changed_at = 0;
  std::string changed_by;  // display name, or "" for the command line
};

/// The rules that apply now (no audit entry: rules are not personal data).
Result<VersionedConfig> current_config(const Services& s, long long operation_id);

/// Stores `config` as the next version if `expected_version` is still current (else kConflict).
/// Admin may change everything; the ledningsgrupp only the priority groups (kForbidden otherwise).
Result<int> change_config(const Services& s, const Actor& actor, const domain::OperationConfig& config,
                          int expected_version);

/// Writes the first version for a new operation (command line, demo).
Status initialise_config(const Services& s, long long operation_id, const domain::OperationConfig& config);

Result<std::vector<VersionedConfig>> config_history(const Services& s, const Actor& actor, int limit = 50);

}  // namespace ombud::services
