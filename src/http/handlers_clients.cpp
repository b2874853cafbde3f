// src/http/handlers_clients.cpp
//
// The HTML pages of a case: recording a first contact (and counting an under-18 inquiry), the
// client page, the person's own wish, the assessment, the orientation visit, priorities, the
// assignment and status changes. Each GET shows a form; each POST calls one use case and either
// redirects to the client page or shows the form again with the errors, the values kept.
#include <algorithm>

#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/config_service.hpp"

namespace ombud::http {

namespace {

using domain::CaseAction;
using domain::CaseState;
using domain::Permission;
using views::Control;
using K = views::Control::Kind;

std::vector<views::Option> yes_no(const Ctx& ctx, const std::string& selected) {
  return {{"ja", ctx.t("form.yes"), selected == "ja"}, {"nej", ctx.t("form.no"), selected == "nej"}};
}

bool offers(const std::vector<CaseAction>& actions, CaseAction a) {
  return std::find(actions.begin(), actions.end(), a) != actions.end();
}

// The relation as it reads inside a sentence ("… togs av en anhörig").
std::string relation_text(const Ctx& ctx, domain::ContactBy by) {
  return label_of(ctx, "contact_by_in_text.", domain::kContactBy, by);
}

// The member municipalities, then "another municipality", as a select; `blank` leads with
// "Välj" for a form that starts empty.
Result<Control> municipality_control(const Ctx& ctx, const std::string& chosen, bool blank) {
  Control m;
  m.kind = K::kSelect;
  m.name = "municipality";
  m.label = ctx.t("contact.municipality");
  if (blank) m.options.push_back({"", ctx.t("form.choose"), chosen.empty()});
  for (const auto& [code, name] : OMBUD_TRY(services::municipalities(ctx.s, ctx.actor->operation_id)))
    m.options.push_back({code, name, chosen == code});
  m.options.push_back({std::string(domain::kOtherMunicipality), ctx.t("contact.other_municipality"),
                       chosen == domain::kOtherMunicipality});
  return m;
}

// ---- First contact ----------------------------------------------------------------------------
Result<views::Page> contact_page(Ctx& ctx, const Form* form) {
  auto get = [&](const char* name, const std::string& fallback = "") {
    return form != nullptr ? form->get(name) : fallback;
  };
  auto cfg = OMBUD_TRY(services::current_config(ctx.s, ctx.actor->operation_id));
  views::Page page;
  page.heading = ctx.t("contact.title");
  page.callouts.push_back(crisis_box(ctx, cfg.config, ""));
  page.callouts.back().after_calls = ctx.t("crisis.on_contact_form");
  page.lead = {ctx.t("contact.lead")};
  views::FormBlock f;
  f.action = "/contacts";
  f.submit = ctx.t("contact.submit");
  f.alternate = {"then", "akut", ctx.t("contact.submit_and_refer")};
  f.cancel = {ctx.t("form.cancel"), "/"};
  f.controls.push_back(date_control(ctx, "contact_date", ctx.t("contact.date"), get("contact_date", today_text(ctx))));
  f.controls.push_back(
      radios("channel", ctx.t("contact.channel"), options_of(ctx, "channel.", domain::kChannels, get("channel"))));
  Control by = radios("contact_by", ctx.t("contact.contact_by"),
                      options_of(ctx, "contact_by.", domain::kContactBy, get("contact_by")));
  by.hint = ctx.t("contact.contact_by_hint");
  f.controls.push_back(by);
  f.controls.push_back(
      checkbox("own_wish", ctx.t("contact.own_wish"), get("own_wish") == "1", ctx.t("contact.own_wish_hint")));
  Control alias = text("alias", ctx.t("contact.alias"), get("alias"));
  alias.hint = ctx.t("contact.alias_hint");
  alias.optional_mark = true;
  alias.autocomplete = "off";
  f.controls.push_back(alias);
  Control reach = text("reach", ctx.t("contact.reach"), get("reach"));
  reach.kind = K::kTextarea;
  reach.hint = ctx.t("contact.reach_hint");
  reach.optional_mark = true;
  f.controls.push_back(reach);
  f.controls.push_back(OMBUD_TRY(municipality_control(ctx, get("municipality"), true)));
  Control year = text("birth_year", ctx.t("contact.birth_year"), get("birth_year"));
  year.kind = K::kNumber;
  year.width = "4";
  year.hint = ctx.t("contact.birth_year_hint");
  f.controls.push_back(year);
  f.controls.push_back(checkbox("confirmed_adult", ctx.t("contact.confirmed_adult"), get("confirmed_adult") == "1",
                                ctx.t("contact.confirmed_adult_hint")));
  f.controls.push_back(
      radios("gender", ctx.t("contact.gender"), options_of(ctx, "gender.", domain::kGenders, get("gender"))));
  page.forms.push_back(std::move(f));
  return page;
}

// Under 18: no case. Counting the inquiry in the statistics, without personal data, becomes the
// page's first and primary action; the contact form stays below, for a birth year given wrong.
// The message is said once, in the callout; the field names only what to check.
void show_under_18(Ctx& ctx, views::Page& page, const Form& form) {
  for (auto& c : page.callouts)
    c.after_calls.clear();  // no case, so no referral to register after it
  page.lead.clear();
  page.callouts.insert(page.callouts.begin(),
                       views::Callout{"warning",
                                      ctx.t("contact.under_18_heading"),
                                      {ctx.t("contact.under_18_text"), ctx.t("contact.under_18_help")},
                                      true});
  views::FormBlock& contact = page.forms.front();
  contact.heading = ctx.t("contact.under_18_fix_heading");
  contact.lead = ctx.t("contact.under_18_fix_lead");
  contact.secondary_button = true;
  contact.alternate = {};
  views::attach_errors(contact.controls, {{"birth_year", ctx.t("contact.under_18_field")}});
  views::FormBlock count;
  count.heading = ctx.t("inquiry.heading");
  count.lead = ctx.t("inquiry.lead");
  count.action = "/inquiries";
  count.submit = ctx.t("inquiry.submit");
  count.hidden = {{"channel", form.get("channel")},
                  {"contact_by", form.get("contact_by")},
                  {"municipality", form.get("municipality")}};
  page.forms.insert(page.forms.begin(), std::move(count));
}

Response get_new_contact(Ctx& ctx) {
  auto page = contact_page(ctx, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, ctx.t("contact.title"), *page);
}

Response post_contact(Ctx& ctx) {
  const Form& f = *ctx.form;
  services::NewContact in;
  in.contact_date = f.get("contact_date");
  in.channel = f.get("channel");
  in.contact_by = f.get("contact_by");
  in.alias = f.get("alias");
  in.reach = f.get("reach");
  in.municipality = f.get("municipality");
  in.birth_year = f.get("birth_year");
  in.gender = f.get("gender");
  in.own_wish = f.get("own_wish") == "1";
  in.confirmed_adult = f.get("confirmed_adult") == "1";
  auto result = services::record_contact(ctx.s, *ctx.actor, in);
  if (!result) {
    auto page = contact_page(ctx, &f);
    if (!page) return page_error(ctx, page.error());
    bool under_18 = std::any_of(result.error().fields.begin(), result.error().fields.end(),
                                [](const FieldError& e) { return e.message_key == "contact.under_18"; });
    if (under_18) {
      show_under_18(ctx, *page, f);
    } else {
      show_errors(ctx, *page, result.error());
    }
    return page_response(ctx, ctx.t("contact.title"), *page, http_status(result.error().code));
  }
  if (f.get("then") == "akut") return redirect(client_href(result->id, "/assessment?outcome=akut"));
  return redirect(client_href(result->id) + "?notice=contact_recorded");
}

Response post_inquiry(Ctx& ctx) {
  const Form& f = *ctx.form;
  auto st = services::count_under_18_inquiry(ctx.s, *ctx.actor,
                                             {f.get("channel"), f.get("contact_by"), f.get("municipality")});
  if (!st) {
    auto page = contact_page(ctx, &f);
    if (!page) return page_error(ctx, page.error());
    show_errors(ctx, *page, st.error());
    return page_response(ctx, ctx.t("contact.title"), *page, http_status(st.error().code));
  }
  return redirect("/contacts/new?notice=inquiry_counted");
}

// ---- The client page --------------------------------------------------------------------------

std::string place_text(const Ctx& ctx, const std::optional<domain::Place>& p) {
  return p ? label_of(ctx, "place.", domain::kPlaces, *p) : std::string();
}

std::string names_of(const std::vector<long long>& ids, const std::map<long long, std::string>& names) {
  std::string out;
  for (long long id : ids) {
    auto it = names.find(id);
    if (it == names.end()) continue;
    out += (out.empty() ? "" : ", ") + it->second;
  }
  return out;
}

Response get_client_page(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto cfg = services::current_config(ctx.s, ctx.actor->operation_id);
  if (!cfg) return page_error(ctx, cfg.error());
  auto staff = services::staff_names(ctx.s, *ctx.actor);
  if (!staff) return page_error(ctx, staff.error());
  auto& names = *staff;
  const auto actions = services::available_actions(*ctx.actor, *v);
  const std::string base = client_href(v->id);
  views::Page page;
  page.heading = v->display_name();
  add_cover_notice(ctx, page, *v);

  auto fact = [&](const char* key, const std::string& value) {
    if (!value.empty()) page.facts.emplace_back(ctx.t(key), value);
  };
  fact("client.code", v->code);
  fact("client.state", label_of(ctx, "state.", domain::kCaseStates, v->state));
  fact("client.first_contact",
       format_date(v->first_contact_on) + " – " + label_of(ctx, "channel.", domain::kChannels, v->channel));
  fact("client.contact_by", label_of(ctx, "contact_by.", domain::kContactBy, v->contact_by));
  if (v->own_wish_on) {
    std::string wish = format_date(*v->own_wish_on);
    if (v->own_wish_how) wish += ", " + label_of(ctx, "own_wish_how_in_text.", domain::kOwnWishWays, *v->own_wish_how);
    if (v->own_wish_received_by && names.count(*v->own_wish_received_by)) {
      wish += " – " + ctx.t("client.own_wish_received_by", {{"name", names[*v->own_wish_received_by]}});
    }
    fact("client.own_wish", wish);
  } else {
    fact("client.own_wish", ctx.t("client.own_wish_missing"));
  }
  fact("client.municipality",
       v->municipality_name.empty() ? ctx.t("contact.other_municipality") : v->municipality_name);
  std::string moves;
  for (const auto& m : v->moves) {
    auto name = [&](const std::string& n) { return n.empty() ? ctx.t("contact.other_municipality") : n; };
    moves += (moves.empty() ? "" : "; ") +
             ctx.t("client.move", {{"date", format_date(m.on)}, {"from", name(m.from_name)}, {"to", name(m.to_name)}});
  }
  fact("client.moves", moves);
  fact("client.birth_year", std::to_string(v->birth_year));
  fact("client.gender", label_of(ctx, "gender.", domain::kGenders, v->gender));
  fact("client.reach", v->reach);
  if (v->assessment) {
    std::string outcome = label_of(ctx, "outcome.", domain::kOutcomes, v->assessment->outcome);
    if (v->assessment->reason)
      outcome += " – " + label_of(ctx, "reason.", domain::kDeclineReasons, *v->assessment->reason);
    fact("client.assessment", outcome + " (" + date_text(v->assessed_on) + ")");
  }
  // No deadline runs while a relative's contact waits for the person's own wish.
  if (domain::before_orientation(v->state) && v->state != CaseState::kFirstContact) {
    fact("client.deadline", format_date(v->orientation_deadline));
  }
  if (v->orientation_on) {
    std::string visit = format_date(*v->orientation_on);
    if (!v->orientation_time.empty()) visit += " " + ctx.t("client.at_time", {{"time", v->orientation_time}});
    visit += ", " + place_text(ctx, v->orientation_place);
    std::string who = names_of(v->orientation_ombud, names);
    if (!who.empty()) visit += " – " + who;
    if (v->orientation_trusted_person) visit += " – " + ctx.t("client.with_trusted_person");
    fact("client.orientation", visit);
  }
  fact("client.orientation_held", date_text(v->orientation_held_on));
  fact("client.queue_since", date_text(v->queue_entered_on));
  std::vector<std::string> groups;
  for (const auto& key : v->priority_keys) {
    if (const auto* g = domain::find_priority_group(cfg->config, key)) groups.push_back(g->label);
  }
  if (!groups.empty()) {
    std::string joined;
    for (const auto& g : groups)
      joined += (joined.empty() ? "" : ", ") + g;
    fact("client.priorities", joined);
  }
  if (v->primary_ombud_id) fact("client.ombud", names.count(*v->primary_ombud_id) ? names[*v->primary_ombud_id] : "");
  fact("client.assigned_on", date_text(v->assigned_on));
  fact("client.paused_on", date_text(v->paused_on));
  fact("client.ended_on", date_text(v->ended_on));
  if (v->end_reason)
    fact("client.end_reason", label_of(ctx, "withdraw_reason.", domain::kWithdrawReasons, *v->end_reason));

  if (offers(actions, CaseAction::kReferAcute)) {
    page.callouts.push_back(crisis_box(ctx, cfg->config, base + "/assessment?outcome=akut"));
  }
  // The assignment's work first, on the first screen: what an ombud opens in the client's home.
  if (services::may_work(*ctx.actor, *v)) {
    views::Callout work;
    work.heading = ctx.t("work.heading");
    work.links = {{ctx.t("action.log"), base + "/log"},
                  {ctx.t("action.plan"), base + "/plan", true},
                  {ctx.t("action.appointments"), base + "/appointments", true},
                  {ctx.t("action.mapping"), base + "/mapping", true},
                  {ctx.t("action.network"), base + "/network", true},
                  {ctx.t("action.consents"), base + "/consents", true},
                  {ctx.t("action.letters"), base + "/letters", true},
                  {ctx.t("action.copy"), base + "/copy", true}};
    page.callouts.push_back(std::move(work));
  }
  switch (v->state) {
    case CaseState::kFirstContact:
      page.callouts.push_back(
          {"info", "", {ctx.t("client.waiting_own_wish", {{"relation", relation_text(ctx, v->contact_by)}})}});
      break;
    case CaseState::kDeclined:
    case CaseState::kReferredAcute: page.callouts.push_back(*what_to_tell(ctx, v->state, cfg->config)); break;
    case CaseState::kWithdrawn: page.callouts.push_back({"info", "", {ctx.t("client.withdrawn_text")}}); break;
    case CaseState::kClosing: page.callouts.push_back({"info", "", {ctx.t("client.closing_text")}}); break;
    default: break;
  }

  auto link = [&](CaseAction a, const char* key, const std::string& href, bool secondary = false) {
    if (offers(actions, a)) page.actions.push_back({ctx.t(key), href, secondary});
  };
  link(CaseAction::kConfirmOwnWish, "action.own_wish", base + "/own-wish");
  link(CaseAction::kAssess, "action.assess", base + "/assessment");
  if (v->orientation_on) {
    link(CaseAction::kRecordOrientation, "action.record_orientation", base + "/orientation/held");
    link(CaseAction::kBookOrientation, "action.rebook_orientation", base + "/orientation", true);
  } else {
    link(CaseAction::kBookOrientation, "action.book_orientation", base + "/orientation");
  }
  link(CaseAction::kAssign, "action.assign", base + "/assignment");
  link(CaseAction::kReassign, "action.reassign", base + "/assignment", true);
  link(CaseAction::kSetPriorities, "action.priorities", base + "/priorities", true);
  link(CaseAction::kReassign, "action.covers", base + "/covers", true);
  if (services::may_edit_details(*ctx.actor, *v))
    page.actions.push_back({ctx.t("action.details"), base + "/details", true});
  link(CaseAction::kPause, "action.pause", base + "/status?action=vilande", true);
  link(CaseAction::kResume, "action.resume", base + "/status?action=aterupptag");
  if (offers(actions, CaseAction::kWithdraw)) {
    bool during = v->state == CaseState::kActive || v->state == CaseState::kPaused;
    views::Link end{ctx.t(during ? "action.end" : "action.withdraw"), base + "/status?action=avstar", true};
    end.danger = true;
    page.actions.push_back(end);
  }
  // The window title shows the client code only: titles stay in the browser's history on the
  // device, where a name must not.
  return page_response(ctx, v->code, page);
}

// The form of a case page: posted to the case's `path`, with a cancel link back to the case and
// the case version it was shown at (kept from a posted form that is shown again with its errors).
views::FormBlock case_form_block(Ctx& ctx, const services::ClientView& v, const Form* form, const std::string& path,
                                 const char* submit_key) {
  views::FormBlock f;
  f.action = client_href(v.id, path);
  f.submit = ctx.t(submit_key);
  f.cancel = {ctx.t("form.cancel"), client_href(v.id)};
  f.hidden = {{"version", form != nullptr ? form->get("version") : std::to_string(v.version)}};
  return f;
}

// ---- Own wish ---------------------------------------------------------------------------------

Result<views::Page> own_wish_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  views::Page page;
  page.heading = ctx.t("own_wish.title");
  page.lead = {ctx.t("client.waiting_own_wish", {{"relation", relation_text(ctx, v.contact_by)}})};
  page.facts = {{ctx.t("client.code"), v.code}, {ctx.t("client.first_contact"), format_date(v.first_contact_on)}};
  views::FormBlock f = case_form_block(ctx, v, form, "/own-wish", "own_wish.submit");
  f.controls.push_back(
      date_control(ctx, "date", ctx.t("own_wish.date"), form != nullptr ? form->get("date") : today_text(ctx)));
  f.controls.push_back(radios(
      "how", ctx.t("own_wish.how"),
      options_of(ctx, "own_wish_how.", domain::kOwnWishWays, form != nullptr ? form->get("how") : std::string())));
  Control by = select("received_by", ctx.t("own_wish.received_by"), {});
  const std::string chosen = form != nullptr ? form->get("received_by") : std::to_string(ctx.actor->user_id);
  for (const auto& [id, name] : OMBUD_TRY(services::receiver_choices(ctx.s, *ctx.actor)))
    by.options.push_back({std::to_string(id), name, std::to_string(id) == chosen});
  f.controls.push_back(by);
  page.forms.push_back(std::move(f));
  return page;
}

// Shows a case form (GET), or handles it (POST): `build` makes the page, whose heading is also the
// window title; `submit` calls the use case; `notice` names the status message after the redirect.
template <typename Build, typename Submit>
Response case_form(Ctx& ctx, Build build, Submit submit, const char* notice) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  if (ctx.req.method != "POST") {
    auto page = build(*v, nullptr);
    if (!page) return page_error(ctx, page.error());
    return page_response(ctx, page->heading, *page);
  }
  auto result = submit(*v, *ctx.form);
  if (!result) {
    auto page = build(*v, &*ctx.form);
    if (!page) return page_error(ctx, page.error());
    show_errors(ctx, *page, result.error());
    return page_response(ctx, page->heading, *page, http_status(result.error().code));
  }
  return redirect(client_href(v->id) + "?notice=" + notice);
}

