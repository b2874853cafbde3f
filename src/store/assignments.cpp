// src/store/assignments.cpp
#include "store/assignments.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<AssignmentRow> kAssignments("assignments",
                                        {
                                            column<&AssignmentRow::id>("id", Written::kNever),
                                            column<&AssignmentRow::client_id>("client_id", Written::kOnInsert),
                                            column<&AssignmentRow::ombud_id>("ombud_id", Written::kOnInsert),
                                            column<&AssignmentRow::started_on>("started_on", Written::kOnInsert),
                                            column<&AssignmentRow::ended_on>("ended_on"),
                                            column<&AssignmentRow::change_reason>("change_reason"),
                                            column<&AssignmentRow::assigned_by>("assigned_by", Written::kOnInsert),
                                        });
}  // namespace

Status insert_assignment(soci::session& sql, const AssignmentRow& row) {
  return guarded("assignments.insert", [&]() -> Status {
    kAssignments.insert_row(sql, row);
    return {};
  });
}

Status end_assignment(soci::session& sql, const std::string& client_id, const std::string& ended_on,
                      const std::string& change_reason) {
  return guarded("assignments.end", [&]() -> Status {
    sql << "UPDATE assignments SET ended_on = :e, change_reason = :r WHERE client_id = :c AND ended_on IS NULL",
        soci::use(ended_on), soci::use(change_reason), soci::use(client_id);
    return {};
  });
}

Result<std::vector<AssignmentRow>> list_assignments(soci::session& sql, const std::string& client_id) {
  return guarded("assignments.list", [&]() -> Result<std::vector<AssignmentRow>> {
    return kAssignments.select_rows(sql, " WHERE client_id = :c ORDER BY id", client_id);
  });
}

}  // namespace ombud::store
