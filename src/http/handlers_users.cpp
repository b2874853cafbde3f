// src/http/handlers_users.cpp
//
// The admin's user pages (add, change role, disable or enable, hand out a one-time password, see
// the last login) and every user's own password page, which is the only page open while a
// one-time password must be replaced. The rules live in services/user_service.hpp, shared with
// the command line.
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/auth_service.hpp"
#include "services/user_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using domain::Role;
using views::Control;
using K = views::Control::Kind;

constexpr Role kRoles[] = {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin};

std::string user_href(long long id, const std::string& suffix = "") {
  return "/users/" + std::to_string(id) + suffix;
}

std::optional<int> version_of(const Form& f) {
  long long v = 0;
  if (!parse_int(f.get("version"), v)) return std::nullopt;
  return static_cast<int>(v);
}

std::string status_text(const Ctx& ctx, const services::UserSummary& u) {
  if (u.disabled) return ctx.t("users.status_disabled");
  if (u.must_change_password) return ctx.t("users.status_one_time");
  return ctx.t("users.status_active");
}

std::string last_login_text(const Ctx& ctx, const services::UserSummary& u) {
  return u.last_login_at ? format_local_minute(*u.last_login_at) : ctx.t("users.never");
}

Control role_control(const Ctx& ctx, const std::string& selected) {
  Control c;
  c.kind = K::kRadios;
  c.name = "role";
  c.label = ctx.t("users.role");
  for (Role r : kRoles) {
    std::string name(domain::role_name(r));
    c.options.push_back({name, views::role_label(ctx.views, ctx.lang, r), name == selected});
  }
  return c;
}

Response get_users(Ctx& ctx) {
  auto users = services::list_users(ctx.s, services::UserAdministrator::of(*ctx.actor), ctx.actor->operation_id);
  if (!users) return page_error(ctx, users.error());
  views::Page page;
  page.heading = ctx.t("users.title");
  page.lead = {ctx.t("users.lead")};
  page.actions.push_back({ctx.t("users.add"), "/users/new"});
  views::Table t;
  t.title = ctx.t("users.table");
  t.title_hidden = true;
  t.columns = {ctx.t("users.name"), ctx.t("users.username"), ctx.t("users.role"), ctx.t("users.status"),
               ctx.t("users.last_login")};
  for (const auto& u : *users) {
    t.rows.push_back({{u.display_name, user_href(u.id), "", "", true},
                      {u.username},
                      {views::role_label(ctx.views, ctx.lang, u.role)},
                      {status_text(ctx, u), "", u.disabled ? "warning" : (u.must_change_password ? "info" : "")},
                      {last_login_text(ctx, u)}});
  }
  page.tables.push_back(std::move(t));
  return page_response(ctx, page.heading, page);
}

// The form for a new user, with what was typed when it is shown again.
views::Page new_user_page(const Ctx& ctx, const Form* sent) {
  auto value = [&](const char* name) { return sent != nullptr ? std::string(sent->get(name)) : std::string(); };
  views::Page page;
  page.heading = ctx.t("users.new_title");
  page.lead = {ctx.t("users.new_lead")};
  views::FormBlock f;
  f.action = "/users";
  f.submit = ctx.t("users.add");
  f.cancel = {ctx.t("form.cancel"), "/users", true};
  auto text = [&](const char* name, const char* label, const char* hint, const char* width) {
    Control c;
    c.kind = K::kText;
    c.name = name;
    c.label = ctx.t(label);
    c.hint = ctx.t(hint);
    c.value = value(name);
    c.autocomplete = "off";
    c.width = width;
    c.required = true;
    return c;
  };
  f.controls.push_back(text("display_name", "users.name", "users.name_hint", ""));
  f.controls.push_back(text("username", "users.username", "users.username_hint", "20"));
  f.controls.push_back(role_control(ctx, value("role")));
  page.forms.push_back(std::move(f));
  return page;
}

Response get_new_user(Ctx& ctx) {
  views::Page page = new_user_page(ctx, nullptr);
  return page_response(ctx, page.heading, page);
}

// The one time a handed-out password is shown: on the answer to the request that made it, never
// in a link or a later page.
Response one_time_password_page(Ctx& ctx, int status, long long id, const std::string& display_name,
                                const std::string& username, const std::string& password, const char* heading_key) {
  views::Page page;
  page.heading = ctx.t(heading_key, {{"name", display_name}});
  views::Callout c;
  c.kind = "warning";
  c.heading = ctx.t("users.one_time_heading");
  c.paragraphs = {ctx.t("users.one_time_hand_over", {{"name", display_name}}), ctx.t("users.one_time_once")};
  page.callouts.push_back(std::move(c));
  page.facts = {{ctx.t("users.username"), username}, {ctx.t("users.one_time_password"), password}};
  page.actions.push_back({ctx.t("users.to_user", {{"name", display_name}}), user_href(id)});
  page.actions.push_back({ctx.t("users.to_list"), "/users", true});
  return page_response(ctx, page.heading, page, status);
}