Response own_wish(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return own_wish_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::confirm_own_wish(ctx.s, *ctx.actor, v.id,
                                          {form_version(f), f.get("date"), f.get("how"), f.get("received_by")});
      },
      "own_wish");
}

// ---- Assessment -------------------------------------------------------------------------------

Result<views::Page> assessment_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto cfg = OMBUD_TRY(services::current_config(ctx.s, ctx.actor->operation_id));
  auto get = [&](const char* name, const std::string& fallback = "") { return form ? form->get(name) : fallback; };
  views::Page page;
  if (v.state == CaseState::kFirstContact) {
    // Before the person's own wish only an acute referral is possible: no criteria to answer.
    page.heading = ctx.t("acute.title");
    page.lead = {ctx.t("acute.lead")};
    page.facts = {{ctx.t("client.code"), v.code}};
    views::FormBlock f = case_form_block(ctx, v, form, "/assessment", "acute.submit");
    f.hidden.push_back({"outcome", "akut"});
    f.controls.push_back(date_control(ctx, "date", ctx.t("acute.date"), get("date", today_text(ctx))));
    page.forms.push_back(std::move(f));
    views::Callout tell = *what_to_tell(ctx, CaseState::kReferredAcute, cfg.config);
    tell.alert = false;  // shown before the referral, not announced as its result
    page.callouts.push_back(std::move(tell));
    return page;
  }
  page.heading = ctx.t("assessment.title");
  page.callouts.push_back(crisis_box(ctx, cfg.config, ""));
  const Date now = services::today(ctx.s);
  std::string bounds = cfg.config.max_age
                           ? ctx.t("assessment.age_range", {{"min", std::to_string(cfg.config.min_age)},
                                                            {"max", std::to_string(*cfg.config.max_age)}})
                           : ctx.t("assessment.age_min", {{"min", std::to_string(cfg.config.min_age)}});
  page.lead = {ctx.t("assessment.lead"), bounds};
  page.facts = {{ctx.t("client.code"), v.code},
                {ctx.t("assessment.age"), std::to_string(domain::age_in_year(v.birth_year, now))},
                {ctx.t("client.municipality"),
                 v.municipality_name.empty() ? ctx.t("assessment.not_member") : v.municipality_name}};
  views::FormBlock f = case_form_block(ctx, v, form, "/assessment", "assessment.submit");
  f.controls.push_back(date_control(ctx, "date", ctx.t("assessment.date"), get("date", today_text(ctx))));
  f.controls.push_back(radios("significant_disability", ctx.t("assessment.significant_disability"),
                              yes_no(ctx, get("significant_disability"))));
  f.controls.push_back(radios("complex_needs", ctx.t("assessment.complex_needs"), yes_no(ctx, get("complex_needs"))));
  if (cfg.config.require_own_will) {
    f.controls.push_back(radios("own_will", ctx.t("assessment.own_will"), yes_no(ctx, get("own_will"))));
  }
  if (cfg.config.exclude_substance_abuse) {
    f.controls.push_back(
        radios("no_substance_abuse", ctx.t("assessment.no_substance_abuse"), yes_no(ctx, get("no_substance_abuse"))));
  }
  std::string outcome = get("outcome", ctx.query("outcome") == "akut" ? "akut" : "");
  f.controls.push_back(
      radios("outcome", ctx.t("assessment.outcome"), options_of(ctx, "outcome_choice.", domain::kOutcomes, outcome)));
  Control reason = select("reason", ctx.t("assessment.reason"),
                          options_of(ctx, "reason.", domain::kDeclineReasons, get("reason"), "form.choose"),
                          ctx.t("assessment.reason_hint"));
  // An acute need is the outcome "Hänvisa akut", never a reason for a no.
  std::erase_if(reason.options, [](const views::Option& o) {
    return o.value == domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kAcuteNeed);
  });
  f.controls.push_back(reason);
  page.forms.push_back(std::move(f));
  views::Callout if_declined = *what_to_tell(ctx, CaseState::kDeclined, cfg.config);
  if_declined.heading = ctx.t("assessment.if_declined");
  page.callouts.push_back(std::move(if_declined));
  return page;
}

