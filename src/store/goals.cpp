// src/store/goals.cpp
#include "store/goals.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<GoalRow> kGoals("goals", {
                                         column<&GoalRow::id>("id", Written::kOnInsert),
                                         column<&GoalRow::client_id>("client_id", Written::kOnInsert),
                                         column<&GoalRow::text_ct>("text_ct"),
                                         column<&GoalRow::status>("status"),
                                         column<&GoalRow::status_on>("status_on"),
                                         column<&GoalRow::created_by>("created_by", Written::kOnInsert),
                                         column<&GoalRow::created_at>("created_at", Written::kOnInsert),
                                         column<&GoalRow::version>("version", Written::kOnInsert),
                                     });
const Table<StepRow> kSteps("goal_steps", {
                                              column<&StepRow::id>("id", Written::kOnInsert),
                                              column<&StepRow::goal_id>("goal_id", Written::kOnInsert),
                                              column<&StepRow::client_id>("client_id", Written::kOnInsert),
                                              column<&StepRow::text_ct>("text_ct"),
                                              column<&StepRow::actor>("actor"),
                                              column<&StepRow::due_on>("due_on"),
                                              column<&StepRow::done_on>("done_on"),
                                              column<&StepRow::created_at>("created_at", Written::kOnInsert),
                                              column<&StepRow::version>("version", Written::kOnInsert),
                                          });
}  // namespace

Result<std::vector<GoalRow>> list_goals(soci::session& sql, const std::string& client_id) {
  return guarded("goals.list", [&]() -> Result<std::vector<GoalRow>> {
    return kGoals.select_rows(sql, " WHERE client_id = :c ORDER BY created_at, id", client_id);
  });
}

Result<std::optional<GoalRow>> find_goal(soci::session& sql, const std::string& client_id, const std::string& id) {
  return guarded("goals.find", [&]() -> Result<std::optional<GoalRow>> {
    return kGoals.select_one(sql, " WHERE client_id = :c AND id = :id", client_id, id);
  });
}

Status insert_goal(soci::session& sql, const GoalRow& row) {
  return guarded("goals.insert", [&]() -> Status {
    kGoals.insert_row(sql, row);
    return {};
  });
}

Result<bool> update_goal(soci::session& sql, const GoalRow& row) {
  return guarded("goals.update", [&]() -> Result<bool> {
    return kGoals.update_row(sql, row, ", version = version + 1 WHERE client_id = :c AND id = :id AND version = :v",
                             row.client_id, row.id, row.version) == 1;
  });
}

Status delete_goal(soci::session& sql, const std::string& client_id, const std::string& id) {
  return guarded("goals.delete", [&]() -> Status {
    sql << "DELETE FROM goal_steps WHERE client_id = :c AND goal_id = :id", soci::use(client_id), soci::use(id);
    sql << "DELETE FROM goals WHERE client_id = :c AND id = :id", soci::use(client_id), soci::use(id);
    return {};
  });
}

Result<std::vector<StepRow>> list_steps(soci::session& sql, const std::string& client_id) {
  return guarded("goal_steps.list", [&]() -> Result<std::vector<StepRow>> {
    return kSteps.select_rows(sql, " WHERE client_id = :c ORDER BY goal_id, created_at, id", client_id);
  });
}

Result<std::optional<StepRow>> find_step(soci::session& sql, const std::string& client_id, const std::string& id) {
  return guarded("goal_steps.find", [&]() -> Result<std::optional<StepRow>> {
    return kSteps.select_one(sql, " WHERE client_id = :c AND id = :id", client_id, id);
  });
}

Status insert_step(soci::session& sql, const StepRow& row) {
  return guarded("goal_steps.insert", [&]() -> Status {
    kSteps.insert_row(sql, row);
    return {};
  });
}

Result<bool> update_step(soci::session& sql, const StepRow& row) {
  return guarded("goal_steps.update", [&]() -> Result<bool> {
    return kSteps.update_row(sql, row, ", version = version + 1 WHERE client_id = :c AND id = :id AND version = :v",
                             row.client_id, row.id, row.version) == 1;
  });
}

Status delete_step(soci::session& sql, const std::string& client_id, const std::string& id) {
  return guarded("goal_steps.delete", [&]() -> Status {
    sql << "DELETE FROM goal_steps WHERE client_id = :c AND id = :id", soci::use(client_id), soci::use(id);
    return {};
  });
}

}  // namespace ombud::store
