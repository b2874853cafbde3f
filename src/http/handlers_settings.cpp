// src/http/handlers_settings.cpp
//
// The operation's rules: shown to the samordnare, the ledningsgrupp and admin; changed by admin
// (everything) and the ledningsgrupp (the queue's priority groups). Every change is a new
// version; the history is listed on the page.
#include <set>

#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/config_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;
using K = views::Control::Kind;

constexpr int kBlankGroups = 2;

Control field(K kind, std::string name, std::string label, std::string value, std::string width = "") {
  Control c;
  c.kind = kind;
  c.name = std::move(name);
  c.label = std::move(label);
  c.value = std::move(value);
  c.width = std::move(width);
  return c;
}

std::string opt_int(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}

std::vector<Control> group_controls(const Ctx& ctx, const std::vector<domain::PriorityGroup>& groups) {
  std::vector<Control> out;
  for (std::size_t i = 0; i < groups.size() + kBlankGroups; ++i) {
    domain::PriorityGroup g = i < groups.size() ? groups[i] : domain::PriorityGroup{};
    std::string p = "priority_groups." + std::to_string(i);
    Control group;
    group.kind = K::kGroup;
    group.label =
        i < groups.size() ? ctx.t("settings.group", {{"n", std::to_string(i + 1)}}) : ctx.t("settings.new_group");
    group.hint = i < groups.size() ? ctx.t("settings.group_remove_hint") : "";
    group.children.push_back(field(K::kText, p + ".label", ctx.t("settings.group_label"), g.label));
    Control key = field(K::kText, p + ".key", ctx.t("settings.group_key"), g.key, "20");
    key.hint = ctx.t("settings.group_key_hint");
    group.children.push_back(key);
    group.children.push_back(field(K::kNumber, p + ".weight_days", ctx.t("settings.group_weight"),
                                   i < groups.size() ? std::to_string(g.weight_days) : "", "4"));
    Control from = field(K::kNumber, p + ".age_from", ctx.t("settings.group_age_from"), opt_int(g.age_from), "4");
    from.optional_mark = true;
    from.id = p + ".age";
    Control to = field(K::kNumber, p + ".age_to", ctx.t("settings.group_age_to"), opt_int(g.age_to), "4");
    to.optional_mark = true;
    to.hint = ctx.t("settings.group_age_hint");
    group.children.push_back(from);
    group.children.push_back(to);
    out.push_back(std::move(group));
  }
  return out;
}

constexpr int kBlankCalls = 2;

std::vector<Control> crisis_controls(const Ctx& ctx, const std::vector<domain::CrisisContact>& calls) {
  std::vector<Control> out;
  for (std::size_t i = 0; i < calls.size() + kBlankCalls; ++i) {
    domain::CrisisContact k = i < calls.size() ? calls[i] : domain::CrisisContact{};
    std::string p = "crisis_contacts." + std::to_string(i);
    Control group;
    group.kind = K::kGroup;
    group.label = i < calls.size() ? ctx.t("settings.crisis_contact", {{"n", std::to_string(i + 1)}})
                                   : ctx.t("settings.new_crisis_contact");
    group.hint = i < calls.size() ? ctx.t("settings.crisis_remove_hint") : "";
    group.children.push_back(field(K::kText, p + ".label", ctx.t("settings.crisis_label"), k.label));
    Control number = field(K::kText, p + ".number", ctx.t("settings.crisis_number"), k.number, "20");
    number.hint = ctx.t("settings.crisis_number_hint");
    number.optional_mark = true;
    number.inputmode = "tel";
    group.children.push_back(number);
    Control note = field(K::kText, p + ".note", ctx.t("settings.crisis_note"), k.note);
    note.hint = ctx.t("settings.crisis_note_hint");
    note.optional_mark = true;
    group.children.push_back(note);
    out.push_back(std::move(group));
  }
  return out;
}

constexpr std::size_t kBlankAreas = 2;