Response assessment(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return assessment_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        services::AssessmentInput in;
        in.version = form_version(f);
        in.date = f.get("date");
        in.outcome = f.get("outcome");
        in.reason = f.get("reason");
        in.significant_disability = f.get("significant_disability");
        in.complex_needs = f.get("complex_needs");
        in.own_will = f.get("own_will");
        in.no_substance_abuse = f.get("no_substance_abuse");
        return services::assess(ctx.s, *ctx.actor, v.id, in);
      },
      "assessment");
}

// ---- Orientation visit ------------------------------------------------------------------------

Result<views::Page> booking_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto cfg = OMBUD_TRY(services::current_config(ctx.s, ctx.actor->operation_id));
  auto get = [&](const char* name, const std::string& fallback = "") { return form ? form->get(name) : fallback; };
  views::Page page;
  page.heading = ctx.t("orientation.title");
  int left = domain::days_of_kind_between(services::today(ctx.s), v.orientation_deadline, cfg.config.deadline_day_kind);
  page.lead = {ctx.t("orientation.lead", {{"count", std::to_string(cfg.config.orientation_ombud_count)}})};
  page.facts = {{ctx.t("client.code"), v.code},
                {ctx.t("client.first_contact"), format_date(v.first_contact_on)},
                {ctx.t("client.deadline"), format_date(v.orientation_deadline) + " (" +
                                               ctx.t_count(left >= 0 ? "deadline.days_left" : "deadline.days_over",
                                                           "days", left >= 0 ? left : -left) +
                                               ")"}};
  views::FormBlock f = case_form_block(ctx, v, form, "/orientation", "orientation.submit");
  f.controls.push_back(date_control(ctx, "date", ctx.t("orientation.date"), get("date", date_text(v.orientation_on))));
  Control time = text("time", ctx.t("orientation.time"), get("time", v.orientation_time));
  time.width = "4";
  time.hint = ctx.t("orientation.time_hint");
  time.optional_mark = true;
  time.autocomplete = "off";
  f.controls.push_back(time);
  f.controls.push_back(radios(
      "place", ctx.t("orientation.place"),
      options_of(ctx, "place.", domain::kPlaces,
                 get("place",
                     v.orientation_place ? std::string(domain::code_of(domain::kPlaces, *v.orientation_place)) : ""))));
  Control ombud;
  ombud.kind = K::kCheckboxes;
  ombud.name = "ombud";
  ombud.label = ctx.t("orientation.ombud");
  ombud.hint = ctx.t("orientation.ombud_hint", {{"count", std::to_string(cfg.config.orientation_ombud_count)}});
  std::vector<std::string> chosen = form ? form->all("ombud") : std::vector<std::string>{};
  if (!form) {
    for (long long id : v.orientation_ombud)
      chosen.push_back(std::to_string(id));
  }
  for (auto& o : OMBUD_TRY(ombud_options(ctx, "", false))) {
    o.selected = std::find(chosen.begin(), chosen.end(), o.value) != chosen.end();
    ombud.options.push_back(o);
  }
  f.controls.push_back(ombud);
  f.controls.push_back(checkbox("trusted_person", ctx.t("orientation.trusted_person"),
                                form ? form->get("trusted_person") == "1" : v.orientation_trusted_person,
                                ctx.t("orientation.trusted_person_hint")));
  page.forms.push_back(std::move(f));
  return page;
}

