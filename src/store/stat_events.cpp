// src/store/stat_events.cpp
#include "store/stat_events.hpp"

#include "crypto/secret.hpp"
#include "store/columns.hpp"
#include "store/database.hpp"

namespace soci {
// An event's type is stored as its code (domain::kStatEventTypes).
template <>
struct type_conversion<ombud::domain::StatEventType> {
  using base_type = std::string;
  static void from_base(const std::string& in, indicator ind, ombud::domain::StatEventType& out) {
    auto parsed = ind == i_ok ? ombud::domain::parse_code(ombud::domain::kStatEventTypes, in) : std::nullopt;
    if (!parsed) throw soci_error("stat_events row with an unknown event type");
    out = *parsed;
  }
  static void to_base(ombud::domain::StatEventType in, std::string& out, indicator& ind) {
    out = std::string(ombud::domain::code_of(ombud::domain::kStatEventTypes, in));
    ind = i_ok;
  }
};
}  // namespace soci

namespace ombud::store {

namespace {
// The event with the row's random key, which nothing reads back.
struct StatEventRow : domain::StatEvent {
  std::string id;
};

using domain::StatEvent;
const Table<StatEventRow> kStatEvents("stat_events",
                                      {
                                          column<&StatEventRow::id>("id", Written::kOnInsert),
                                          column<&StatEvent::operation_id, StatEventRow>("operation_id"),
                                          column<&StatEvent::municipality_code, StatEventRow>("municipality_code"),
                                          column<&StatEvent::year, StatEventRow>("year"),
                                          column<&StatEvent::type, StatEventRow>("event_type"),
                                          column<&StatEvent::gender, StatEventRow>("gender"),
                                          column<&StatEvent::age_band, StatEventRow>("age_band"),
                                          column<&StatEvent::channel, StatEventRow>("channel"),
                                          column<&StatEvent::contact_by, StatEventRow>("contact_by"),
                                          column<&StatEvent::reason_code, StatEventRow>("reason_code"),
                                          column<&StatEvent::days_waited, StatEventRow>("days_waited"),
                                          column<&StatEvent::activity, StatEventRow>("activity"),
                                          column<&StatEvent::counterpart, StatEventRow>("counterpart"),
                                          column<&StatEvent::minutes, StatEventRow>("minutes"),
                                      });
}  // namespace

Status insert_stat_event(soci::session& sql, const domain::StatEvent& e) {
  return insert_stat_event(sql, crypto::random_id(), e);
}

Status insert_stat_event(soci::session& sql, const std::string& id, const domain::StatEvent& e) {
  return guarded("stat_events.insert", [&]() -> Status {
    kStatEvents.insert_row(sql, StatEventRow{e, id});
    return {};
  });
}

Status update_stat_event(soci::session& sql, const std::string& id, const domain::StatEvent& e) {
  return guarded("stat_events.update", [&]() -> Status {
    kStatEvents.update_row(sql, StatEventRow{e, id}, " WHERE id = :id", id);
    return {};
  });
}

Status delete_stat_event(soci::session& sql, const std::string& id) {
  return guarded("stat_events.delete", [&]() -> Status {
    sql << "DELETE FROM stat_events WHERE id = :id", soci::use(id);
    return {};
  });
}

Result<std::vector<domain::StatEvent>> list_stat_events(soci::session& sql, long long operation_id) {
  return guarded("stat_events.list", [&]() -> Result<std::vector<domain::StatEvent>> {
    auto rows = kStatEvents.select_rows(sql, " WHERE operation_id = :op ORDER BY year, event_type, municipality_code",
                                        operation_id);
    return std::vector<domain::StatEvent>(rows.begin(), rows.end());
  });
}

}  // namespace ombud::store
