// src/http/case_views.cpp
#include "http/case_views.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "core/text.hpp"

namespace ombud::http {

std::string date_text(const std::optional<Date>& d) {
  return d ? format_date(*d) : std::string();
}

views::Control text(std::string name, std::string label, std::string value) {
  views::Control c;
  c.kind = views::Control::Kind::kText;
  c.name = std::move(name);
  c.label = std::move(label);
  c.value = std::move(value);
  return c;
}

// A date as text with its format: a native date picker shows the browser's locale (not the
// year-month-day people here write) and is hard to use with a keyboard or a screen reader. No
// numeric input mode: some phones' number pads have no hyphen.
views::Control date_control(const Ctx& ctx, std::string name, std::string label, std::string value) {
  views::Control c = text(std::move(name), std::move(label), std::move(value));
  c.width = "10";
  c.hint = ctx.t("form.date_hint");
  c.autocomplete = "off";
  return c;
}

views::Control radios(std::string name, std::string label, std::vector<views::Option> options) {
  views::Control c;
  c.kind = views::Control::Kind::kRadios;
  c.name = std::move(name);
  c.label = std::move(label);
  c.options = std::move(options);
  return c;
}

views::Control select(std::string name, std::string label, std::vector<views::Option> options, std::string hint) {
  views::Control c = radios(std::move(name), std::move(label), std::move(options));
  c.kind = views::Control::Kind::kSelect;
  c.hint = std::move(hint);
  return c;
}

views::Control checkbox(std::string name, std::string label, bool checked, std::string hint) {
  views::Control c;
  c.kind = views::Control::Kind::kCheckbox;
  c.name = std::move(name);
  c.label = std::move(label);
  c.checked = checked;
  c.hint = std::move(hint);
  return c;
}

std::string today_text(const Ctx& ctx) {
  return format_date(services::today(ctx.s));
}

int form_version(const Form& form) {
  long long v = 0;
  return parse_int(form.get("version"), v) ? static_cast<int>(v) : -1;
}

int page_number(const Ctx& ctx) {
  long long n = 1;
  if (!parse_int(ctx.query("page"), n) || n < 1 || n > 100000) n = 1;
  return static_cast<int>(n);
}

bool is_refusal(const Error& error) {
  return error.code == ErrorCode::kNotFound || error.code == ErrorCode::kForbidden;
}

Response page_with_errors(const Ctx& ctx, views::Page& page, const Error& error) {
  show_errors(ctx, page, error);
  return page_response(ctx, page.heading, page, http_status(error.code));
}

std::string long_date(const Ctx& ctx, Date d) {
  return ctx.t("date.long", {{"weekday", ctx.t("weekday." + std::to_string(iso_weekday(d)))},
                             {"day", std::to_string(static_cast<unsigned>(d.day()))},
                             {"month", ctx.t("month." + std::to_string(static_cast<unsigned>(d.month())))},
                             {"year", std::to_string(static_cast<int>(d.year()))}});
}

void add_cover_notice(const Ctx& ctx, views::Page& page, const services::ClientView& v) {
  if (!v.covered_until) return;
  views::Callout c;
  c.kind = "warning";
  c.heading = ctx.t("cover.notice_heading");
  c.paragraphs = {ctx.t("cover.notice", {{"date", format_date(*v.covered_until)}})};
  page.callouts.insert(page.callouts.begin(), std::move(c));
}

Result<services::ClientView> path_client(Ctx& ctx) {
  return services::get_client(ctx.s, *ctx.actor, ctx.param("id"));
}

std::string duration_text(const Ctx& ctx, long long minutes) {
  const long long h = minutes / 60;
  const long long m = minutes % 60;
  if (h == 0) return ctx.t("log.minutes", {{"m", std::to_string(m)}});
  if (m == 0) return ctx.t("log.hours", {{"h", std::to_string(h)}});
  return ctx.t("log.hours_minutes", {{"h", std::to_string(h)}, {"m", std::to_string(m)}});
}

std::string calendar_feed_address(const Ctx& ctx, const std::string& token, bool webcal) {
  const char* scheme = webcal ? "webcal://" : ctx.app.config().behind_tls ? "https://" : "http://";
  return std::string(scheme) + std::string(ctx.req.header("host")) + "/calendar/feed/" + token;
}

std::string client_href(const std::string& id, const std::string& suffix) {
  return "/clients/" + id + suffix;
}

views::Frame frame_titled(const Ctx& ctx, const std::string& title) {
  views::Frame f = ctx.frame("app.name");
  f.title = title;
  return f;
}

Response page_response(const Ctx& ctx, const std::string& title, const views::Page& page, int status) {
  views::Frame frame = frame_titled(ctx, title);
  frame.notice = notice_from_query(ctx);
  return html_response(status, views::render_page(ctx.views, frame, page));
}

namespace {
const views::Control* find_control(const std::vector<views::Control>& controls, const std::string& field) {
  for (const auto& c : controls) {
    if (c.kind == views::Control::Kind::kGroup) {
      if (const auto* found = find_control(c.children, field)) return found;
    } else if (c.key() == field || c.name == field) {
      return &c;
    }
  }
  return nullptr;
}
}  // namespace

void show_errors(const Ctx& ctx, views::Page& page, const Error& error) {
  page.errors = views::form_errors(ctx.views, ctx.lang, error);
  for (auto& form : page.forms)
    views::attach_errors(form.controls, page.errors);
  // The summary follows the order of the form.
  std::vector<std::string> order;
  std::function<void(const std::vector<views::Control>&)> collect = [&](const std::vector<views::Control>& controls) {
    for (const auto& c : controls) {
      if (c.kind == views::Control::Kind::kGroup) {
        collect(c.children);
      } else {
        order.push_back(c.key());
        if (c.name != c.key()) order.push_back(c.name);
      }
    }
  };
  for (const auto& form : page.forms)
    collect(form.controls);
  auto rank = [&](const std::string& field) {
    auto it = std::find(order.begin(), order.end(), field);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(
      page.errors.begin(), page.errors.end(),
      [&](const views::FieldMessage& a, const views::FieldMessage& b) { return rank(a.field) < rank(b.field); });
  // In the summary each message names its field, so a list of them reads on its own.
  for (auto& e : page.errors) {
    for (const auto& form : page.forms) {
      if (const auto* c = find_control(form.controls, e.field); c != nullptr && !e.field.empty()) {
        // "Hur kom kontakten? Fältet …", not "kontakten?: Fältet …".
        const bool ends_sentence = !c->label.empty() && (c->label.back() == '?' || c->label.back() == '.');
        e.message = c->label + (ends_sentence ? " " : ": ") + e.message;
        break;
      }
    }
  }
}

views::Control textarea(std::string name, std::string label, std::string value, std::string hint) {
  views::Control c = text(std::move(name), std::move(label), std::move(value));
  c.kind = views::Control::Kind::kTextarea;
  c.hint = std::move(hint);
  return c;
}

views::FormBlock removal(const Ctx& ctx, const std::string& action, int version, const char* heading, const char* lead,
                         const char* confirm, const char* submit) {
  views::FormBlock f;
  f.heading = ctx.t(heading);
  f.lead = ctx.t(lead);
  f.action = action;
  f.submit = ctx.t(submit);
  f.danger_button = true;
  f.hidden = {{"version", std::to_string(version)}};
  f.controls.push_back(checkbox("confirmed", ctx.t(confirm), false));
  return f;
}

views::Cell consent_cell(const Ctx& ctx, domain::ConsentStanding standing, const std::optional<Date>& until) {
  using S = domain::ConsentStanding;
  const std::string date = until ? format_date(*until) : "";
  switch (standing) {
    case S::kValid:
      return {until ? ctx.t("consent_standing.valid_until", {{"date", date}}) : ctx.t("consent_standing.valid_open"),
              "", "ok"};
    case S::kExpired: return {ctx.t("consent_standing.expired", {{"date", date}}), "", "danger"};
    case S::kRevoked: return {ctx.t("consent_standing.revoked"), "", "danger"};
    case S::kNotYetValid: return {ctx.t("consent_standing.not_yet"), "", "warning"};
    case S::kMissing: break;
  }
  return {ctx.t("consent_standing.missing"), "", "warning"};
}

std::string notice_from_query(const Ctx& ctx) {
  static const std::set<std::string> kKnown = {"contact_recorded",
                                               "inquiry_counted",
                                               "own_wish",
                                               "assessment",
                                               "orientation_booked",
                                               "orientation_held",
                                               "priorities",
                                               "assigned",
                                               "status",
                                               "config_saved",
                                               "details",
                                               "user_role",
                                               "user_disabled",
                                               "user_enabled",
                                               "password_changed",
                                               "log_added",
                                               "log_saved",
                                               "log_removed",
                                               "mapping_saved",
                                               "goal_added",
                                               "goal_saved",
                                               "goal_removed",
                                               "step_added",
                                               "step_saved",
                                               "step_removed",
                                               "network_added",
                                               "network_saved",
                                               "network_removed",
                                               "consent_added",
                                               "consent_saved",
                                               "consent_revoked",
                                               "consent_removed",
                                               "appointment_added",
                                               "appointment_saved",
                                               "appointment_removed",
                                               "feed_revoked",
                                               "cover_granted",
                                               "cover_ended"};
  std::string key = ctx.query("notice");
  if (kKnown.count(key) == 0) return {};
  return ctx.t("notice." + key);
}

Result<std::vector<views::Option>> ombud_options(const Ctx& ctx, const std::string& selected, bool blank) {
  std::vector<views::Option> out;
  if (blank) out.push_back({"", ctx.t("form.choose"), selected.empty()});
  for (const auto& [id, name] : OMBUD_TRY(services::ombud_choices(ctx.s, *ctx.actor)))
    out.push_back({std::to_string(id), name, std::to_string(id) == selected});
  return out;
}

std::optional<views::Callout> what_to_tell(const Ctx& ctx, domain::CaseState state,
                                           const domain::OperationConfig& config) {
  switch (state) {
    case domain::CaseState::kDeclined:
      return views::Callout{
          "info", ctx.t("client.declined_heading"), {ctx.t("client.declined_text"), config.complaints_contact}};
    case domain::CaseState::kReferredAcute: {
      views::Callout c{"danger", ctx.t("client.acute_heading"), {config.acute_help_text}, true};
      c.calls = crisis_calls(config);
      return c;
    }
    default: return std::nullopt;
  }
}

std::vector<views::Call> crisis_calls(const domain::OperationConfig& config) {
  std::vector<views::Call> out;
  for (const auto& k : config.crisis_contacts)
    out.push_back({k.label, k.number, domain::dial_digits(k.number), k.note});
  return out;
}

views::Callout crisis_box(const Ctx& ctx, const domain::OperationConfig& config, const std::string& refer_href) {
  views::Callout c{"danger", ctx.t("crisis.heading"), {ctx.t("crisis.text")}, false};
  c.calls = crisis_calls(config);
  if (!refer_href.empty()) c.links.push_back({ctx.t("action.refer_acute"), refer_href, false});
  return c;
}

nlohmann::json client_json(const services::ClientView& v) {
  using nlohmann::json;
  auto date = [](const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(nullptr); };
  json moves = json::array();
  for (const auto& m : v.moves)
    moves.push_back({{"on", format_date(m.on)}, {"from", m.from_code}, {"to", m.to_code}});
  json j = {{"id", v.id},
            {"code", v.code},
            {"state", std::string(domain::code_of(domain::kCaseStates, v.state))},
            {"municipality", v.municipality_code},
            {"channel", std::string(domain::code_of(domain::kChannels, v.channel))},
            {"contact_by", std::string(domain::code_of(domain::kContactBy, v.contact_by))},
            {"first_contact_on", format_date(v.first_contact_on)},
            {"own_wish_on", date(v.own_wish_on)},
            {"own_wish_how", v.own_wish_how ? json(std::string(domain::code_of(domain::kOwnWishWays, *v.own_wish_how)))
                                            : json(nullptr)},
            {"own_wish_received_by", v.own_wish_received_by ? json(*v.own_wish_received_by) : json(nullptr)},
            {"alias", v.alias},
            {"reach", v.reach},
            {"birth_year", v.birth_year},
            {"gender", std::string(domain::code_of(domain::kGenders, v.gender))},
            {"priorities", v.priority_keys},
            {"assessed_on", date(v.assessed_on)},
            {"orientation",
             {{"on", date(v.orientation_on)},
              {"time", v.orientation_time.empty() ? json(nullptr) : json(v.orientation_time)},
              {"place", v.orientation_place ? json(std::string(domain::code_of(domain::kPlaces, *v.orientation_place)))
                                            : json(nullptr)},
              {"trusted_person", v.orientation_trusted_person},
              {"ombud", v.orientation_ombud},
              {"held_on", date(v.orientation_held_on)},
              {"deadline", format_date(v.orientation_deadline)}}},
            {"queue_entered_on", date(v.queue_entered_on)},
            {"primary_ombud", v.primary_ombud_id ? json(*v.primary_ombud_id) : json(nullptr)},
            {"assigned_on", date(v.assigned_on)},
            {"paused_on", date(v.paused_on)},
            {"ended_on", date(v.ended_on)},
            {"end_reason", v.end_reason ? json(std::string(domain::code_of(domain::kWithdrawReasons, *v.end_reason)))
                                        : json(nullptr)},
            {"moves", moves},
            {"version", v.version}};
  if (v.assessment) {
    auto yn = [](const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); };
    j["assessment"] = {
        {"outcome", std::string(domain::code_of(domain::kOutcomes, v.assessment->outcome))},
        {"reason", v.assessment->reason
                       ? json(std::string(domain::code_of(domain::kDeclineReasons, *v.assessment->reason)))
                       : json(nullptr)},
        {"significant_disability", yn(v.assessment->criteria.significant_disability)},
        {"complex_needs", yn(v.assessment->criteria.complex_needs)},
        {"own_will", yn(v.assessment->criteria.own_will)},
        {"no_substance_abuse", yn(v.assessment->criteria.no_substance_abuse)}};
  } else {
    j["assessment"] = nullptr;
  }
  return j;
}

}  // namespace ombud::http