Response orientation(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return booking_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        services::BookingInput in{form_version(f), f.get("date"),  f.get("time"),
                                  f.get("place"),  f.all("ombud"), f.get("trusted_person") == "1"};
        return services::book_orientation(ctx.s, *ctx.actor, v.id, in);
      },
      "orientation_booked");
}

std::vector<views::Option> manual_groups(const domain::OperationConfig& cfg, const std::vector<std::string>& chosen) {
  std::vector<views::Option> out;
  for (const auto& g : cfg.priority_groups) {
    if (g.by_age()) continue;
    out.push_back({g.key, g.label, std::find(chosen.begin(), chosen.end(), g.key) != chosen.end()});
  }
  return out;
}

// The age groups this client falls in this year (they count without being ticked), or "" when
// none: never the groups the client is outside of.
std::string age_groups_note(const Ctx& ctx, const domain::OperationConfig& cfg, const services::ClientView& v) {
  std::string groups;
  for (const auto* g : domain::applicable_groups(cfg, {}, v.birth_year, services::today(ctx.s))) {
    if (g->by_age()) groups += (groups.empty() ? "" : ", ") + g->label;
  }
  return groups.empty() ? std::string() : ctx.t("priorities.by_age", {{"groups", groups}});
}

Result<views::Page> held_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto cfg = OMBUD_TRY(services::current_config(ctx.s, ctx.actor->operation_id));
  auto get = [&](const char* name, const std::string& fallback = "") { return form ? form->get(name) : fallback; };
  views::Page page;
  page.heading = ctx.t("orientation_held.title");
  page.lead = {ctx.t("orientation_held.lead")};
  page.facts = {{ctx.t("client.code"), v.code}, {ctx.t("client.orientation"), date_text(v.orientation_on)}};
  views::FormBlock f = case_form_block(ctx, v, form, "/orientation/held", "form.save");
  f.controls.push_back(
      date_control(ctx, "held_on", ctx.t("orientation_held.date"), get("held_on", date_text(v.orientation_on))));
  f.controls.push_back(radios("decision", ctx.t("orientation_held.decision"),
                              {{"ko", ctx.t("orientation_held.wants"), get("decision") == "ko"},
                               {"avstar", ctx.t("orientation_held.declines"), get("decision") == "avstar"}}));
  auto groups = manual_groups(cfg.config, form ? form->all("priorities") : v.priority_keys);
  if (!groups.empty()) {
    Control p;
    p.kind = K::kCheckboxes;
    p.name = "priorities";
    p.label = ctx.t("priorities.label");
    p.hint = age_groups_note(ctx, cfg.config, v);
    p.optional_mark = true;
    p.options = groups;
    f.controls.push_back(p);
  }
  page.forms.push_back(std::move(f));
  return page;
}

