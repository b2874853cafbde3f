// src/store/stat_events.hpp
//
// The stat_events table: de-identified statistics events (domain/statistics.hpp), from which
// every report is computed. No client id, no date finer than the year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/statistics.hpp"

namespace ombud::store {

Status insert_stat_event(soci::session& sql, const domain::StatEvent& event);
/// An event that follows a work record (ADR 0020): written under the id the record keeps, then
/// rewritten or deleted with the record.
Status insert_stat_event(soci::session& sql, const std::string& id, const domain::StatEvent& event);
Status update_stat_event(soci::session& sql, const std::string& id, const domain::StatEvent& event);
Status delete_stat_event(soci::session& sql, const std::string& id);
/// Ordered by year, type and municipality.
Result<std::vector<domain::StatEvent>> list_stat_events(soci::session& sql, long long operation_id);

}  // namespace ombud::store
