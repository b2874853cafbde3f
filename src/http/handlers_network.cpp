// src/http/handlers_network.cpp
//
// The pages of the client's network map and of the consents to speak with it: the map grouped
// into authorities, professionals and private network, each with what they already do and where
// a consent stands; an entry's page to change or remove it; the consents with a form for a new
// one; a consent's page to change, revoke or remove it. Only the client's ombud reaches them; the
// services ask the access policy (CaseNeed::kWork).
#include "core/text.hpp"
#include "http/case_views.hpp"
#include "services/consent_service.hpp"
#include "services/network_service.hpp"

namespace ombud::http {

namespace {

using domain::Permission;
using views::Control;
using K = views::Control::Kind;

std::string network_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/network" + suffix);
}
std::string consents_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/consents" + suffix);
}

// ---- The network map ---------------------------------------------------------------------------

struct PersonValues {
  std::string kind, name, does, contact, version;
  bool contact_agreed = false;
};

PersonValues values_of(const services::NetworkPerson& p) {
  return {std::string(domain::code_of(domain::kNetworkKinds, p.kind)),
          p.name,
          p.does,
          p.contact,
          std::to_string(p.version),
          p.contact_agreed};
}
PersonValues values_of(const Form& f) {
  return {f.get("kind"),    f.get("name"),    f.get("does"),
          f.get("contact"), f.get("version"), f.get("contact_agreed") == "1"};
}

services::NetworkInput input_of(const Form& f) {
  return {f.get("kind"),    f.get("name"),  f.get("does"), f.get("contact_agreed") == "1",
          f.get("contact"), form_version(f)};
}

std::vector<Control> person_controls(const Ctx& ctx, const PersonValues& v) {
  std::vector<Control> out;
  out.push_back(select("kind", ctx.t("network.kind"),
                       options_of(ctx, "network_kind.", domain::kNetworkKinds, v.kind, "form.choose")));
  Control name = text("name", ctx.t("network.name"), v.name);
  name.hint = ctx.t("network.name_hint", {{"max", std::to_string(domain::kMaxNetworkNameLength)}});
  out.push_back(std::move(name));
  Control does = textarea("does", ctx.t("network.does"), v.does,
                          ctx.t("network.does_hint", {{"max", std::to_string(domain::kMaxNetworkDoesLength)}}));
  does.optional_mark = true;
  out.push_back(std::move(does));
  out.push_back(checkbox("contact_agreed", ctx.t("network.contact_agreed"), v.contact_agreed,
                         ctx.t("network.contact_agreed_hint")));
  Control contact =
      textarea("contact", ctx.t("network.contact"), v.contact,
               ctx.t("network.contact_hint", {{"max", std::to_string(domain::kMaxNetworkContactLength)}}));
  contact.optional_mark = true;
  out.push_back(std::move(contact));
  return out;
}