Response orientation_held(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return held_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::record_orientation(
            ctx.s, *ctx.actor, v.id, {form_version(f), f.get("held_on"), f.get("decision"), f.all("priorities")});
      },
      "orientation_held");
}

Result<views::Page> priorities_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto cfg = OMBUD_TRY(services::current_config(ctx.s, ctx.actor->operation_id));
  views::Page page;
  page.heading = ctx.t("priorities.title");
  page.lead = {ctx.t("priorities.lead")};
  if (std::string note = age_groups_note(ctx, cfg.config, v); !note.empty()) page.lead.push_back(note);
  views::FormBlock f = case_form_block(ctx, v, form, "/priorities", "form.save");
  Control p;
  p.kind = K::kCheckboxes;
  p.name = "priorities";
  p.label = ctx.t("priorities.label");
  p.options = manual_groups(cfg.config, form ? form->all("priorities") : v.priority_keys);
  f.controls.push_back(p);
  page.forms.push_back(std::move(f));
  return page;
}

Response priorities(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return priorities_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::set_priorities(ctx.s, *ctx.actor, v.id, {form_version(f), f.all("priorities")});
      },
      "priorities");
}

// ---- Assignment -------------------------------------------------------------------------------

Result<views::Page> assignment_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto get = [&](const char* name, const std::string& fallback = "") { return form ? form->get(name) : fallback; };
  const bool reassign =
      v.primary_ombud_id.has_value() && (v.state == CaseState::kActive || v.state == CaseState::kPaused);
  views::Page page;
  page.heading = ctx.t(reassign ? "assignment.reassign_title" : "assignment.title");
  page.lead = {ctx.t("assignment.continuity")};
  auto names = OMBUD_TRY(services::staff_names(ctx.s, *ctx.actor));
  page.facts = {{ctx.t("client.code"), v.code}};
  if (v.queue_entered_on) page.facts.emplace_back(ctx.t("client.queue_since"), format_date(*v.queue_entered_on));
  if (reassign) page.facts.emplace_back(ctx.t("client.ombud"), names[*v.primary_ombud_id]);
  views::FormBlock f =
      case_form_block(ctx, v, form, "/assignment", reassign ? "assignment.reassign_submit" : "assignment.submit");
  Control ombud;
  ombud.kind = K::kSelect;
  ombud.name = "ombud";
  ombud.label = ctx.t("assignment.ombud");
  ombud.options = OMBUD_TRY(ombud_options(ctx, get("ombud"), true));
  f.controls.push_back(ombud);
  f.controls.push_back(date_control(ctx, "date", ctx.t("assignment.date"), get("date", today_text(ctx))));
  if (reassign) {
    f.controls.push_back(select("reason", ctx.t("assignment.reason"),
                                options_of(ctx, "reassign.", domain::kReassignReasons, get("reason"), "form.choose")));
  } else {
    // Past someone who has waited longer: say so, and ask why.
    auto q = OMBUD_TRY(services::queue(ctx.s, *ctx.actor));
    auto me = std::find_if(q.lines.begin(), q.lines.end(), [&](const auto& l) { return l.client_id == v.id; });
    if (me != q.lines.end() && me->position > 1) {
      const auto& first = q.lines.front();
      page.callouts.push_back({"warning",
                               ctx.t("assignment.not_first_heading", {{"place", std::to_string(me->position)}}),
                               {ctx.t_count("assignment.not_first_text", "days", first.waited_days,
                                            {{"code", first.code}, {"ahead", std::to_string(me->position - 1)}})},
                               false});
      f.controls.push_back(
          select("bypass_reason", ctx.t("assignment.bypass_reason"),
                 options_of(ctx, "bypass.", domain::kBypassReasons, get("bypass_reason"), "form.choose"),
                 ctx.t("assignment.bypass_reason_hint")));
    }
  }
  page.forms.push_back(std::move(f));
  views::Table load;
  load.title = ctx.t("caseload.title");
  load.columns = {ctx.t("caseload.ombud"), ctx.t("caseload.active"), ctx.t("caseload.paused"),
                  ctx.t("caseload.orientation")};
  for (const auto& l : OMBUD_TRY(services::caseload(ctx.s, *ctx.actor))) {
    if (l.disabled) continue;
    load.rows.push_back({{l.display_name, "", "", "", true},
                         {std::to_string(l.active)},
                         {std::to_string(l.paused)},
                         {std::to_string(l.orientation_bookings)}});
  }
  load.empty_text = ctx.t("caseload.none");
  page.tables.push_back(std::move(load));
  return page;
}

