// src/services/plan_service.hpp
//
// The client's action plan (handlingsplan): goals in the client's own words, by default one active
// at a time (OperationConfig::max_active_goals), each broken into small steps with who takes them
// and by when. Only the client's ombud reaches it (CaseNeed::kWork); the words are sealed with the
// client's key. Every change is made together with the client and carries the version it was read
// at; no earlier text is kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct PlanStep {
  std::string id;
  std::string goal_id;
  std::string text;
  domain::StepActor actor = domain::StepActor::kClient;
  std::optional<Date> due;
  std::optional<Date> done;
  int version = 1;
};

struct PlanGoal {
  std::string id;
  std::string text;
  domain::GoalStatus status = domain::GoalStatus::kActive;
  Date status_on;
  int version = 1;
  std::vector<PlanStep> steps;
};

struct ActionPlan {
  std::vector<PlanGoal> goals;  // active ones first, then the rest, each oldest first
  int max_active = 1;
  int active() const {
    int n = 0;
    for (const auto& g : goals)
      n += g.status == domain::GoalStatus::kActive ? 1 : 0;
    return n;
  }
};

Result<ActionPlan> action_plan(const Services& s, const Actor& actor, const std::string& client_id);

/// A new goal is active: refused ("plan.too_many_active") while the plan has as many active goals
/// as the operation allows.
Result<PlanGoal> add_goal(const Services& s, const Actor& actor, const std::string& client_id, const std::string& text);

struct GoalInput {
  std::string text;
  std::string status;  // a kGoalStatuses code
  int version = 0;
};
Result<PlanGoal> change_goal(const Services& s, const Actor& actor, const std::string& client_id,
                             const std::string& goal_id, const GoalInput& input);
/// Removes the goal with its steps.
Status remove_goal(const Services& s, const Actor& actor, const std::string& client_id, const std::string& goal_id,
                   int version);

struct StepInput {
  std::string text;
  std::string actor;  // a kStepActors code
  std::string due;    // YYYY-MM-DD or ""
  bool done = false;  // done today when newly marked; its date is kept while it stays done
  int version = 0;
};
Result<PlanStep> add_step(const Services& s, const Actor& actor, const std::string& client_id,
                          const std::string& goal_id, const StepInput& input);
Result<PlanStep> change_step(const Services& s, const Actor& actor, const std::string& client_id,
                             const std::string& step_id, const StepInput& input);
Status remove_step(const Services& s, const Actor& actor, const std::string& client_id, const std::string& step_id,
                   int version);

}  // namespace ombud::services
