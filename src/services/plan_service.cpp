// src/services/plan_service.cpp
#include "services/plan_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/reference_service.hpp"
#include "store/goals.hpp"

namespace ombud::services {

namespace {

using internal::WorkContext;

constexpr std::string_view kGoalColumn = "goals.text_ct";
constexpr std::string_view kStepColumn = "goal_steps.text_ct";

Result<PlanStep> step_of(const WorkContext& w, const store::StepRow& r) {
  PlanStep p;
  p.id = r.id;
  p.goal_id = r.goal_id;
  p.text = OMBUD_TRY(internal::open_record(w.loaded.key, kStepColumn, r.client_id, r.id, r.text_ct));
  p.actor = domain::parse_code(domain::kStepActors, r.actor).value_or(domain::StepActor::kClient);
  p.due = internal::opt_date(r.due_on);
  p.done = internal::opt_date(r.done_on);
  p.version = r.version;
  return p;
}

Result<PlanGoal> goal_of(const WorkContext& w, const store::GoalRow& r) {
  PlanGoal g;
  g.id = r.id;
  g.text = OMBUD_TRY(internal::open_record(w.loaded.key, kGoalColumn, r.client_id, r.id, r.text_ct));
  g.status = domain::parse_code(domain::kGoalStatuses, r.status).value_or(domain::GoalStatus::kActive);
  g.status_on = parse_date(r.status_on).value_or(Date{});
  g.version = r.version;
  return g;
}

Result<ActionPlan> plan_of(soci::session& sql, const WorkContext& w) {
  ActionPlan plan;
  plan.max_active = w.config.max_active_goals;
  for (const auto& r : OMBUD_TRY(store::list_goals(sql, w.client_id())))
    plan.goals.push_back(OMBUD_TRY(goal_of(w, r)));
  for (const auto& r : OMBUD_TRY(store::list_steps(sql, w.client_id()))) {
    auto it = std::find_if(plan.goals.begin(), plan.goals.end(), [&](const PlanGoal& g) { return g.id == r.goal_id; });
    if (it != plan.goals.end()) it->steps.push_back(OMBUD_TRY(step_of(w, r)));
  }
  std::stable_partition(plan.goals.begin(), plan.goals.end(),
                        [](const PlanGoal& g) { return g.status == domain::GoalStatus::kActive; });
  return plan;
}

Result<int> count_active(soci::session& sql, const std::string& client_id) {
  int n = 0;
  for (const auto& g : OMBUD_TRY(store::list_goals(sql, client_id)))
    n += g.status == "aktivt" ? 1 : 0;
  return n;
}

Result<store::GoalRow> find_goal(soci::session& sql, const WorkContext& w, const std::string& id) {
  auto row = OMBUD_TRY(store::find_goal(sql, w.client_id(), id));
  if (!row) return fail(Error::not_found("plan.goal_not_found"));
  return *row;
}

Result<store::StepRow> find_step(soci::session& sql, const WorkContext& w, const std::string& id) {
  auto row = OMBUD_TRY(store::find_step(sql, w.client_id(), id));
  if (!row) return fail(Error::not_found("plan.step_not_found"));
  return *row;
}

Status audit_plan(store::Tx& tx, const Services& s, const Actor& actor, const char* action, const char* kind,
                  const std::string& client_id, const std::string& id) {
  return audit(tx, s, AuditSubject::of(actor), AuditEvent{action, kind, client_id, id, "ok"});
}

// The step the input describes, with its field errors; `before` is the stored step when editing.
Result<store::StepRow> step_from(const StepInput& in, Date today, store::StepRow row) {
  std::vector<FieldError> errors;
  auto who = domain::parse_code(domain::kStepActors, trim(in.actor));
  if (trim(in.actor).empty()) {
    errors.push_back({"actor", "field.required"});
  } else if (!who) {
    errors.push_back({"actor", "field.invalid"});
  }
  std::optional<Date> due;
  if (!trim(in.due).empty()) {
    due = parse_date(trim(in.due));
    if (!due) errors.push_back({"due", "date.invalid"});
  }
  std::optional<Date> done;
  if (in.done) done = row.done_on ? parse_date(*row.done_on) : std::optional<Date>(today);
  for (auto& e : domain::validate_step(in.text, due, done, today))
    errors.push_back(std::move(e));
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  row.actor = std::string(domain::code_of(domain::kStepActors, *who));
  row.due_on = due ? std::optional(format_date(*due)) : std::nullopt;
  row.done_on = done ? std::optional(format_date(*done)) : std::nullopt;
  return row;
}

}  // namespace

Result<ActionPlan> action_plan(const Services& s, const Actor& actor, const std::string& client_id) {
  ActionPlan out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    out = OMBUD_TRY(plan_of(tx.sql(), w));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "plan", client_id, "", "ok"}));
  return out;
}