Result<views::Page> network_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto map = OMBUD_TRY(services::network_map(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("network.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("network.lead", {{"name", v.display_name()}, {"code", v.code}})};
  for (const auto& [group, code] : domain::kNetworkGroups) {
    views::Table t;
    t.title = ctx.t("network_group." + std::string(code));
    t.columns = {ctx.t("network.col_who"), ctx.t("network.col_role"), ctx.t("network.col_does"),
                 ctx.t("network.col_contact"), ctx.t("network.col_consent")};
    for (const auto& p : map.people) {
      if (domain::group_of(p.kind) != group) continue;
      t.rows.push_back({{p.name, network_href(v.id, "/" + p.id), "", "", true},
                        {label_of(ctx, "network_kind.", domain::kNetworkKinds, p.kind)},
                        {p.does.empty() ? ctx.t("network.does_nothing_noted") : p.does},
                        {p.contact_agreed ? (p.contact.empty() ? "–" : p.contact) : ctx.t("network.contact_not_kept")},
                        consent_cell(ctx, p.consent, p.consent_until)});
    }
    t.empty_text = ctx.t("network.group_empty");
    page.tables.push_back(std::move(t));
  }
  views::FormBlock f;
  f.heading = ctx.t("network.new");
  f.action = network_href(v.id);
  f.submit = ctx.t("network.add");
  f.after_tables = true;
  f.controls = person_controls(ctx, sent != nullptr ? values_of(*sent) : PersonValues{});
  page.forms.push_back(std::move(f));
  page.actions.push_back({ctx.t("action.consents"), consents_href(v.id)});
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_network(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = network_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_network(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto added = services::add_network_entry(ctx.s, *ctx.actor, v->id, input_of(*ctx.form));
  if (added) return redirect(network_href(v->id, "?notice=network_added"));
  auto page = network_page(ctx, *v, &*ctx.form);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, added.error());
}

views::Page person_page(Ctx& ctx, const services::ClientView& v, const services::NetworkPerson& p, const Form* sent) {
  views::Page page;
  page.heading = ctx.t("network.edit_title", {{"name", p.name}});
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("network.edit_lead", {{"name", v.display_name()}, {"code", v.code}})};
  const views::Cell consent = consent_cell(ctx, p.consent, p.consent_until);
  page.facts.emplace_back(ctx.t("network.col_consent"), consent.text);
  const std::string href = network_href(v.id, "/" + p.id);
  views::FormBlock f;
  f.action = href;
  f.submit = ctx.t("network.save");
  f.cancel = {ctx.t("form.cancel"), network_href(v.id)};
  PersonValues values = sent != nullptr ? values_of(*sent) : values_of(p);
  f.hidden = {{"version", values.version}};
  f.controls = person_controls(ctx, values);
  page.forms.push_back(std::move(f));
  page.forms.push_back(removal(ctx, href + "/remove", p.version, "network.remove_heading", "network.remove_lead",
                               "network.remove_confirm", "network.remove"));
  page.actions.push_back({ctx.t("action.consents"), consents_href(v.id), true});
  return page;
}

Response show_person(Ctx& ctx, const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto p = services::network_entry(ctx.s, *ctx.actor, v->id, ctx.param("person"));
  if (!p) return page_error(ctx, p.error());
  const bool resend = error && error->code != ErrorCode::kConflict && !ctx.form->has("confirmed");
  auto page = person_page(ctx, *v, *p, resend ? &*ctx.form : nullptr);
  if (!error) return page_response(ctx, page.heading, page);
  return page_with_errors(ctx, page, *error);
}

Response get_person(Ctx& ctx) {
  return show_person(ctx);
}

Response post_person(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  auto saved = services::edit_network_entry(ctx.s, *ctx.actor, id, ctx.param("person"), input_of(*ctx.form));
  if (!saved) return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_person(ctx, saved.error());
  return redirect(network_href(id, "?notice=network_saved"));
}

Response post_person_remove(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") return show_person(ctx, Error::field("confirmed", "network.remove_not_confirmed"));
  auto st = services::remove_network_entry(ctx.s, *ctx.actor, id, ctx.param("person"), form_version(f));
  if (!st) return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_person(ctx, st.error());
  return redirect(network_href(id, "?notice=network_removed"));
}

// ---- Consents ----------------------------------------------------------------------------------

struct ConsentValues {
  std::string network_id, matter, form, from, until, version;
  std::vector<std::string> scopes;
};

ConsentValues values_of(const services::ConsentRecord& c) {
  ConsentValues v{c.network_id,
                  c.terms.matter,
                  std::string(domain::code_of(domain::kConsentForms, c.terms.form)),
                  format_date(c.terms.from),
                  c.terms.until ? format_date(*c.terms.until) : "",
                  std::to_string(c.version),
                  {}};
  for (auto s : c.terms.scopes)
    v.scopes.emplace_back(domain::code_of(domain::kConsentScopes, s));
  return v;
}
ConsentValues consent_values_of(const Form& f) {
  return {f.get("network_id"), f.get("matter"),  f.get("form"),  f.get("from"),
          f.get("until"),      f.get("version"), f.all("scopes")};
}

services::ConsentInput consent_input_of(const Form& f) {
  return {f.get("network_id"), f.all("scopes"), f.get("matter"), f.get("form"),
          f.get("from"),       f.get("until"),  form_version(f)};
}

std::vector<Control> consent_controls(const Ctx& ctx, const services::NetworkMap& map, const ConsentValues& v) {
  std::vector<Control> out;
  Control whom = select("network_id", ctx.t("consent.whom"), {{"", ctx.t("form.choose"), v.network_id.empty()}},
                        ctx.t("consent.whom_hint"));
  for (const auto& p : map.people) {
    whom.options.push_back({p.id, p.name + " (" + label_of(ctx, "network_kind.", domain::kNetworkKinds, p.kind) + ")",
                            p.id == v.network_id});
  }
  out.push_back(std::move(whom));
  Control scopes;
  scopes.kind = K::kCheckboxes;
  scopes.name = "scopes";
  scopes.label = ctx.t("consent.scopes");
  scopes.hint = ctx.t("consent.scopes_hint");
  for (const auto& [scope, code] : domain::kConsentScopes) {
    scopes.options.push_back({std::string(code), ctx.t("consent_scope." + std::string(code)),
                              std::find(v.scopes.begin(), v.scopes.end(), code) != v.scopes.end()});
  }
  out.push_back(std::move(scopes));
  Control matter = textarea("matter", ctx.t("consent.matter"), v.matter,
                            ctx.t("consent.matter_hint", {{"max", std::to_string(domain::kMaxConsentMatterLength)}}));
  matter.optional_mark = true;
  out.push_back(std::move(matter));
  out.push_back(radios("form", ctx.t("consent.form"),
                       options_of(ctx, "consent_form.", domain::kConsentForms, v.form.empty() ? "fullmakt" : v.form)));
  out.push_back(date_control(ctx, "from", ctx.t("consent.from"), v.from));
  Control until = date_control(ctx, "until", ctx.t("consent.until"), v.until);
  until.optional_mark = true;
  until.hint = ctx.t("consent.until_hint");
  out.push_back(std::move(until));
  return out;
}

std::string scopes_text(const Ctx& ctx, const domain::Consent& c) {
  std::string out;
  for (auto s : c.scopes)
    out += (out.empty() ? "" : "; ") + label_of(ctx, "consent_scope.", domain::kConsentScopes, s);
  return out;
}

std::string period_text(const Ctx& ctx, const domain::Consent& c) {
  if (!c.until) return ctx.t("consent.period_open", {{"from", format_date(c.from)}});
  return ctx.t("consent.period", {{"from", format_date(c.from)}, {"until", format_date(*c.until)}});
}

views::Cell state_cell(const Ctx& ctx, const services::ConsentRecord& c) {
  using S = domain::ConsentState;
  switch (c.state) {
    case S::kValid: return {ctx.t("consent_state.valid"), "", "ok"};
    case S::kNotYetValid: return {ctx.t("consent_state.not_yet"), "", "warning"};
    case S::kExpired: return {ctx.t("consent_state.expired"), "", "danger"};
    case S::kRevoked: return {ctx.t("consent_state.revoked", {{"date", date_text(c.terms.revoked_on)}}), "", "danger"};
  }
  return {};
}

Result<views::Page> consents_page(Ctx& ctx, const services::ClientView& v, const Form* sent) {
  auto list = OMBUD_TRY(services::consents(ctx.s, *ctx.actor, v.id));
  auto map = OMBUD_TRY(services::network_map(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("consent.title");
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("consent.lead", {{"name", v.display_name()}, {"code", v.code}})};
  views::Table t;
  t.title = ctx.t("consent.list");
  t.columns = {ctx.t("consent.col_whom"), ctx.t("consent.col_scopes"), ctx.t("consent.col_form"),
               ctx.t("consent.col_period"), ctx.t("consent.col_state")};
  for (const auto& c : list) {
    t.rows.push_back({{c.network_name, consents_href(v.id, "/" + c.id), "", "", true},
                      {scopes_text(ctx, c.terms), "", "", c.terms.matter},
                      {label_of(ctx, "consent_form.", domain::kConsentForms, c.terms.form)},
                      {period_text(ctx, c.terms)},
                      state_cell(ctx, c)});
  }
  t.empty_text = ctx.t("consent.empty");
  page.tables.push_back(std::move(t));
  if (map.people.empty()) {
    page.callouts.push_back(
        {"info", "", {ctx.t("consent.network_first")}, false, {}, "", {{ctx.t("action.network"), network_href(v.id)}}});
  } else {
    views::FormBlock f;
    f.heading = ctx.t("consent.new");
    f.action = consents_href(v.id);
    f.submit = ctx.t("consent.add");
    f.after_tables = true;
    f.controls = consent_controls(ctx, map, sent != nullptr ? consent_values_of(*sent) : ConsentValues{});
    page.forms.push_back(std::move(f));
  }
  page.actions.push_back({ctx.t("action.network"), network_href(v.id)});
  page.actions.push_back({ctx.t("work.back", {{"code", v.code}}), client_href(v.id), true});
  return page;
}

Response get_consents(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto page = consents_page(ctx, *v, nullptr);
  if (!page) return page_error(ctx, page.error());
  return page_response(ctx, page->heading, *page);
}

Response post_consents(Ctx& ctx) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto added = services::add_consent(ctx.s, *ctx.actor, v->id, consent_input_of(*ctx.form));
  if (added) return redirect(consents_href(v->id, "?notice=consent_added"));
  auto page = consents_page(ctx, *v, &*ctx.form);
  if (!page) return page_error(ctx, page.error());
  return page_with_errors(ctx, *page, added.error());
}

Result<views::Page> consent_page(Ctx& ctx, const services::ClientView& v, const services::ConsentRecord& c,
                                 const Form* sent) {
  auto map = OMBUD_TRY(services::network_map(ctx.s, *ctx.actor, v.id));
  views::Page page;
  page.heading = ctx.t("consent.edit_title", {{"name", c.network_name}});
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("consent.edit_lead", {{"name", v.display_name()}, {"code", v.code}})};
  page.facts.emplace_back(ctx.t("consent.col_state"), state_cell(ctx, c).text);
  page.facts.emplace_back(ctx.t("consent.col_period"), period_text(ctx, c.terms));
  const std::string href = consents_href(v.id, "/" + c.id);
  views::FormBlock f;
  f.action = href;
  f.submit = ctx.t("consent.save");
  f.cancel = {ctx.t("form.cancel"), consents_href(v.id)};
  ConsentValues values = sent != nullptr ? consent_values_of(*sent) : values_of(c);
  f.hidden = {{"version", values.version}};
  f.controls = consent_controls(ctx, map, values);
  page.forms.push_back(std::move(f));
  if (!c.terms.revoked_on) {
    page.forms.push_back(removal(ctx, href + "/revoke", c.version, "consent.revoke_heading", "consent.revoke_lead",
                                 "consent.revoke_confirm", "consent.revoke"));
  }
  page.forms.push_back(removal(ctx, href + "/remove", c.version, "consent.remove_heading", "consent.remove_lead",
                               "consent.remove_confirm", "consent.remove"));
  // A fullmakt to print for the client to sign, filled in with whom it is for and the scope.
  if (c.state != domain::ConsentState::kRevoked && c.state != domain::ConsentState::kExpired)
    page.actions.push_back({ctx.t("consent.print_fullmakt"), href + "/fullmakt.pdf"});
  return page;
}

Response show_consent(Ctx& ctx, const std::optional<Error>& error = std::nullopt) {
  auto v = path_client(ctx);
  if (!v) return page_error(ctx, v.error());
  auto c = services::consent(ctx.s, *ctx.actor, v->id, ctx.param("consent"));
  if (!c) return page_error(ctx, c.error());
  const bool resend = error && error->code != ErrorCode::kConflict && !ctx.form->has("confirmed");
  auto page = consent_page(ctx, *v, *c, resend ? &*ctx.form : nullptr);
  if (!page) return page_error(ctx, page.error());
  if (!error) return page_response(ctx, page->heading, *page);
  return page_with_errors(ctx, *page, *error);
}

Response get_consent(Ctx& ctx) {
  return show_consent(ctx);
}

Response post_consent(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  auto saved = services::edit_consent(ctx.s, *ctx.actor, id, ctx.param("consent"), consent_input_of(*ctx.form));
  if (!saved) return is_refusal(saved.error()) ? page_error(ctx, saved.error()) : show_consent(ctx, saved.error());
  return redirect(consents_href(id, "?notice=consent_saved"));
}

Response post_consent_revoke(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") return show_consent(ctx, Error::field("confirmed", "consent.revoke_not_confirmed"));
  auto done = services::revoke_consent(ctx.s, *ctx.actor, id, ctx.param("consent"), form_version(f));
  if (!done) return is_refusal(done.error()) ? page_error(ctx, done.error()) : show_consent(ctx, done.error());
  return redirect(consents_href(id, "?notice=consent_revoked"));
}

Response post_consent_remove(Ctx& ctx) {
  const std::string& id = ctx.param("id");
  const Form& f = *ctx.form;
  if (f.get("confirmed") != "1") return show_consent(ctx, Error::field("confirmed", "consent.remove_not_confirmed"));
  auto st = services::remove_consent(ctx.s, *ctx.actor, id, ctx.param("consent"), form_version(f));
  if (!st) return is_refusal(st.error()) ? page_error(ctx, st.error()) : show_consent(ctx, st.error());
  return redirect(consents_href(id, "?notice=consent_removed"));
}

}  // namespace

