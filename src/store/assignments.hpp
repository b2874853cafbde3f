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
};
Status insert_assignment(soci::session& sql, const AssignmentRow& row);
/// Ends the client's open assignment, if any.
Status end_assignment(soci::session& sql, const std::string& client_id, const std::string& ended_on,
                      const std::string& change_reason);
/// Oldest first.
Result<std::vector<AssignmentRow>> list_assignments(soci::session& sql, const std::string& client_id);

}  // namespace ombud::store
