// src/http/handlers_work.cpp
//
// The pages of the work inside an assignment, made on a phone in the client's home: the contact
// log (a short form first, then the entries in pages) and the needs mapping. Only the client's
// ombud reaches them; the services ask the access policy (CaseNeed::kWork).
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/contact_log_service.hpp"
#include "services/mapping_service.hpp"
#include "services/network_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;
using K = views::Control::Kind;

constexpr int kLogPerPage = 20;
constexpr int kMinuteChoices[] = {10, 15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300, 360, 480};

std::string log_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/log" + suffix);
}

// The values a form shows: what was posted (shown again with its errors), else the entry's.
struct EntryValues {
  std::string date, kind, place, letter, counterpart, minutes, note, version;
};

// The log form names someone in the network map by "network:<id>" in the same list as the
// categories, so that choosing whom takes one tap.
constexpr std::string_view kNetworkPrefix = "network:";

EntryValues values_of(const services::ContactLogEntry& e) {
  return {format_date(e.on),
          std::string(domain::code_of(domain::kContactKinds, e.kind)),
          e.place ? std::string(domain::code_of(domain::kPlaces, *e.place)) : std::string(),
          e.letter ? std::string(domain::code_of(domain::kLetterKinds, *e.letter)) : std::string(),
          e.network_id ? std::string(kNetworkPrefix) + *e.network_id
                       : std::string(domain::code_of(domain::kCounterparts, e.counterpart)),
          std::to_string(e.minutes),
          e.note,
          std::to_string(e.version)};
}

EntryValues values_of(const Form& f) {
  return {f.get("date"),        f.get("kind"),    f.get("place"), f.get("letter"),
          f.get("counterpart"), f.get("minutes"), f.get("note"),  f.get("version")};
}

services::ContactEntryInput input_of(const Form& f) {
  services::ContactEntryInput in;
  in.date = f.get("date");
  in.kind = f.get("kind");
  in.place = f.get("place");
  in.letter = f.get("letter");
  in.counterpart = f.get("counterpart");
  if (in.counterpart.starts_with(kNetworkPrefix)) {
    in.network_id = in.counterpart.substr(kNetworkPrefix.size());
    in.counterpart.clear();
  }
  in.minutes = f.get("minutes");
  in.note = f.get("note");
  in.version = form_version(f);
  return in;
}

// The entry's controls: a few taps on a phone (the kind as buttons, the rest as short lists).
std::vector<Control> entry_controls(const Ctx& ctx, const EntryValues& v,
                                    const std::vector<services::NetworkChoice>& people) {
  std::vector<Control> out;
  out.push_back(date_control(ctx, "date", ctx.t("log.date"), v.date));
  out.push_back(radios("kind", ctx.t("log.kind"), options_of(ctx, "log_kind.", domain::kContactKinds, v.kind)));
  Control place = select("place", ctx.t("log.place"),
                         options_of(ctx, "place.", domain::kPlaces, v.place, "log.no_place"), ctx.t("log.place_hint"));
  out.push_back(std::move(place));
  out.push_back(select("letter", ctx.t("log.letter"),
                       options_of(ctx, "letter.", domain::kLetterKinds, v.letter, "log.no_letter"),
                       ctx.t("log.letter_hint")));
  // Whom: the client alone, then the client's own network by name, then the categories.
  auto categories =
      options_of(ctx, "counterpart.", domain::kCounterparts, v.counterpart.empty() ? "klienten" : v.counterpart);
  std::vector<views::Option> whom(categories.begin(), categories.begin() + 1);
  for (const auto& p : people) {
    const std::string value = std::string(kNetworkPrefix) + p.id;
    whom.push_back({value, p.name + " (" + label_of(ctx, "network_kind.", domain::kNetworkKinds, p.kind) + ")",
                    value == v.counterpart});
  }
  whom.insert(whom.end(), categories.begin() + 1, categories.end());
  out.push_back(select("counterpart", ctx.t("log.counterpart"), std::move(whom),
                       people.empty() ? "" : ctx.t("log.counterpart_hint")));
  Control minutes = select("minutes", ctx.t("log.time"), {});
  bool listed = false;
  for (int m : kMinuteChoices) {
    const std::string value = std::to_string(m);
    listed = listed || value == v.minutes;
    minutes.options.push_back({value, duration_text(ctx, m), value == v.minutes});
  }
  long long other = 0;
  if (!listed && parse_int(v.minutes, other) && other > 0 && other <= domain::kMaxContactMinutes) {
    minutes.options.push_back({v.minutes, duration_text(ctx, other), true});  // an entry's own time, kept
  } else if (!listed) {
    minutes.options.insert(minutes.options.begin(), {"", ctx.t("form.choose"), true});
  }
  out.push_back(std::move(minutes));
  Control note = text("note", ctx.t("log.note"), v.note);
  note.kind = K::kTextarea;
  note.hint = ctx.t("log.note_hint", {{"max", std::to_string(domain::kMaxNoteLength)}});
  note.optional_mark = true;
  out.push_back(std::move(note));
  return out;
}

