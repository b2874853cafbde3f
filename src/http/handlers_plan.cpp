// src/http/handlers_plan.cpp
//
// The action plan's pages: the plan (its goals, and a form for a new one while the operation's
// limit of active goals allows), a goal (its steps, a form for the next step, changing or removing
// the goal) and a step (changing it, marking it done, removing it). Only the client's ombud
// reaches them; the services ask the access policy (CaseNeed::kWork).
#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "http/case_views.hpp"
#include "services/plan_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;
using K = views::Control::Kind;

std::string plan_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/plan" + suffix);
}
std::string step_href(const std::string& client_id, const std::string& step_id, const std::string& suffix = "") {
  return client_href(client_id, "/steps/" + step_id + suffix);
}

std::string status_text(const Ctx& ctx, const services::PlanGoal& g) {
  return ctx.t("plan.status_since", {{"status", label_of(ctx, "goal_status.", domain::kGoalStatuses, g.status)},
                                     {"date", format_date(g.status_on)}});
}

// ---- The plan ----------------------------------------------------------------------------------

Result<views::Page> plan_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto plan = OMBUD_TRY(services::action_plan(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("plan.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("plan.lead", {{"name", v.display_name()}, {"code", v.code}})};
  if (plan.active() < plan.max_active) {
    views::FormBlock f;
    f.heading = ctx.t("plan.new_goal");
    f.action = plan_href(v.id);
    f.submit = ctx.t("plan.add_goal");
    f.controls.push_back(textarea("text", ctx.t("plan.goal"), sent != nullptr ? sent->get("text") : "",
                                  ctx.t("plan.goal_hint", {{"max", std::to_string(domain::kMaxGoalLength)}})));
    page.forms.push_back(std::move(f));
  } else {
    page.callouts.push_back({"info", "", {ctx.t_count("plan.limit_reached", "max", plan.max_active)}});
  }
  views::Table t;
  t.title = ctx.t("plan.goals");
  t.columns = {ctx.t("plan.goal"), ctx.t("plan.status"), ctx.t("plan.steps_done"), ctx.t("plan.next_step")};
  for (const auto& g : plan.goals) {
    int done = 0;
    std::string next;
    for (const auto& st : g.steps) {
      if (st.done) {
        ++done;
      } else if (next.empty()) {
        next = st.text + (st.due ? " (" + ctx.t("plan.by_date", {{"date", format_date(*st.due)}}) + ")" : "");
      }
    }
    t.rows.push_back(
        {{g.text, plan_href(v.id, "/" + g.id), "", "", true},
         {status_text(ctx, g), "", g.status == domain::GoalStatus::kActive ? "ok" : ""},
         {ctx.t("plan.done_of", {{"done", std::to_string(done)}, {"total", std::to_string(g.steps.size())}})},
         {next}});
  }
  t.empty_text = ctx.t("plan.no_goals");
  page.tables.push_back(std::move(t));
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_plan(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = plan_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_plan(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto added = services::add_goal(ctx.s, *ctx.actor, v->id, ctx.form->get("text"));
  if (added) return redirect(plan_href(v->id, "/" + added->id + "?notice=goal_added"));
  auto page = plan_page(ctx, *v, &*ctx.form);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, added.error());
}

// ---- A goal ------------------------------------------------------------------------------------

std::vector<Control> step_controls(const Ctx& ctx, const std::string& text_value, const std::string& actor,
                                   const std::string& due) {
  std::vector<Control> out;
  out.push_back(textarea("text", ctx.t("plan.step"), text_value,
                         ctx.t("plan.step_hint", {{"max", std::to_string(domain::kMaxStepLength)}})));
  out.push_back(radios("actor", ctx.t("plan.actor"),
                       options_of(ctx, "step_actor.", domain::kStepActors, actor.empty() ? "klienten" : actor)));
  Control d = date_control(ctx, "due", ctx.t("plan.due"), due);
  d.optional_mark = true;
  out.push_back(std::move(d));
  return out;
}

Result<views::Page> goal_page(Ctx& ctx, const services::ClientView& v, const std::string& goal_id, const Form* sent,
                              const std::string& sent_to) {
  auto plan = OMBUD_TRY(services::action_plan(ctx.s, *ctx.actor, v.id));
  auto it = std::find_if(plan.goals.begin(), plan.goals.end(), [&](const auto& g) { return g.id == goal_id; });
  if (it == plan.goals.end()) return fail(Error::not_found("plan.goal_not_found"));
  const services::PlanGoal& g = *it;
  auto from = [&](const char* form, const char* name, const std::string& otherwise) {
    return sent != nullptr && sent_to == form ? std::string(sent->get(name)) : otherwise;
  };
  views::Page page;
  page.heading = ctx.t("plan.goal_title");
  add_cover_notice(ctx, page, v);
  page.facts = {{ctx.t("plan.goal"), g.text}, {ctx.t("plan.status"), status_text(ctx, g)}};

  views::FormBlock step;
  step.heading = ctx.t("plan.new_step");
  step.action = plan_href(v.id, "/" + g.id + "/steps");
  step.submit = ctx.t("plan.add_step");
  step.controls = step_controls(ctx, from("step", "text", ""), from("step", "actor", ""), from("step", "due", ""));
  page.forms.push_back(std::move(step));

  views::Table t;
  t.title = ctx.t("plan.steps");
  t.columns = {ctx.t("plan.step"), ctx.t("plan.col_actor"), ctx.t("plan.due"), ctx.t("plan.done"),
               ctx.t("log.col_action")};
  for (const auto& s : g.steps) {
    t.rows.push_back({{s.text, "", "", "", true},
                      {label_of(ctx, "step_actor.", domain::kStepActors, s.actor)},
                      {date_text(s.due)},
                      {s.done ? format_date(*s.done) : std::string(), "", s.done ? "ok" : ""},
                      {ctx.t("log.change"), step_href(v.id, s.id), "", "", false,
                       ctx.t("plan.change_step_for", {{"step", s.text}})}});
  }
  t.empty_text = ctx.t("plan.no_steps");
  page.tables.push_back(std::move(t));

  views::FormBlock edit;
  edit.heading = ctx.t("plan.change_goal");
  edit.action = plan_href(v.id, "/" + g.id);
  edit.submit = ctx.t("plan.save_goal");
  edit.secondary_button = true;
  edit.after_tables = true;
  edit.hidden = {{"version", from("goal", "version", std::to_string(g.version))}};
  edit.controls.push_back(textarea("text", ctx.t("plan.goal"), from("goal", "text", g.text),
                                   ctx.t("plan.goal_hint", {{"max", std::to_string(domain::kMaxGoalLength)}})));
  edit.controls.push_back(
      radios("status", ctx.t("plan.status"),
             options_of(ctx, "goal_status.", domain::kGoalStatuses,
                        from("goal", "status", std::string(domain::code_of(domain::kGoalStatuses, g.status))))));
  page.forms.push_back(std::move(edit));
  views::FormBlock remove = removal(ctx, plan_href(v.id, "/" + g.id + "/remove"), g.version, "plan.remove_goal_heading",
                                    "plan.remove_goal_lead", "plan.remove_confirm", "plan.remove_goal");
  remove.after_tables = true;
  page.forms.push_back(std::move(remove));
  page.actions.push_back({ctx.t("plan.back"), plan_href(v.id), true});
  return page;
}

Response show_goal(Ctx& ctx, const std::string& sent_to = "", const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = goal_page(ctx, *v, ctx.param("goal"), error ? &*ctx.form : nullptr, sent_to);
  if (!page) return page_error(ctx, page.error());
  if (!error) return page_response(ctx, page->heading, *page);
  return page_with_errors(ctx, *page, *error);
}

Response get_goal(Ctx& ctx) {
  return show_goal(ctx);
}

Response post_goal(Ctx& ctx) {
  const Form& f = *ctx.form;
  auto saved = services::change_goal(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"),
                                     {std::string(f.get("text")), std::string(f.get("status")), form_version(f)});
  if (!saved) return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_goal(ctx, "goal", saved.error());
  return redirect(plan_href(ctx.param("id"), "/" + saved->id + "?notice=goal_saved"));
}

Response post_goal_remove(Ctx& ctx) {
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1")
    return show_goal(ctx, "remove", Error::field("confirmed", "plan.remove_not_confirmed"));
  auto st = services::remove_goal(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"), form_version(f));
  if (!st) return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_goal(ctx, "remove", st.error());
  return redirect(plan_href(ctx.param("id"), "?notice=goal_removed"));
}

Response post_step(Ctx& ctx) {
  const Form& f = *ctx.form;
  services::StepInput in{std::string(f.get("text")), std::string(f.get("actor")), std::string(f.get("due")), false, 0};
  auto added = services::add_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("goal"), in);
  if (!added) return is_refusal(added.error()) ? page_error(ctx, added.error()) : show_goal(ctx, "step", added.error());
  return redirect(plan_href(ctx.param("id"), "/" + ctx.param("goal") + "?notice=step_added"));
}

// ---- A step ------------------------------------------------------------------------------------

Result<views::Page> step_page(Ctx& ctx, const services::ClientView& v, const std::string& step_id, const Form* sent) {
  auto plan = OMBUD_TRY(services::action_plan(ctx.s, *ctx.actor, v.id));
  for (const auto& g : plan.goals) {
    for (const auto& s : g.steps) {
      if (s.id != step_id) continue;
      const bool edit = sent != nullptr && !sent->has("confirm_remove");
      auto get = [&](const char* name, const std::string& otherwise) {
        return edit ? std::string(sent->get(name)) : otherwise;
      };
      views::Page page;
      page.heading = ctx.t("plan.step_title");
      add_cover_notice(ctx, page, v);
      page.facts = {{ctx.t("plan.goal"), g.text}};
      views::FormBlock f;
      f.action = step_href(v.id, s.id);
      f.submit = ctx.t("plan.save_step");
      f.cancel = {ctx.t("form.cancel"), plan_href(v.id, "/" + g.id)};
      f.hidden = {{"version", get("version", std::to_string(s.version))}};
      f.controls = step_controls(ctx, get("text", s.text),
                                 get("actor", std::string(domain::code_of(domain::kStepActors, s.actor))),
                                 get("due", date_text(s.due)));
      f.controls.push_back(checkbox("done", ctx.t("plan.mark_done"),
                                    edit ? sent->get("done") == "1" : s.done.has_value(),
                                    s.done ? ctx.t("plan.done_on", {{"date", format_date(*s.done)}}) : ""));
      page.forms.push_back(std::move(f));
      views::FormBlock remove = removal(ctx, step_href(v.id, s.id, "/remove"), s.version, "plan.remove_step_heading",
                                        "plan.remove_step_lead", "plan.remove_confirm", "plan.remove_step");
      remove.hidden.emplace_back("confirm_remove", "1");
      remove.hidden.emplace_back("goal", g.id);
      page.forms.push_back(std::move(remove));
      return page;
    }
  }
  return fail(Error::not_found("plan.step_not_found"));
}

Response show_step(Ctx& ctx, const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = step_page(ctx, *v, ctx.param("step"), error ? &*ctx.form : nullptr);
  if (!page) return page_error(ctx, page.error());
  if (!error) return page_response(ctx, page->heading, *page);
  return page_with_errors(ctx, *page, *error);
}

Response get_step(Ctx& ctx) {
  return show_step(ctx);
}

Response post_step_change(Ctx& ctx) {
  const Form& f = *ctx.form;
  services::StepInput in{std::string(f.get("text")), std::string(f.get("actor")), std::string(f.get("due")),
                         f.get("done") == "1", form_version(f)};
  auto saved = services::change_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("step"), in);
  if (!saved) return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_step(ctx, saved.error());
  return redirect(plan_href(ctx.param("id"), "/" + saved->goal_id + "?notice=step_saved"));
}

Response post_step_remove(Ctx& ctx) {
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") return show_step(ctx, Error::field("confirmed", "plan.remove_not_confirmed"));
  auto st = services::remove_step(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("step"), form_version(f));
  if (!st) return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_step(ctx, st.error());
  // Back to the step's goal (named by the form, so only an id of the right form is followed).
  const std::string goal(f.get("goal"));
  return redirect(plan_href(ctx.param("id"), (crypto::is_random_id(goal) ? "/" + goal : "") + "?notice=step_removed"));
}

}  // namespace

void register_plan_routes(Router& router) {
  router.add({"GET", "/clients/{id}/plan", Permission::kRecordWork, RouteKind::kPage, get_plan});
  router.add({"POST", "/clients/{id}/plan", Permission::kRecordWork, RouteKind::kPage, post_plan});
  router.add({"GET", "/clients/{id}/plan/{goal}", Permission::kRecordWork, RouteKind::kPage, get_goal});
  router.add({"POST", "/clients/{id}/plan/{goal}", Permission::kRecordWork, RouteKind::kPage, post_goal});
  router.add({"POST", "/clients/{id}/plan/{goal}/remove", Permission::kRecordWork, RouteKind::kPage, post_goal_remove});
  router.add({"POST", "/clients/{id}/plan/{goal}/steps", Permission::kRecordWork, RouteKind::kPage, post_step});
  router.add({"GET", "/clients/{id}/steps/{step}", Permission::kRecordWork, RouteKind::kPage, get_step});
  router.add({"POST", "/clients/{id}/steps/{step}", Permission::kRecordWork, RouteKind::kPage, post_step_change});
  router.add(
      {"POST", "/clients/{id}/steps/{step}/remove", Permission::kRecordWork, RouteKind::kPage, post_step_remove});
}

}  // namespace ombud::http
