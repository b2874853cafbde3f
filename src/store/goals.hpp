// src/store/goals.hpp
//
// The goals and goal_steps tables: a client's action plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct GoalRow {
  std::string id;
  std::string client_id;
  std::string text_ct;
  std::string status;
  std::string status_on;
  long long created_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

struct StepRow {
  std::string id;
  std::string goal_id;
  std::string client_id;
  std::string text_ct;
  std::string actor;
  std::optional<std::string> due_on;
  std::optional<std::string> done_on;
  UnixSeconds created_at = 0;
  int version = 1;
};

/// The client's goals, oldest first.
Result<std::vector<GoalRow>> list_goals(soci::session& sql, const std::string& client_id);
Result<std::optional<GoalRow>> find_goal(soci::session& sql, const std::string& client_id, const std::string& id);
Status insert_goal(soci::session& sql, const GoalRow& row);
/// Writes at the next version if still at `row.version`; false when someone changed it first.
Result<bool> update_goal(soci::session& sql, const GoalRow& row);
/// Removes the goal and its steps.
Status delete_goal(soci::session& sql, const std::string& client_id, const std::string& id);

/// The client's steps, by goal, oldest first.
Result<std::vector<StepRow>> list_steps(soci::session& sql, const std::string& client_id);
Result<std::optional<StepRow>> find_step(soci::session& sql, const std::string& client_id, const std::string& id);
Status insert_step(soci::session& sql, const StepRow& row);
Result<bool> update_step(soci::session& sql, const StepRow& row);
Status delete_step(soci::session& sql, const std::string& client_id, const std::string& id);

}  // namespace ombud::store