Response assignment(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return assignment_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::assign(
            ctx.s, *ctx.actor, v.id,
            {form_version(f), f.get("ombud"), f.get("date"), f.get("reason"), f.get("bypass_reason")});
      },
      "assigned");
}

// ---- Details ----------------------------------------------------------------------------------

Result<views::Page> details_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto get = [&](const char* name, const std::string& fallback) { return form ? form->get(name) : fallback; };
  views::Page page;
  page.heading = ctx.t("details.title");
  page.lead = {ctx.t("details.lead")};
  // A move out of the area is not a correction: the assignment ends. Say so where it was tried,
  // with the way to end it.
  const bool during = v.state == CaseState::kActive || v.state == CaseState::kPaused;
  if (form != nullptr && form->get("municipality") == domain::kOtherMunicipality &&
      v.municipality_code != domain::kOtherMunicipality && v.state != CaseState::kFirstContact &&
      v.state != CaseState::kAssessment && offers(services::available_actions(*ctx.actor, v), CaseAction::kWithdraw)) {
    views::Callout out{"warning", ctx.t("details.moved_out_heading"), {ctx.t("details.moved_out_text")}, false};
    views::Link end{ctx.t(during ? "action.end" : "action.withdraw"),
                    client_href(v.id, "/status?action=avstar&reason=flyttat"), false};
    end.danger = true;
    out.links.push_back(end);
    page.callouts.push_back(std::move(out));
  }
  page.facts = {{ctx.t("client.code"), v.code}};
  views::FormBlock f = case_form_block(ctx, v, form, "/details", "form.save");
  Control alias = text("alias", ctx.t("contact.alias"), get("alias", v.alias));
  alias.hint = ctx.t("contact.alias_hint");
  alias.optional_mark = true;
  alias.autocomplete = "off";
  f.controls.push_back(alias);
  Control reach = text("reach", ctx.t("contact.reach"), get("reach", v.reach));
  reach.kind = K::kTextarea;
  reach.optional_mark = true;
  f.controls.push_back(reach);
  Control municipality = OMBUD_TRY(municipality_control(ctx, get("municipality", v.municipality_code), false));
  municipality.hint = ctx.t("details.move_hint");
  f.controls.push_back(municipality);
  Control moved_on = date_control(ctx, "moved_on", ctx.t("details.moved_on"), get("moved_on", ""));
  moved_on.hint = ctx.t("details.moved_on_hint");
  moved_on.optional_mark = true;
  f.controls.push_back(moved_on);
  Control year = text("birth_year", ctx.t("contact.birth_year"), get("birth_year", std::to_string(v.birth_year)));
  year.kind = K::kNumber;
  year.width = "4";
  f.controls.push_back(year);
  f.controls.push_back(checkbox("confirmed_adult", ctx.t("contact.confirmed_adult"), get("confirmed_adult", "") == "1",
                                ctx.t("contact.confirmed_adult_hint")));
  f.controls.push_back(radios("gender", ctx.t("contact.gender"),
                              options_of(ctx, "gender.", domain::kGenders,
                                         get("gender", std::string(domain::code_of(domain::kGenders, v.gender))))));
  page.forms.push_back(std::move(f));
  return page;
}