// "Möte med klienten, hemma hos personen".
std::string kind_text(const Ctx& ctx, const services::ContactLogEntry& e) {
  std::string s = label_of(ctx, "log_kind.", domain::kContactKinds, e.kind);
  if (e.place) {
    std::string place = label_of(ctx, "place.", domain::kPlaces, *e.place);
    if (!place.empty() && place[0] >= 'A' && place[0] <= 'Z') place[0] = static_cast<char>(place[0] - 'A' + 'a');
    s += ", " + place;
  }
  if (e.letter) s += ": " + label_of(ctx, "letter.", domain::kLetterKinds, *e.letter);
  return s;
}

// Whom an entry was with: their name when the entry names someone in the network, with a word
// where no consent let the ombud speak with them that day.
views::Cell with_cell(const Ctx& ctx, const services::ContactLogEntry& e) {
  if (e.network_name.empty()) return {label_of(ctx, "counterpart.", domain::kCounterparts, e.counterpart)};
  views::Cell c{e.network_name};
  if (e.consent != domain::ConsentStanding::kValid) c.note = consent_cell(ctx, e.consent, std::nullopt).text;
  return c;
}

// A new entry's first values: a meeting with the client today, or, coming from a letter just
// written (?letter=), that letter, written for whom it goes to.
EntryValues fresh_values(const Ctx& ctx) {
  EntryValues v{today_text(ctx), "mote", "", "", "klienten", "", "", ""};
  if (auto letter = domain::parse_code(domain::kLetterKinds, ctx.query("letter"))) {
    v.kind = std::string(domain::code_of(domain::kContactKinds, domain::ContactKind::kWrittenTogether));
    v.letter = std::string(domain::code_of(domain::kLetterKinds, *letter));
    v.counterpart = std::string(
        domain::code_of(domain::kCounterparts, domain::counterpart_of(domain::letter_template(*letter).recipient)));
  }
  return v;
}