void register_network_routes(Router& router) {
  router.add({"GET", "/clients/{id}/network", Permission::kRecordWork, RouteKind::kPage, get_network});
  router.add({"POST", "/clients/{id}/network", Permission::kRecordWork, RouteKind::kPage, post_network});
  router.add({"GET", "/clients/{id}/network/{person}", Permission::kRecordWork, RouteKind::kPage, get_person});
  router.add({"POST", "/clients/{id}/network/{person}", Permission::kRecordWork, RouteKind::kPage, post_person});
  router.add(
      {"POST", "/clients/{id}/network/{person}/remove", Permission::kRecordWork, RouteKind::kPage, post_person_remove});
  router.add({"GET", "/clients/{id}/consents", Permission::kRecordWork, RouteKind::kPage, get_consents});
  router.add({"POST", "/clients/{id}/consents", Permission::kRecordWork, RouteKind::kPage, post_consents});
  router.add({"GET", "/clients/{id}/consents/{consent}", Permission::kRecordWork, RouteKind::kPage, get_consent});
  router.add({"POST", "/clients/{id}/consents/{consent}", Permission::kRecordWork, RouteKind::kPage, post_consent});
  router.add({"POST", "/clients/{id}/consents/{consent}/revoke", Permission::kRecordWork, RouteKind::kPage,
              post_consent_revoke});
  router.add({"POST", "/clients/{id}/consents/{consent}/remove", Permission::kRecordWork, RouteKind::kPage,
              post_consent_remove});
}

}  // namespace ombud::http
