// src/store/assignments.hpp
//
// The assignments table: who has been a client's primary ombud, from when to when, and why it
// changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct AssignmentRow {
  long long id = 0;
  std::string client_id;
  long long ombud_id = 0;
  std::string started_on;
  std::optional<std::string> ended_on;
  std::optional<std::string> change_reason;
  long long assigned_by = 0;
  // For an assignment from the queue: the client's place in it then, and why the samordnare
  // went past those ahead (a code, `domain::kBypassReasons`), when the place was not the first.
  std::optional<int> queue_place;
  std::optional<std::string> bypass_reason;
};
Status insert_assignment(soci::session& sql, const AssignmentRow& row);
/// Ends the client's open assignment, if any.
Status end_assignment(soci::session& sql, const std::string& client_id, const std::string& ended_on,
                      const std::string& change_reason);
/// Oldest first.
Result<std::vector<AssignmentRow>> list_assignments(soci::session& sql, const std::string& client_id);

/// An assignment from the queue, with the client's code: the queue's own history.
struct QueueAssignmentRow : AssignmentRow {
  std::string client_code;
};
/// The operation's assignments from the queue that started on or after `since`, newest first.
Result<std::vector<QueueAssignmentRow>> list_queue_assignments(soci::session& sql, long long operation_id,
                                                               const std::string& since, int limit);

}  // namespace ombud::store
