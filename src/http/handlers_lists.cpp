// src/http/handlers_lists.cpp
//
// The start page per role, and the samordnare's overviews: every case, the queue, the
// orientation-visit deadlines and the caseload per ombud.
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/assignment_service.hpp"

namespace ombud::http {

namespace {

using domain::CaseState;
using domain::Permission;

std::string ombud_name(const std::map<long long, std::string>& names, const std::optional<long long>& id) {
  if (!id) return {};
  auto it = names.find(*id);
  return it == names.end() ? std::string() : it->second;
}

views::Table client_table(const Ctx& ctx, const std::vector<services::ClientLine>& lines,
                          const std::map<long long, std::string>& names, bool with_ombud) {
  views::Table t;
  t.title = ctx.t("clients.table");
  t.title_hidden = true;
  t.columns = {ctx.t("clients.name"), ctx.t("client.code"), ctx.t("client.state"), ctx.t("client.municipality"),
               ctx.t("client.first_contact")};
  if (with_ombud) t.columns.push_back(ctx.t("client.ombud"));
  for (const auto& l : lines) {
    std::vector<views::Cell> row = {
        {l.name, client_href(l.id), "", "", true},
        {l.code},
        {label_of(ctx, "state.", domain::kCaseStates, l.state)},
        {l.municipality_name.empty() ? ctx.t("contact.other_municipality") : l.municipality_name},
        {format_date(l.first_contact_on)}};
    if (with_ombud) row.push_back({ombud_name(names, l.primary_ombud_id)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The introduction of a role's start page.
const char* start_intro(domain::Role role) {
  switch (role) {
    case domain::Role::kOmbud: return nullptr;
    case domain::Role::kSamordnare: return "start.samordnare_intro";
    case domain::Role::kLedningsgrupp: return "start.ledning_intro";
    case domain::Role::kLansstyrelse: return "start.lansstyrelse_intro";
    case domain::Role::kAdmin: return "start.admin_intro";
  }
  return nullptr;
}

// The start page holds what the role may open: an ombud's own cases, the samordnare's overviews,
// the rules, the users.
Response get_start(Ctx& ctx) {
  using P = domain::Permission;
  const services::Actor& a = *ctx.actor;
  const bool own_cases = domain::case_list_scope(a.role) == domain::ListScope::kOwn;
  views::Page page;
  const char* title = own_cases ? "nav.my_clients" : "start.title";
  page.heading = ctx.t(title);
  page.lead = {ctx.t("start.welcome", {{"name", a.display_name}})};
  if (const char* intro = start_intro(a.role)) page.lead.push_back(ctx.t(intro));
  if (domain::role_allows(a.role, P::kRecordContact))
    page.actions.push_back({ctx.t("nav.new_contact"), "/contacts/new"});
  if (own_cases) {
    auto lines = services::list_clients(ctx.s, a);
    if (!lines) return page_error(ctx, lines.error());
    views::Table t = client_table(ctx, *lines, {}, false);
    t.title = ctx.t("start.my_clients");
    t.title_hidden = true;
    t.empty_text = ctx.t("start.no_clients");
    page.tables.push_back(std::move(t));
  }
  if (domain::role_allows(a.role, P::kViewQueue)) {
    page.actions.insert(page.actions.end(), {{ctx.t("nav.queue"), "/queue", true},
                                             {ctx.t("nav.deadlines"), "/deadlines", true},
                                             {ctx.t("nav.clients"), "/clients", true},
                                             {ctx.t("nav.caseload"), "/caseload", true}});
  } else {
    if (domain::role_allows(a.role, P::kManageUsers)) page.actions.push_back({ctx.t("nav.users"), "/users"});
    if (domain::role_allows(a.role, P::kEditPriorities))
      page.actions.push_back({ctx.t("nav.settings"), "/settings", true});
  }
  page.actions.push_back({ctx.t("account.password_title"), "/account/password", true});
  page.after = {ctx.t("session.idle_note")};
  return page_response(ctx, ctx.t(title), page);
}

Response get_clients(Ctx& ctx) {
  std::string state = ctx.query("state");
  auto parsed = domain::parse_code(domain::kCaseStates, state);
  constexpr int kPerPage = 50;
  auto list = services::list_client_page(ctx.s, *ctx.actor, parsed, page_number(ctx), kPerPage);
  if (!list) return page_error(ctx, list.error());
  auto staff = services::staff_names(ctx.s, *ctx.actor);
  if (!staff) return page_error(ctx, staff.error());
  const auto& names = *staff;
  // The same cases as GET /api/v1/clients: the whole operation's for the samordnare, an ombud's
  // own for an ombud.
  const bool own = domain::case_list_scope(ctx.actor->role) == domain::ListScope::kOwn;
  views::Page page;
  page.heading = ctx.t(own ? "clients.title_own" : "clients.title");
  page.lead = {ctx.t(own ? "clients.lead_own" : "clients.lead")};
  views::FormBlock filter;
  filter.method = "get";
  filter.action = "/clients";
  filter.submit = ctx.t("clients.filter_submit");
  filter.secondary_button = true;
  views::Control select;
  select.kind = views::Control::Kind::kSelect;
  select.name = "state";
  select.label = ctx.t("clients.filter");
  select.options = options_of(ctx, "state.", domain::kCaseStates, parsed ? state : "", "clients.all_states");
  filter.controls.push_back(select);
  page.forms.push_back(std::move(filter));
  views::Table t = client_table(ctx, list->lines, names, true);
  t.empty_text = ctx.t("clients.none");
  page.tables.push_back(std::move(t));
  if (list->pages() > 1) {
    // The filter stays with each page.
    auto href = [&](int n) {
      return "/clients?" + std::string(parsed ? "state=" + state + "&" : "") + "page=" + std::to_string(n);
    };
    views::Pager pager;
    pager.label = ctx.t("pager.label");
    pager.text = ctx.t("pager.text", {{"page", std::to_string(list->page)},
                                      {"pages", std::to_string(list->pages())},
                                      {"total", std::to_string(list->total)}});
    if (list->page > 1) pager.previous = {ctx.t("pager.previous"), href(std::min(list->page - 1, list->pages()))};
    if (list->page < list->pages()) pager.next = {ctx.t("pager.next"), href(list->page + 1)};
    page.pager = std::move(pager);
  }
  return page_response(ctx, page.heading, page);
}

Response get_queue(Ctx& ctx) {
  auto q = services::queue(ctx.s, *ctx.actor);
  if (!q) return page_error(ctx, q.error());
  views::Page page;
  page.heading = ctx.t("queue.title");
  page.lead = {ctx.t("queue.lead", {{"version", std::to_string(q->config_version)}})};
  views::Table t;
  t.title = ctx.t("queue.table");
  t.title_hidden = true;
  t.columns = {ctx.t("queue.position"), ctx.t("client.code"), ctx.t("client.municipality"),
               ctx.t("queue.since"),    ctx.t("queue.why"),   ctx.t("queue.action")};
  for (const auto& l : q->lines) {
    std::string why = ctx.t_count("queue.waited", "days", l.waited_days);
    for (const auto& [label, weight] : l.groups) {
      why += " + " + ctx.t_count("queue.priority", "weight", weight, {{"group", label}});
    }
    t.rows.push_back({{std::to_string(l.position), "", "", "", true},
                      {l.code, client_href(l.client_id)},
                      {l.municipality_name.empty() ? ctx.t("contact.other_municipality") : l.municipality_name},
                      {format_date(l.entered_on)},
                      {why, "", "", ctx.t("queue.score", {{"score", std::to_string(l.score)}})},
                      {ctx.t("queue.assign"), client_href(l.client_id, "/assignment"), "", "", false,
                       ctx.t("queue.assign_for", {{"code", l.code}})}});
  }
  t.empty_text = ctx.t("queue.empty");
  page.tables.push_back(std::move(t));

  // The queue's history: who was assigned from which place, and why when not the first.
  auto history = services::queue_history(ctx.s, *ctx.actor, add_days(services::today(ctx.s), -90));
  if (!history) return page_error(ctx, history.error());
  auto names = services::staff_names(ctx.s, *ctx.actor);
  if (!names) return page_error(ctx, names.error());
  views::Table h;
  h.title = ctx.t("queue.history");
  h.columns = {ctx.t("queue.history_date"), ctx.t("client.code"), ctx.t("queue.history_place"),
               ctx.t("queue.history_why"), ctx.t("client.ombud")};
  for (const auto& a : *history) {
    std::string why = a.bypass_reason ? label_of(ctx, "bypass.", domain::kBypassReasons, *a.bypass_reason)
                                      : (a.place == 1 ? ctx.t("queue.history_first") : std::string());
    h.rows.push_back({{format_date(a.on), "", "", "", true},
                      {a.client_code},
                      {std::to_string(a.place)},
                      {why, "", a.bypass_reason ? "warning" : ""},
                      {names->count(a.ombud_id) ? names->at(a.ombud_id) : std::string()}});
  }
  h.empty_text = ctx.t("queue.history_empty");
  page.tables.push_back(std::move(h));
  return page_response(ctx, ctx.t("queue.title"), page);
}

Response get_deadlines(Ctx& ctx) {
  auto d = services::deadlines(ctx.s, *ctx.actor);
  if (!d) return page_error(ctx, d.error());
  views::Page page;
  page.heading = ctx.t("deadline.title");
  page.lead = {ctx.t(d->day_kind == domain::DayKind::kWorking ? "deadline.lead_working" : "deadline.lead_calendar",
                     {{"days", std::to_string(d->deadline_days)}})};
  views::Table t;
  t.title = ctx.t("deadline.table");
  t.title_hidden = true;
  t.columns = {ctx.t("client.code"),       ctx.t("deadline.status"), ctx.t("client.first_contact"),
               ctx.t("deadline.deadline"), ctx.t("deadline.left"),   ctx.t("client.state")};
  for (const auto& l : d->lines) {
    const char* key = "deadline.not_booked";
    const char* badge = "info";
    switch (l.status) {
      case domain::DeadlineStatus::kNotBooked: break;
      case domain::DeadlineStatus::kDueSoon:
        key = "deadline.due_soon";
        badge = "warning";
        break;
      case domain::DeadlineStatus::kOverdue:
        key = "deadline.overdue";
        badge = "danger";
        break;
      case domain::DeadlineStatus::kBookedLate:
        key = "deadline.booked_late";
        badge = "warning";
        break;
    }
    std::string left = l.days_left >= 0 ? ctx.t_count("deadline.days_left", "days", l.days_left)
                                        : ctx.t_count("deadline.days_over", "days", -l.days_left);
    t.rows.push_back({{l.code, client_href(l.client_id), "", "", true},
                      {ctx.t(key), "", badge},
                      {format_date(l.first_contact_on)},
                      {format_date(l.deadline), "", "",
                       l.booked_on ? ctx.t("deadline.booked_for", {{"date", format_date(*l.booked_on)}}) : ""},
                      {left},
                      {label_of(ctx, "state.", domain::kCaseStates, l.state)}});
  }
  t.empty_text = ctx.t("deadline.none");
  page.tables.push_back(std::move(t));
  return page_response(ctx, ctx.t("deadline.title"), page);
}

Response get_caseload(Ctx& ctx) {
  auto loads = services::caseload(ctx.s, *ctx.actor);
  if (!loads) return page_error(ctx, loads.error());
  views::Page page;
  page.heading = ctx.t("caseload.title");
  page.lead = {ctx.t("caseload.lead")};
  views::Table t;
  t.title = ctx.t("caseload.title");
  t.title_hidden = true;
  t.columns = {ctx.t("caseload.ombud"),   ctx.t("caseload.active"),      ctx.t("caseload.paused"),
               ctx.t("caseload.closing"), ctx.t("caseload.orientation"), ctx.t("caseload.total")};
  for (const auto& l : *loads) {
    std::string name = l.display_name + (l.disabled ? " (" + ctx.t("users.status_disabled") + ")" : "");
    t.rows.push_back({{name, "", "", "", true},
                      {std::to_string(l.active)},
                      {std::to_string(l.paused)},
                      {std::to_string(l.closing)},
                      {std::to_string(l.orientation_bookings)},
                      {std::to_string(l.active + l.paused + l.closing)}});
  }
  t.empty_text = ctx.t("caseload.none");
  page.tables.push_back(std::move(t));
  return page_response(ctx, ctx.t("caseload.title"), page);
}

}  // namespace

void register_list_routes(Router& router) {
  router.add({"GET", "/", Permission::kSignedIn, RouteKind::kPage, get_start});
  router.add({"GET", "/clients", Permission::kViewClient, RouteKind::kPage, get_clients});
  router.add({"GET", "/queue", Permission::kViewQueue, RouteKind::kPage, get_queue});
  router.add({"GET", "/deadlines", Permission::kViewQueue, RouteKind::kPage, get_deadlines});
  router.add({"GET", "/caseload", Permission::kViewQueue, RouteKind::kPage, get_caseload});
}

}  // namespace ombud::http