Response details(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return details_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::update_details(
            ctx.s, *ctx.actor, v.id,
            {form_version(f), f.get("alias"), f.get("reach"), f.get("municipality"), f.get("birth_year"),
             f.get("gender"), f.get("confirmed_adult") == "1", f.get("moved_on")});
      },
      "details");
}

// ---- Status -----------------------------------------------------------------------------------

// "Personen avstår" / "Avsluta uppdraget" cannot be undone: a page of its own, with a warning, a
// reason, a confirmation and a button unlike the ordinary ones. Pausing and resuming share the
// other form.
bool withdraw_chosen(const Ctx& ctx, const Form* form) {
  return (form != nullptr ? form->get("action") : ctx.query("action")) == "avstar";
}

Result<views::Page> status_page(Ctx& ctx, const services::ClientView& v, const Form* form) {
  auto get = [&](const char* name, const std::string& fallback = "") { return form ? form->get(name) : fallback; };
  const auto actions = services::available_actions(*ctx.actor, v);
  const bool during = v.state == CaseState::kActive || v.state == CaseState::kPaused;
  views::Page page;
  page.facts = {{ctx.t("client.code"), v.code},
                {ctx.t("client.state"), label_of(ctx, "state.", domain::kCaseStates, v.state)}};
  if (withdraw_chosen(ctx, form) && offers(actions, CaseAction::kWithdraw)) {
    page.heading = ctx.t(during ? "status.end" : "status.withdraw_title");
    page.callouts.push_back(
        {"warning", ctx.t("status.cannot_undo"), {ctx.t(during ? "status.end_text" : "status.withdraw_text")}, false});
    views::FormBlock f =
        case_form_block(ctx, v, form, "/status", during ? "status.end_submit" : "status.withdraw_submit");
    f.danger_button = true;
    f.hidden.push_back({"action", "avstar"});
    f.controls.push_back(
        radios("reason", ctx.t("status.withdraw_reason"),
               options_of(ctx, "withdraw_reason.", domain::kWithdrawReasons, get("reason", ctx.query("reason")))));
    f.controls.push_back(date_control(ctx, "date", ctx.t("status.end_date"), get("date", today_text(ctx))));
    f.controls.push_back(checkbox("confirmed", ctx.t(during ? "status.confirm_end" : "status.confirm_withdraw"),
                                  get("confirmed") == "1"));
    page.forms.push_back(std::move(f));
    return page;
  }
  page.heading = ctx.t("status.title");
  page.lead = {ctx.t("status.lead")};
  views::FormBlock f = case_form_block(ctx, v, form, "/status", "form.save");
  std::string chosen = get("action", ctx.query("action"));
  std::vector<views::Option> options;
  if (offers(actions, CaseAction::kPause)) options.push_back({"vilande", ctx.t("status.pause"), chosen == "vilande"});
  if (offers(actions, CaseAction::kResume))
    options.push_back({"aterupptag", ctx.t("status.resume"), chosen == "aterupptag"});
  f.controls.push_back(radios("action", ctx.t("status.action"), options));
  f.controls.push_back(date_control(ctx, "date", ctx.t("status.date"), get("date", today_text(ctx))));
  page.forms.push_back(std::move(f));
  return page;
}