Response post_user(Ctx& ctx) {
  const Form& f = *ctx.form;
  services::NewUser nu;
  nu.username = f.get("username");
  nu.display_name = f.get("display_name");
  nu.role = f.get("role");
  auto added = services::add_user(ctx.s, services::UserAdministrator::of(*ctx.actor), nu);
  if (!added) {
    views::Page page = new_user_page(ctx, &f);
    return page_with_errors(ctx, page, added.error());
  }
  return one_time_password_page(ctx, 201, added->id, std::string(trim(nu.display_name)),
                                to_lower_ascii(trim(nu.username)), added->one_time_password, "users.added_title");
}

// A user's page: the facts, then a form for each change the admin may make.
Result<views::Page> user_page(const Ctx& ctx, long long id) {
  auto d = OMBUD_TRY(services::user_detail(ctx.s, services::UserAdministrator::of(*ctx.actor), id));
  const services::UserSummary& u = d.user;
  const bool self = u.id == ctx.actor->user_id;
  const std::string version = std::to_string(u.version);
  views::Page page;
  page.heading = u.display_name;
  page.facts = {{ctx.t("users.username"), u.username},
                {ctx.t("users.role"), views::role_label(ctx.views, ctx.lang, u.role)},
                {ctx.t("users.status"), status_text(ctx, u)},
                {ctx.t("users.last_login"), last_login_text(ctx, u)},
                {ctx.t("users.password_changed"), format_local_minute(u.password_changed_at)},
                {ctx.t("users.created"), format_local_minute(u.created_at)}};
  if (u.role == Role::kOmbud) page.facts.emplace_back(ctx.t("users.cases_held"), std::to_string(d.cases_held));
  if (self) page.lead = {ctx.t("users.self_note")};

  if (!self) {
    views::FormBlock role;
    role.heading = ctx.t("users.role_heading");
    role.action = user_href(u.id, "/role");
    role.submit = ctx.t("users.role_submit");
    role.secondary_button = true;
    role.hidden = {{"version", version}};
    Control c = role_control(ctx, std::string(domain::role_name(u.role)));
    if (d.cases_held > 0) c.hint = ctx.t_count("users.role_cases_hint", "count", d.cases_held);
    role.controls.push_back(std::move(c));
    page.forms.push_back(std::move(role));

    views::FormBlock status;
    status.heading = ctx.t(u.disabled ? "users.enable_heading" : "users.disable_heading");
    status.lead = ctx.t(u.disabled ? "users.enable_lead" : "users.disable_lead", {{"name", u.display_name}});
    status.action = user_href(u.id, "/status");
    status.submit = ctx.t(u.disabled ? "users.enable" : "users.disable");
    status.secondary_button = true;
    status.hidden = {{"version", version}, {"action", u.disabled ? "enable" : "disable"}};
    page.forms.push_back(std::move(status));

    views::FormBlock reset;
    reset.heading = ctx.t("users.reset_heading");
    reset.lead = ctx.t("users.reset_lead", {{"name", u.display_name}});
    reset.action = user_href(u.id, "/password");
    reset.submit = ctx.t("users.reset_submit");
    reset.secondary_button = true;
    page.forms.push_back(std::move(reset));
  } else {
    page.actions.push_back({ctx.t("account.password_title"), "/account/password?next=" + user_href(u.id)});
  }
  page.actions.push_back({ctx.t("users.to_list"), "/users", true});
  return page;
}

Response show_user(Ctx& ctx, long long id, const std::optional<Error>& error = std::nullopt) {
  auto page = user_page(ctx, id);
  if (!page) return page_error(ctx, page.error());
  if (!error) return page_response(ctx, page->heading, *page);
  return page_with_errors(ctx, *page, *error);
}

Response get_user(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return page_error(ctx, id.error());
  return show_user(ctx, *id);
}

Response post_user_role(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return page_error(ctx, id.error());
  const Form& f = *ctx.form;
  auto st = services::set_role(ctx.s, services::UserAdministrator::of(*ctx.actor), *id, f.get("role"), version_of(f));
  if (!st) return show_user(ctx, *id, st.error());
  return redirect(user_href(*id, "?notice=user_role"));
}

