// src/store/assignments.cpp
#include "store/assignments.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {

// The columns, named alone or (`joined`) as "a.column" of a join; names are literals because a
// Column keeps a view of its name.
template <typename Row>
std::vector<Column<Row>> assignment_columns(bool joined) {
  return {
      column<&AssignmentRow::id, Row>(joined ? "a.id" : "id", Written::kNever),
      column<&AssignmentRow::client_id, Row>(joined ? "a.client_id" : "client_id", Written::kOnInsert),
      column<&AssignmentRow::ombud_id, Row>(joined ? "a.ombud_id" : "ombud_id", Written::kOnInsert),
      column<&AssignmentRow::started_on, Row>(joined ? "a.started_on" : "started_on", Written::kOnInsert),
      column<&AssignmentRow::ended_on, Row>(joined ? "a.ended_on" : "ended_on"),
      column<&AssignmentRow::change_reason, Row>(joined ? "a.change_reason" : "change_reason"),
      column<&AssignmentRow::assigned_by, Row>(joined ? "a.assigned_by" : "assigned_by", Written::kOnInsert),
      column<&AssignmentRow::queue_place, Row>(joined ? "a.queue_place" : "queue_place", Written::kOnInsert),
      column<&AssignmentRow::bypass_reason, Row>(joined ? "a.bypass_reason" : "bypass_reason", Written::kOnInsert),
  };
}

const Table<AssignmentRow> kAssignments("assignments", assignment_columns<AssignmentRow>(false));

// Read only: the queue's history, with each client's code.
const Table<QueueAssignmentRow> kQueueAssignments("assignments", "assignments a JOIN clients c ON c.id = a.client_id",
                                                  concat(assignment_columns<QueueAssignmentRow>(true),
                                                         {column<&QueueAssignmentRow::client_code>("c.code",
                                                                                                   Written::kNever)}));

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

Result<std::vector<QueueAssignmentRow>> list_queue_assignments(soci::session& sql, long long operation_id,
                                                               const std::string& since, int limit) {
  return guarded("assignments.queue_history", [&]() -> Result<std::vector<QueueAssignmentRow>> {
    return kQueueAssignments.select_rows(
        sql,
        " WHERE c.operation_id = :o AND a.queue_place IS NOT NULL AND a.started_on >= :s"
        " ORDER BY a.started_on DESC, a.id DESC LIMIT :n",
        operation_id, since, limit);
  });
}

}  // namespace ombud::store
