// src/http/handlers_plan_api.cpp
//
// The JSON API beside the action plan's pages (handlers_plan.cpp), over the same services:
// /api/v1/clients/{id}/goals, …/goals/{goal}, …/goals/{goal}/steps and …/steps/{step}.
#include "core/text.hpp"
#include "http/app.hpp"
#include "http/json_input.hpp"
#include "services/plan_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using nlohmann::json;

json step_json(const services::PlanStep& s) {
  return {{"id", s.id},
          {"goal_id", s.goal_id},
          {"text", s.text},
          {"actor", std::string(domain::code_of(domain::kStepActors, s.actor))},
          {"due", s.due ? json(format_date(*s.due)) : json(nullptr)},
          {"done", s.done ? json(format_date(*s.done)) : json(nullptr)},
          {"version", s.version}};
}

json goal_json(const services::PlanGoal& g) {
  json steps = json::array();
  for (const auto& s : g.steps)
    steps.push_back(step_json(s));
  return {{"id", g.id},
          {"text", g.text},
          {"status", std::string(domain::code_of(domain::kGoalStatuses, g.status))},
          {"status_on", format_date(g.status_on)},
          {"version", g.version},
          {"steps", steps}};
}

Response get_goals(Ctx& ctx) {
  auto plan = services::action_plan(ctx.s, *ctx.actor, ctx.param("id"));
  if (!plan) return api_error(ctx, plan.error());
  json goals = json::array();
  for (const auto& g : plan->goals)
    goals.push_back(goal_json(g));
  return json_response(200, {{"goals", goals}, {"max_active", plan->max_active}});
}

Response post_goal(Ctx& ctx) {
  JsonInput in(ctx.json);
  std::string text = in.string("text", true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto g = services::add_goal(ctx.s, *ctx.actor, ctx.param("id"), text);
  if (!g) return api_error(ctx, g.error());
  return json_response(201, goal_json(*g));
}

Response put_goal(Ctx& ctx) {
  JsonInput in(ctx.json);
  services::GoalInput g;
  g.text = in.string("text", true);
  g.status = in.string("status", true);
  g.version = static_cast<int>(in.integer("version", true).value_or(-1));
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::change_goal(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"), g);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, goal_json(*saved));
}

Response delete_goal(Ctx& ctx) {
  auto v = query_version(ctx);
  if (!v) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_goal(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"), *v);
  return st ? no_content() : api_error(ctx, st.error());
}

services::StepInput step_input(JsonInput& in, bool edit) {
  services::StepInput s;
  s.text = in.string("text", true);
  s.actor = in.string("actor", true);
  s.due = in.string("due", false);
  s.done = in.boolean("done", false).value_or(false);
  if (edit) s.version = static_cast<int>(in.integer("version", true).value_or(-1));
  return s;
}

Response post_step(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto s = step_input(in, false);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto added = services::add_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"), s);
  if (!added) return api_error(ctx, added.error());
  return json_response(201, step_json(*added));
}

Response put_step(Ctx& ctx) {
  JsonInput in(ctx.json);
  auto s = step_input(in, true);
  if (auto e = in.error()) return api_error(ctx, *e);
  auto saved = services::change_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("step"), s);
  if (!saved) return api_error(ctx, saved.error());
  return json_response(200, step_json(*saved));
}

Response delete_step(Ctx& ctx) {
  auto v = query_version(ctx);
  if (!v) return api_error(ctx, Error::field("version", "field.required"));
  auto st = services::remove_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("step"), *v);
  return st ? no_content() : api_error(ctx, st.error());
}

}  // namespace

void register_plan_api_routes(Router& router) {
  const Permission p = Permission::kRecordWork;
  router.add({"GET", "/api/v1/clients/{id}/goals", p, RouteKind::kApi, get_goals});
  router.add({"POST", "/api/v1/clients/{id}/goals", p, RouteKind::kApi, post_goal});
  router.add({"PUT", "/api/v1/clients/{id}/goals/{goal}", p, RouteKind::kApi, put_goal});
  router.add({"DELETE", "/api/v1/clients/{id}/goals/{goal}", p, RouteKind::kApi, delete_goal});
  router.add({"POST", "/api/v1/clients/{id}/goals/{goal}/steps", p, RouteKind::kApi, post_step});
  router.add({"PUT", "/api/v1/clients/{id}/steps/{step}", p, RouteKind::kApi, put_step});
  router.add({"DELETE", "/api/v1/clients/{id}/steps/{step}", p, RouteKind::kApi, delete_step});
}

}  // namespace ombud::http