// The life areas of the needs mapping, each a label; a label emptied removes its area. An area
// keeps its key (a hidden field) so that what clients said and the statistics stay with it.
std::vector<Control> area_controls(const Ctx& ctx, const std::vector<domain::LifeArea>& areas,
                                   std::vector<std::pair<std::string, std::string>>& hidden) {
  std::vector<Control> out;
  Control group;
  group.kind = K::kGroup;
  group.label = ctx.t("settings.life_areas");
  group.hint = ctx.t("settings.life_areas_hint");
  for (std::size_t i = 0; i < areas.size() + kBlankAreas; ++i) {
    const std::string p = "life_areas." + std::to_string(i);
    const bool kept = i < areas.size();
    if (kept) hidden.emplace_back(p + ".key", areas[i].key);
    Control label =
        field(K::kText, p + ".label",
              kept ? ctx.t("settings.life_area", {{"n", std::to_string(i + 1)}}) : ctx.t("settings.new_life_area"),
              kept ? areas[i].label : "");
    label.optional_mark = !kept;
    group.children.push_back(std::move(label));
  }
  out.push_back(std::move(group));
  return out;
}

// Reads the life areas from the form; an emptied label drops its area, a new one gets a key
// made from its label.
std::vector<domain::LifeArea> areas_from(const Form& f) {
  std::vector<domain::LifeArea> out;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < domain::kMaxLifeAreas + kBlankAreas; ++i) {
    const std::string p = "life_areas." + std::to_string(i);
    const std::string label(trim(f.get(p + ".label")));
    if (label.empty()) continue;
    std::string key(trim(f.get(p + ".key")));
    if (key.empty()) {
      const std::string base = domain::key_from_label(label);
      key = base;
      for (int n = 2; keys.count(key) != 0; ++n)
        key = base + "_" + std::to_string(n);
    }
    keys.insert(key);
    out.push_back({key, label});
  }
  return out;
}

// Reads the crisis numbers from the form; fully blank rows are left out.
std::vector<domain::CrisisContact> crisis_from(const Form& f) {
  std::vector<domain::CrisisContact> out;
  for (int i = 0; i < 64; ++i) {
    std::string p = "crisis_contacts." + std::to_string(i);
    if (!f.has(p + ".label") && !f.has(p + ".number")) break;
    domain::CrisisContact k{std::string(trim(f.get(p + ".label"))), std::string(trim(f.get(p + ".number"))),
                            std::string(trim(f.get(p + ".note")))};
    if (k.label.empty() && k.number.empty() && k.note.empty()) continue;
    out.push_back(std::move(k));
  }
  return out;
}