Response status(Ctx& ctx) {
  return case_form(
      ctx, [&](const services::ClientView& v, const Form* f) { return status_page(ctx, v, f); },
      [&](const services::ClientView& v, const Form& f) {
        return services::change_status(
            ctx.s, *ctx.actor, v.id,
            {form_version(f), f.get("action"), f.get("date"), f.get("reason"), f.get("confirmed") == "1"});
      },
      "status");
}

}  // namespace

void register_client_routes(Router& router) {
  router.add({"GET", "/contacts/new", Permission::kRecordContact, RouteKind::kPage, get_new_contact});
  router.add({"POST", "/contacts", Permission::kRecordContact, RouteKind::kPage, post_contact});
  router.add({"POST", "/inquiries", Permission::kRecordContact, RouteKind::kPage, post_inquiry});
  router.add({"GET", "/clients/{id}", Permission::kViewClient, RouteKind::kPage, get_client_page});
  router.add({"GET", "/clients/{id}/own-wish", Permission::kAssess, RouteKind::kPage, own_wish});
  router.add({"POST", "/clients/{id}/own-wish", Permission::kAssess, RouteKind::kPage, own_wish});
  router.add({"GET", "/clients/{id}/assessment", Permission::kAssess, RouteKind::kPage, assessment});
  router.add({"POST", "/clients/{id}/assessment", Permission::kAssess, RouteKind::kPage, assessment});
  router.add({"GET", "/clients/{id}/orientation", Permission::kBookOrientation, RouteKind::kPage, orientation});
  router.add({"POST", "/clients/{id}/orientation", Permission::kBookOrientation, RouteKind::kPage, orientation});
  router.add(
      {"GET", "/clients/{id}/orientation/held", Permission::kBookOrientation, RouteKind::kPage, orientation_held});
  router.add(
      {"POST", "/clients/{id}/orientation/held", Permission::kBookOrientation, RouteKind::kPage, orientation_held});
  router.add({"GET", "/clients/{id}/priorities", Permission::kBookOrientation, RouteKind::kPage, priorities});
  router.add({"POST", "/clients/{id}/priorities", Permission::kBookOrientation, RouteKind::kPage, priorities});
  router.add({"GET", "/clients/{id}/assignment", Permission::kAssign, RouteKind::kPage, assignment});
  router.add({"POST", "/clients/{id}/assignment", Permission::kAssign, RouteKind::kPage, assignment});
  router.add({"GET", "/clients/{id}/details", Permission::kEditClientDetails, RouteKind::kPage, details});
  router.add({"POST", "/clients/{id}/details", Permission::kEditClientDetails, RouteKind::kPage, details});
  router.add({"GET", "/clients/{id}/status", Permission::kChangeClientStatus, RouteKind::kPage, status});
  router.add({"POST", "/clients/{id}/status", Permission::kChangeClientStatus, RouteKind::kPage, status});
}

}  // namespace ombud::http