Response post_user_status(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return page_error(ctx, id.error());
  const Form& f = *ctx.form;
  const std::string action(f.get("action"));
  if (action != "disable" && action != "enable") {
    return show_user(ctx, *id, Error::field("action", "users.action_invalid"));
  }
  const bool disable = action == "disable";
  auto st = services::set_disabled(ctx.s, services::UserAdministrator::of(*ctx.actor), *id, disable, version_of(f));
  if (!st) return show_user(ctx, *id, st.error());
  return redirect(user_href(*id, disable ? "?notice=user_disabled" : "?notice=user_enabled"));
}

Response post_user_password(Ctx& ctx) {
  auto id = user_id_param(ctx);
  if (!id) return page_error(ctx, id.error());
  const auto who = services::UserAdministrator::of(*ctx.actor);
  auto d = services::user_detail(ctx.s, who, *id);
  if (!d) return page_error(ctx, d.error());
  auto password = services::reset_password(ctx.s, who, *id);
  if (!password) return show_user(ctx, *id, password.error());
  return one_time_password_page(ctx, 200, *id, d->user.display_name, d->user.username, *password, "users.reset_title");
}

// The own password page. While a one-time password must be replaced it is the only page open.
views::Page password_page(const Ctx& ctx, const std::string& next) {
  const bool forced = ctx.actor->must_change_password;
  views::Page page;
  page.heading = ctx.t(forced ? "account.password_forced_title" : "account.password_title");
  page.lead = {ctx.t(forced ? "account.password_forced_lead" : "account.password_lead")};
  views::FormBlock f;
  f.action = "/account/password";
  f.submit = ctx.t("account.password_submit");
  f.hidden = {{"next", next}};
  if (!forced) f.cancel = {ctx.t("form.cancel"), next, true};
  auto field = [&](const char* name, const char* label, const char* autocomplete) {
    Control c;
    c.kind = K::kPassword;
    c.name = name;
    c.label = ctx.t(label);
    c.autocomplete = autocomplete;
    c.required = true;
    return c;
  };
  Control current =
      field("current_password", forced ? "account.one_time_password" : "account.current_password", "current-password");
  f.controls.push_back(current);
  Control fresh = field("new_password", "account.new_password", "new-password");
  fresh.hint = ctx.t("account.new_password_hint");
  f.controls.push_back(fresh);
  f.controls.push_back(field("repeat_password", "account.repeat_password", "new-password"));
  page.forms.push_back(std::move(f));
  return page;
}

Response get_password(Ctx& ctx) {
  views::Page page = password_page(ctx, safe_next(ctx.query("next")));
  return page_response(ctx, page.heading, page);
}

Response post_password(Ctx& ctx) {
  const Form& f = *ctx.form;
  const std::string next = safe_next(f.get("next"));
  const std::string fresh(f.get("new_password"));
  Status st = fresh != f.get("repeat_password") && !fresh.empty()
                  ? Status(fail(Error::field("repeat_password", "password.repeat_mismatch")))
                  : services::change_own_password(ctx.s, *ctx.actor, std::string(f.get("current_password")), fresh);
  if (!st) {
    views::Page page = password_page(ctx, next);
    show_errors(ctx, page, st.error());
    Response res = page_response(ctx, page.heading, page, http_status(st.error().code));
    if (st.error().retry_after_seconds > 0)
      res.set_header("Retry-After", std::to_string(st.error().retry_after_seconds));
    return res;
  }
  return redirect(next + (next.find('?') == std::string::npos ? "?" : "&") + "notice=password_changed");
}

}  // namespace

void register_user_routes(Router& router) {
  router.add({"GET", "/users", Permission::kManageUsers, RouteKind::kPage, get_users});
  router.add({"GET", "/users/new", Permission::kManageUsers, RouteKind::kPage, get_new_user});
  router.add({"POST", "/users", Permission::kManageUsers, RouteKind::kPage, post_user, Offload::kPasswordHash});
  router.add({"GET", "/users/{user}", Permission::kManageUsers, RouteKind::kPage, get_user});
  router.add({"POST", "/users/{user}/role", Permission::kManageUsers, RouteKind::kPage, post_user_role});
  router.add({"POST", "/users/{user}/status", Permission::kManageUsers, RouteKind::kPage, post_user_status});
  router.add({"POST", "/users/{user}/password", Permission::kManageUsers, RouteKind::kPage, post_user_password,
              Offload::kPasswordHash});
  router.add({"GET", "/account/password", Permission::kOwnAccount, RouteKind::kPage, get_password});
  router.add(
      {"POST", "/account/password", Permission::kOwnAccount, RouteKind::kPage, post_password, Offload::kPasswordHash});
}

}  // namespace ombud::http