// Reads the priority groups from the form; fully blank rows are left out.
std::vector<domain::PriorityGroup> groups_from(const Form& f, std::vector<FieldError>& errors) {
  std::vector<domain::PriorityGroup> out;
  for (int i = 0; i < 64; ++i) {
    std::string p = "priority_groups." + std::to_string(i);
    if (!f.has(p + ".label") && !f.has(p + ".key")) break;
    std::string label(trim(f.get(p + ".label")));
    std::string key(trim(f.get(p + ".key")));
    std::string weight(trim(f.get(p + ".weight_days")));
    std::string from(trim(f.get(p + ".age_from")));
    std::string to(trim(f.get(p + ".age_to")));
    if (label.empty() && key.empty() && weight.empty() && from.empty() && to.empty()) continue;
    // Errors name the group by its place among the kept groups: the page is shown again from them.
    std::string at = "priority_groups." + std::to_string(out.size());
    domain::PriorityGroup g;
    g.label = label;
    g.key = key.empty() ? domain::key_from_label(label) : key;
    long long n = 0;
    if (!parse_int(weight, n)) errors.push_back({at + ".weight_days", "config.group_weight_invalid"});
    g.weight_days = static_cast<int>(n);
    if (!from.empty()) {
      if (parse_int(from, n)) {
        g.age_from = static_cast<int>(n);
      } else {
        errors.push_back({at + ".age", "config.group_age_invalid"});
      }
    }
    if (!to.empty()) {
      if (parse_int(to, n)) {
        g.age_to = static_cast<int>(n);
      } else {
        errors.push_back({at + ".age", "config.group_age_invalid"});
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

Result<views::Page> settings_page(Ctx& ctx, const services::VersionedConfig& current,
                                  const domain::OperationConfig& shown, const std::string& version_field) {
  const domain::ConfigScope scope = domain::config_scope(ctx.actor->role);
  const domain::OperationConfig& c = shown;
  views::Page page;
  page.heading = ctx.t("settings.title");
  page.lead = {ctx.t("settings.lead", {{"version", std::to_string(current.version)}})};
  if (current.version > 0) {
    page.lead.push_back(ctx.t(
        "settings.changed", {{"date", format_local_minute(current.changed_at)},
                             {"who", current.changed_by.empty() ? ctx.t("settings.by_system") : current.changed_by}}));
  }
  if (scope != domain::ConfigScope::kAll) {
    page.facts = {
        {ctx.t("settings.min_age"), std::to_string(c.min_age)},
        {ctx.t("settings.max_age"), c.max_age ? std::to_string(*c.max_age) : ctx.t("settings.no_max_age")},
        {ctx.t("settings.require_own_will"), ctx.t(c.require_own_will ? "form.yes" : "form.no")},
        {ctx.t("settings.exclude_substance_abuse"), ctx.t(c.exclude_substance_abuse ? "form.yes" : "form.no")},
        {ctx.t("settings.orientation_ombud_count"), std::to_string(c.orientation_ombud_count)},
        {ctx.t("settings.orientation_deadline"),
         ctx.t_count(
             c.deadline_day_kind == domain::DayKind::kWorking ? "settings.working_days" : "settings.calendar_days",
             "days", c.orientation_deadline_days)},
        {ctx.t("settings.acute_help_text"), c.acute_help_text},
        {ctx.t("settings.complaints_contact"), c.complaints_contact},
        {ctx.t("settings.max_active_goals"), std::to_string(c.max_active_goals)}};
    std::string calls;
    for (const auto& k : c.crisis_contacts)
      calls += (calls.empty() ? "" : "; ") + k.label + (k.number.empty() ? "" : " " + k.number);
    page.facts.emplace_back(ctx.t("settings.crisis"), calls);
    std::string areas;
    for (const auto& a : c.life_areas)
      areas += (areas.empty() ? "" : "; ") + a.label;
    page.facts.emplace_back(ctx.t("settings.life_areas"), areas);
  }
  if (scope != domain::ConfigScope::kNone) {
    views::FormBlock f;
    f.action = "/settings";
    f.submit = ctx.t("settings.submit");
    f.hidden = {{"config_version", version_field}};
    if (scope == domain::ConfigScope::kAll) {
      f.controls.push_back(field(K::kNumber, "min_age", ctx.t("settings.min_age"), std::to_string(c.min_age), "4"));
      Control max = field(K::kNumber, "max_age", ctx.t("settings.max_age"), opt_int(c.max_age), "4");
      max.optional_mark = true;
      max.hint = ctx.t("settings.max_age_hint");
      f.controls.push_back(max);
      Control own;
      own.kind = K::kCheckbox;
      own.name = "require_own_will";
      own.label = ctx.t("settings.require_own_will");
      own.checked = c.require_own_will;
      f.controls.push_back(own);
      Control abuse = own;
      abuse.name = "exclude_substance_abuse";
      abuse.label = ctx.t("settings.exclude_substance_abuse");
      abuse.checked = c.exclude_substance_abuse;
      f.controls.push_back(abuse);
      f.controls.push_back(field(K::kNumber, "orientation_ombud_count", ctx.t("settings.orientation_ombud_count"),
                                 std::to_string(c.orientation_ombud_count), "4"));
      f.controls.push_back(field(K::kNumber, "orientation_deadline_days", ctx.t("settings.orientation_deadline_days"),
                                 std::to_string(c.orientation_deadline_days), "4"));
      Control kind;
      kind.kind = K::kRadios;
      kind.name = "deadline_day_kind";
      kind.label = ctx.t("settings.day_kind");
      kind.options = {
          {"calendar", ctx.t("settings.day_kind_calendar"), c.deadline_day_kind == domain::DayKind::kCalendar},
          {"working", ctx.t("settings.day_kind_working"), c.deadline_day_kind == domain::DayKind::kWorking}};
      f.controls.push_back(kind);
      f.controls.push_back(field(K::kNumber, "deadline_warning_days", ctx.t("settings.deadline_warning_days"),
                                 std::to_string(c.deadline_warning_days), "4"));
      f.controls.push_back(
          field(K::kTextarea, "acute_help_text", ctx.t("settings.acute_help_text"), c.acute_help_text));
      for (auto& k : crisis_controls(ctx, c.crisis_contacts))
        f.controls.push_back(std::move(k));
      f.controls.push_back(
          field(K::kTextarea, "complaints_contact", ctx.t("settings.complaints_contact"), c.complaints_contact));
      Control goals = field(K::kNumber, "max_active_goals", ctx.t("settings.max_active_goals"),
                            std::to_string(c.max_active_goals), "4");
      goals.hint = ctx.t("settings.max_active_goals_hint");
      f.controls.push_back(std::move(goals));
      for (auto& a : area_controls(ctx, c.life_areas, f.hidden))
        f.controls.push_back(std::move(a));
    }
    for (auto& g : group_controls(ctx, c.priority_groups))
      f.controls.push_back(std::move(g));
    page.forms.push_back(std::move(f));
  } else {
    views::Table groups;
    groups.title = ctx.t("settings.groups");
    groups.columns = {ctx.t("settings.group_label"), ctx.t("settings.group_weight"), ctx.t("settings.group_age")};
    for (const auto& g : c.priority_groups) {
      std::string age = g.by_age() ? opt_int(g.age_from) + "–" + opt_int(g.age_to) : ctx.t("settings.marked");
      groups.rows.push_back({{g.label, "", "", "", true}, {std::to_string(g.weight_days)}, {age}});
    }
    groups.empty_text = ctx.t("settings.no_groups");
    page.tables.push_back(std::move(groups));
  }
  views::Table history;
  history.title = ctx.t("settings.history");
  history.columns = {ctx.t("settings.version"), ctx.t("settings.when"), ctx.t("settings.who")};
  for (const auto& v : OMBUD_TRY(services::config_history(ctx.s, *ctx.actor))) {
    history.rows.push_back({{std::to_string(v.version), "", "", "", true},
                            {format_local_minute(v.changed_at)},
                            {v.changed_by.empty() ? ctx.t("settings.by_system") : v.changed_by}});
  }
  history.empty_text = ctx.t("settings.no_history");
  page.tables.push_back(std::move(history));
  return page;
}

Response get_settings(Ctx& ctx) {
  auto current = services::current_config(ctx.s, ctx.actor->operation_id);
  if (!current) return page_error(ctx, current.error());
  auto page = settings_page(ctx, *current, current->config, std::to_string(current->version));
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, ctx.t("settings.title"), *page);
}

Response post_settings(Ctx& ctx) {
  const Form& f = *ctx.form;
  auto current = services::current_config(ctx.s, ctx.actor->operation_id);
  if (!current) return page_error(ctx, current.error());
  std::vector<FieldError> errors;
  // The ledningsgrupp's form holds only the priority groups; the rest stays as it is.
  domain::OperationConfig c = current->config;
  long long n = 0;
  if (domain::config_scope(ctx.actor->role) == domain::ConfigScope::kAll) {
    auto number = [&](const char* name, int& out) {
      if (parse_int(trim(f.get(name)), n)) {
        out = static_cast<int>(n);
      } else {
        errors.push_back({name, "field.invalid"});
      }
    };
    number("min_age", c.min_age);
    c.max_age.reset();
    if (!trim(f.get("max_age")).empty()) {
      int max = 0;
      number("max_age", max);
      c.max_age = max;
    }
    c.require_own_will = f.get("require_own_will") == "1";
    c.exclude_substance_abuse = f.get("exclude_substance_abuse") == "1";
    number("orientation_ombud_count", c.orientation_ombud_count);
    number("orientation_deadline_days", c.orientation_deadline_days);
    c.deadline_day_kind =
        f.get("deadline_day_kind") == "working" ? domain::DayKind::kWorking : domain::DayKind::kCalendar;
    number("deadline_warning_days", c.deadline_warning_days);
    c.acute_help_text = std::string(trim(f.get("acute_help_text")));
    c.crisis_contacts = crisis_from(f);
    c.complaints_contact = std::string(trim(f.get("complaints_contact")));
    number("max_active_goals", c.max_active_goals);
    c.life_areas = areas_from(f);
  }
  c.priority_groups = groups_from(f, errors);
  long long expected = -1;
  parse_int(f.get("config_version"), expected);
  Result<int> saved = errors.empty() ? services::change_config(ctx.s, *ctx.actor, c, static_cast<int>(expected))
                                     : Result<int>(fail(Error::invalid("error.invalid_input", errors)));
  if (!saved) {
    auto page = settings_page(ctx, *current, c, f.get("config_version"));
    if (!page) return page_error(ctx, page.error());
    show_errors(ctx, *page, saved.error());
    return page_response(ctx, ctx.t("settings.title"), *page, http_status(saved.error().code));
  }
  return redirect("/settings?notice=config_saved");
}

}  // namespace

void register_settings_routes(Router& router) {
  router.add({"GET", "/settings", Permission::kViewOperationConfig, RouteKind::kPage, get_settings});
  router.add({"POST", "/settings", Permission::kEditPriorities, RouteKind::kPage, post_settings});
}

}  // namespace ombud::http