Result<PlanGoal> add_goal(const Services& s, const Actor& actor, const std::string& client_id,
                          const std::string& text) {
  if (auto errors = domain::validate_goal_text(text); !errors.empty()) {
    return fail(Error::invalid("error.invalid_input", std::move(errors)));
  }
  PlanGoal out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    const int active = OMBUD_TRY(count_active(tx.sql(), client_id));
    if (!domain::may_be_active(active, w.config.max_active_goals, false)) {
      return fail(Error::conflict("plan.too_many_active"));
    }
    store::GoalRow row;
    row.id = crypto::random_id();
    row.client_id = client_id;
    row.text_ct = internal::seal_record(w.loaded.key, kGoalColumn, client_id, row.id, std::string(trim(text)));
    row.status = "aktivt";
    row.status_on = format_date(today(s));
    row.created_by = actor.user_id;
    row.created_at = s.clock.now();
    OMBUD_CHECK(store::insert_goal(tx.sql(), row));
    OMBUD_CHECK(audit_plan(tx, s, actor, "create", "goal", client_id, row.id));
    out = OMBUD_TRY(goal_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Result<PlanGoal> change_goal(const Services& s, const Actor& actor, const std::string& client_id,
                             const std::string& goal_id, const GoalInput& in) {
  std::vector<FieldError> errors = domain::validate_goal_text(in.text);
  auto status = domain::parse_code(domain::kGoalStatuses, trim(in.status));
  if (!status) errors.push_back({"status", trim(in.status).empty() ? "field.required" : "field.invalid"});
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  PlanGoal out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::GoalRow row = OMBUD_TRY(find_goal(tx.sql(), w, goal_id));
    if (row.version != in.version) return fail(Error::conflict("plan.changed"));
    const std::string code(domain::code_of(domain::kGoalStatuses, *status));
    if (*status == domain::GoalStatus::kActive) {
      const int active = OMBUD_TRY(count_active(tx.sql(), client_id));
      if (!domain::may_be_active(active, w.config.max_active_goals, row.status == "aktivt")) {
        return fail(Error::conflict("plan.too_many_active"));
      }
    }
    if (row.status != code) row.status_on = format_date(today(s));
    row.status = code;
    row.text_ct = internal::seal_record(w.loaded.key, kGoalColumn, client_id, row.id, std::string(trim(in.text)));
    if (!OMBUD_TRY(store::update_goal(tx.sql(), row))) return fail(Error::conflict("plan.changed"));
    OMBUD_CHECK(audit_plan(tx, s, actor, "update", "goal", client_id, row.id));
    row.version += 1;
    out = OMBUD_TRY(goal_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Status remove_goal(const Services& s, const Actor& actor, const std::string& client_id, const std::string& goal_id,
                   int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::GoalRow row = OMBUD_TRY(find_goal(tx.sql(), w, goal_id));
    if (row.version != version) return fail(Error::conflict("plan.changed"));
    OMBUD_CHECK(store::delete_goal(tx.sql(), client_id, row.id));
    return audit_plan(tx, s, actor, "delete", "goal", client_id, row.id);
  });
}

Result<PlanStep> add_step(const Services& s, const Actor& actor, const std::string& client_id,
                          const std::string& goal_id, const StepInput& in) {
  store::StepRow row = OMBUD_TRY(step_from(in, today(s), store::StepRow{}));
  PlanStep out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::GoalRow goal = OMBUD_TRY(find_goal(tx.sql(), w, goal_id));
    int steps = 0;
    for (const auto& r : OMBUD_TRY(store::list_steps(tx.sql(), client_id)))
      steps += r.goal_id == goal.id ? 1 : 0;
    if (steps >= domain::kMaxStepsPerGoal) return fail(Error::conflict("plan.too_many_steps"));
    row.id = crypto::random_id();
    row.goal_id = goal.id;
    row.client_id = client_id;
    row.created_at = s.clock.now();
    row.text_ct = internal::seal_record(w.loaded.key, kStepColumn, client_id, row.id, std::string(trim(in.text)));
    OMBUD_CHECK(store::insert_step(tx.sql(), row));
    OMBUD_CHECK(audit_plan(tx, s, actor, "create", "goal_step", client_id, row.id));
    out = OMBUD_TRY(step_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Result<PlanStep> change_step(const Services& s, const Actor& actor, const std::string& client_id,
                             const std::string& step_id, const StepInput& in) {
  PlanStep out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::StepRow stored = OMBUD_TRY(find_step(tx.sql(), w, step_id));
    if (stored.version != in.version) return fail(Error::conflict("plan.changed"));
    store::StepRow row = OMBUD_TRY(step_from(in, today(s), stored));
    row.text_ct = internal::seal_record(w.loaded.key, kStepColumn, client_id, row.id, std::string(trim(in.text)));
    if (!OMBUD_TRY(store::update_step(tx.sql(), row))) return fail(Error::conflict("plan.changed"));
    OMBUD_CHECK(audit_plan(tx, s, actor, "update", "goal_step", client_id, row.id));
    row.version += 1;
    out = OMBUD_TRY(step_of(w, row));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Status remove_step(const Services& s, const Actor& actor, const std::string& client_id, const std::string& step_id,
                   int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::StepRow row = OMBUD_TRY(find_step(tx.sql(), w, step_id));
    if (row.version != version) return fail(Error::conflict("plan.changed"));
    OMBUD_CHECK(store::delete_step(tx.sql(), client_id, row.id));
    return audit_plan(tx, s, actor, "delete", "goal_step", client_id, row.id);
  });
}

}  // namespace ombud::services