Result<views::Page> log_page(Ctx& ctx, const services::ClientView& v, int page_number, const Form* sent) {
  auto log = OMBUD_TRY(services::contact_log(ctx.s, *ctx.actor, v.id, page_number, kLogPerPage));
  views::Page page;
  page.heading = ctx.t("log.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("log.lead", {{"name", v.display_name()}, {"code", v.code}})};
  views::FormBlock f;
  f.heading = ctx.t("log.new");
  f.action = log_href(v.id);
  f.submit = ctx.t("log.submit");
  EntryValues values = sent != nullptr ? values_of(*sent) : fresh_values(ctx);
  f.controls = entry_controls(ctx, values, log.network);
  page.forms.push_back(std::move(f));

  views::Table t;
  t.title = ctx.t("log.entries");
  t.columns = {ctx.t("log.date"), ctx.t("log.col_kind"), ctx.t("log.col_with"),
               ctx.t("log.time"), ctx.t("log.note"),     ctx.t("log.col_action")};
  for (const auto& e : log.entries) {
    t.rows.push_back({{format_date(e.on), "", "", "", true},
                      {kind_text(ctx, e)},
                      with_cell(ctx, e),
                      {duration_text(ctx, e.minutes)},
                      {e.note},
                      {ctx.t("log.change"), log_href(v.id, "/" + e.id), "", "", false,
                       ctx.t("log.change_for", {{"date", format_date(e.on)}, {"kind", kind_text(ctx, e)}})}});
  }
  t.empty_text = ctx.t("log.empty");
  page.tables.push_back(std::move(t));
  if (log.total > 0) {
    page.after.push_back(
        ctx.t_count("log.totals", "count", log.total, {{"time", duration_text(ctx, log.total_minutes)}}));
  }
  if (log.pages() > 1) {
    views::Pager pager;
    pager.label = ctx.t("pager.label");
    pager.text = ctx.t("pager.text", {{"page", std::to_string(log.page)},
                                      {"pages", std::to_string(log.pages())},
                                      {"total", std::to_string(log.total)}});
    auto href = [&](int n) { return log_href(v.id, "?page=" + std::to_string(n)); };
    if (log.page > 1) pager.previous = {ctx.t("pager.previous"), href(std::min(log.page - 1, log.pages()))};
    if (log.page < log.pages()) pager.next = {ctx.t("pager.next"), href(log.page + 1)};
    page.pager = std::move(pager);
  }
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_log(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = log_page(ctx, *v, page_number(ctx), nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_log(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto added = services::add_contact_entry(ctx.s, *ctx.actor, v->id, input_of(*ctx.form));
  if (added) return redirect(log_href(v->id, "?notice=log_added"));
  auto page = log_page(ctx, *v, 1, &*ctx.form);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, added.error());
}

Result<views::Page> entry_page(Ctx& ctx, const services::ClientView& v, const services::ContactLogEntry& e,
                               const Form* sent) {
  std::vector<services::NetworkChoice> people;
  for (const auto& p : OMBUD_TRY(services::network_map(ctx.s, *ctx.actor, v.id)).people)
    people.push_back({p.id, p.name, p.kind});
  views::Page page;
  page.heading = ctx.t("log.edit_title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("log.edit_lead", {{"name", v.display_name()}, {"code", v.code}})};
  const std::string href = log_href(v.id, "/" + e.id);
  const bool removing = sent != nullptr && sent->has("confirm_remove");
  views::FormBlock f;
  f.action = href;
  f.submit = ctx.t("log.save");
  f.cancel = {ctx.t("form.cancel"), log_href(v.id)};
  EntryValues values = sent != nullptr && !removing ? values_of(*sent) : values_of(e);
  f.hidden = {{"version", values.version}};
  f.controls = entry_controls(ctx, values, people);
  page.forms.push_back(std::move(f));

  views::FormBlock remove;
  remove.heading = ctx.t("log.remove_heading");
  remove.lead = ctx.t("log.remove_lead");
  remove.action = href + "/remove";
  remove.submit = ctx.t("log.remove");
  remove.danger_button = true;
  remove.hidden = {{"version", std::to_string(e.version)}, {"confirm_remove", "1"}};
  Control confirm = checkbox("confirmed", ctx.t("log.remove_confirm"), false);
  remove.controls.push_back(std::move(confirm));
  page.forms.push_back(std::move(remove));
  return page;
}

Response show_entry(Ctx& ctx, const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto e = services::contact_entry(ctx.s, *ctx.actor, v->id, ctx.param("entry"));
  if (!e) return page_error(ctx, e.error());
  auto page = entry_page(ctx, *v, *e, error ? &*ctx.form : nullptr);
  if (!page) return page_error(ctx, page.error());
  if (!error) return page_response(ctx, page->heading, *page);
  return page_with_errors(ctx, *page, *error);
}

Response get_entry(Ctx& ctx) {
  return show_entry(ctx);
}

Response post_entry(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  auto saved = services::edit_contact_entry(ctx.s, *ctx.actor, id, ctx.param("entry"), input_of(*ctx.form));
  if (!saved) {
    return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_entry(ctx, saved.error());
  }
  return redirect(log_href(id, "?notice=log_saved"));
}

Response post_entry_remove(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") return show_entry(ctx, Error::field("confirmed", "log.remove_not_confirmed"));
  auto st = services::remove_contact_entry(ctx.s, *ctx.actor, id, ctx.param("entry"), form_version(f));
  if (!st) {
    return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_entry(ctx, st.error());
  }
  return redirect(log_href(id, "?notice=log_removed"));
}

// ---- Needs mapping ---------------------------------------------------------------------------

Result<views::Page> mapping_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto mapping = OMBUD_TRY(services::needs_mapping(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("mapping.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("mapping.lead", {{"name", v.display_name()}, {"code", v.code}})};
  if (mapping.updated_at) page.facts.emplace_back(ctx.t("mapping.updated"), format_local_minute(*mapping.updated_at));
  page.facts.emplace_back(ctx.t("mapping.wanted"), std::to_string(mapping.wanted()));
  views::FormBlock f;
  f.action = client_href(v.id, "/mapping");
  f.submit = ctx.t("mapping.submit");
  f.cancel = {ctx.t("form.cancel"), client_href(v.id)};
  for (const auto& a : mapping.areas) {
    const std::string p = "areas." + a.area;
    Control group;
    group.kind = K::kGroup;
    group.label = a.label;
    Control words = text(p + ".words", ctx.t("mapping.words"), sent != nullptr ? sent->get(p + ".words") : a.words);
    words.kind = K::kTextarea;
    words.optional_mark = true;
    words.hint = ctx.t("mapping.words_hint", {{"max", std::to_string(domain::kMaxOwnWordsLength)}});
    group.children.push_back(std::move(words));
    group.children.push_back(
        checkbox(p + ".help", ctx.t("mapping.help"), sent != nullptr ? sent->get(p + ".help") == "1" : a.wants_help));
    f.controls.push_back(std::move(group));
    f.hidden.emplace_back(p + ".version", sent != nullptr ? sent->get(p + ".version") : std::to_string(a.version));
  }
  page.forms.push_back(std::move(f));
  return page;
}

Response get_mapping(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = mapping_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_mapping(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  // The areas the form showed, each named by its hidden "areas.<key>.version"; the service refuses
  // an area it does not know.
  const Form& f = *ctx.form;
  std::vector<services::NeedInput> areas;
  for (const auto& name : f.names()) {
    constexpr std::string_view kPrefix = "areas.";
    constexpr std::string_view kSuffix = ".version";
    if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix) || name.size() <= kPrefix.size() + kSuffix.size()) {
      continue;
    }
    const std::string area = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    const std::string p = "areas." + area;
    long long version = 0;
    if (!parse_int(f.get(name), version)) version = -1;
    areas.push_back({area, std::string(f.get(p + ".words")), f.get(p + ".help") == "1", static_cast<int>(version)});
  }
  auto saved = services::save_needs_mapping(ctx.s, *ctx.actor, v->id, areas);
  if (saved) return redirect(client_href(v->id, "/mapping?notice=mapping_saved"));
  auto page = mapping_page(ctx, *v, saved.error().code == ErrorCode::kConflict ? nullptr : &f);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, saved.error());
}

}  // namespace

void register_work_routes(Router& router) {
  router.add({"GET", "/clients/{id}/log", Permission::kRecordWork, RouteKind::kPage, get_log});
  router.add({"POST", "/clients/{id}/log", Permission::kRecordWork, RouteKind::kPage, post_log});
  router.add({"GET", "/clients/{id}/log/{entry}", Permission::kRecordWork, RouteKind::kPage, get_entry});
  router.add({"POST", "/clients/{id}/log/{entry}", Permission::kRecordWork, RouteKind::kPage, post_entry});
  router.add(
      {"POST", "/clients/{id}/log/{entry}/remove", Permission::kRecordWork, RouteKind::kPage, post_entry_remove});
  router.add({"GET", "/clients/{id}/mapping", Permission::kRecordWork, RouteKind::kPage, get_mapping});
  router.add({"POST", "/clients/{id}/mapping", Permission::kRecordWork, RouteKind::kPage, post_mapping});
}

}  // namespace ombud::http
