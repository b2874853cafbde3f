// src/services/system_service.hpp
//
// What the server asks of the database for itself rather than for a user: whether it is ready to
// serve (/readyz), and folding SQLite's write-ahead log into the database between requests.
#pragma once

#include "core/result.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// Whether the database answers a trivial query.
bool database_ready(const Services& s);

/// Folds the write-ahead log into the database (SQLite; nothing to do on PostgreSQL).
Status checkpoint_database(const Services& s);

}  // namespace ombud::services
