// src/store/migrate.hpp
//
// Forward-only numbered migrations, one SQL file per engine and number:
// migrations/{sqlite,postgres}/NNNN_name.sql, compiled into the binary. Applied versions are
// recorded with a checksum in schema_migrations; each runs in its own transaction.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace ombud::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
  std::string checksum;
};

struct MigrationState {
  int current = 0;  // highest applied version
  int latest = 0;   // highest version this binary knows
  std::vector<Migration> pending;
};

/// The migrations this binary carries for an engine, in order.
std::vector<Migration> known_migrations(Engine engine);

/// What is applied and what would be. Fails with a clear detail when the database is newer than
/// this binary, or an applied migration's checksum differs from the one carried here.
Result<MigrationState> migration_state(Database& db);

/// Applies every pending migration; returns the versions applied.
Result<std::vector<int>> migrate(Database& db);

/// Succeeds only when the schema is exactly the latest; what `serve` checks before it starts.
Status require_current_schema(Database& db);

}  // namespace ombud::store
