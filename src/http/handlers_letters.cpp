// src/http/handlers_letters.cpp
//
// Letters and applications written together with the client: the list of templates, a template's
// form filled in on screen, and the letter itself as a PDF download. Nothing of the letter is
// stored; once it is written, one tap opens the contact log with an entry for it filled in (its
// kind only). Only the client's ombud reaches them; the services ask the access policy.
#include "http/case_views.hpp"
#include "http/print_documents.hpp"
#include "services/document_service.hpp"

namespace ombud::http {

namespace {

using domain::LetterField;
using domain::Permission;
using views::Control;

std::string letter_code(domain::LetterKind kind) {
  return std::string(domain::code_of(domain::kLetterKinds, kind));
}

std::string letters_href(const std::string& client_id, const std::string& suffix = "") {
  return client_href(client_id, "/letters" + suffix);
}

// Whom a letter goes to, as the form first offers it: the authority of the client's municipality.
std::string default_recipient(const Ctx& ctx, const services::ClientView& v, domain::LetterKind kind) {
  const std::string code = letter_code(kind);
  if (v.municipality_name.empty()) return ctx.t("letter." + code + ".to_default");
  return ctx.t("letter." + code + ".to_municipality", {{"municipality", v.municipality_name}});
}

// A catalogue text that only some fields have, or "".
std::string text_if_any(const Ctx& ctx, const std::string& key) {
  return ctx.views.catalog().has(ctx.lang, key) ? ctx.t(key) : std::string();
}

Control field_control(const Ctx& ctx, domain::LetterKind kind, const LetterField& f, const Form* sent,
                      const std::string& first_value) {
  const std::string name(f.name);
  const std::string label = letter_field_label(ctx, kind, f);
  std::string hint = text_if_any(
      ctx, (domain::is_sender_field(name) ? "letter.field." : "letter." + letter_code(kind) + ".") + name + "_hint");
  Control c;
  switch (f.kind) {
    case LetterField::Kind::kChoices: {
      c.kind = Control::Kind::kCheckboxes;
      c.name = name;
      c.label = label;
      const auto ticked = sent != nullptr ? sent->all(name) : std::vector<std::string>{};
      for (const auto option : f.options) {
        const bool on = std::find(ticked.begin(), ticked.end(), option) != ticked.end();
        c.options.push_back({std::string(option), ctx.t("letter.option." + std::string(option)), on});
      }
      c.hint = hint;
      break;
    }
    case LetterField::Kind::kText:
    case LetterField::Kind::kLine: {
      // Every text states its limit.
      const bool long_text = f.kind == LetterField::Kind::kText;
      const auto max = long_text ? domain::kMaxLetterText : domain::kMaxLetterLine;
      hint += (hint.empty() ? "" : " ") + ctx.t("letter.limit", {{"max", std::to_string(max)}});
      const std::string value = sent != nullptr ? sent->get(name) : first_value;
      c = long_text ? textarea(name, label, value, hint) : text(name, label, value);
      c.hint = hint;
      break;
    }
    case LetterField::Kind::kPersonalNumber:
      c = text(name, label, sent != nullptr ? sent->get(name) : first_value);
      c.hint = hint;
      c.width = "20";
      break;
  }
  if (f.kind != LetterField::Kind::kChoices) c.autocomplete = "off";  // the client's details, not the user's
  c.required = f.required;
  c.optional_mark = !f.required;
  return c;
}

views::Page letter_page(const Ctx& ctx, const services::ClientView& v, domain::LetterKind kind, const Form* sent) {
  const std::string code = letter_code(kind);
  views::Page page;
  page.heading = ctx.t("letter." + code);
  add_cover_notice(ctx, page, v);
  page.lead = {ctx.t("letter." + code + ".about"), ctx.t("letters.not_stored")};
  views::FormBlock f;
  f.action = letters_href(v.id, "/" + code);
  f.submit = ctx.t("letters.submit");
  Control sender;
  sender.kind = Control::Kind::kGroup;
  sender.label = ctx.t("letters.sender");
  for (const auto& field : domain::letter_sender_fields()) {
    std::string first;
    if (field.name == "to") first = default_recipient(ctx, v, kind);
    if (field.name == "name") first = v.alias;
    sender.children.push_back(field_control(ctx, kind, field, sent, first));
  }
  f.controls.push_back(std::move(sender));
  for (const auto& field : domain::letter_template(kind).fields)
    f.controls.push_back(field_control(ctx, kind, field, sent, ""));
  page.forms.push_back(std::move(f));

  // Once it is written: the contact log's form with the letter's entry filled in.
  views::FormBlock logged;
  logged.heading = ctx.t("letters.log_heading");
  logged.lead = ctx.t("letters.log_lead");
  logged.method = "get";
  logged.action = client_href(v.id, "/log");
  logged.hidden = {{"letter", code}};
  logged.submit = ctx.t("letters.log_submit");
  logged.secondary_button = true;
  page.forms.push_back(std::move(logged));
  page.actions.push_back({ctx.t("letters.back"), letters_href(v.id), true});
  return page;
}

domain::LetterValues values_of(const Form& f, domain::LetterKind kind) {
  domain::LetterValues values;
  for (const auto& field : domain::letter_fields(domain::letter_template(kind))) {
    const std::string name(field.name);
    if (field.kind == LetterField::Kind::kChoices) {
      values.choices[name] = f.all(name);
    } else {
      values.text[name] = f.get(name);
    }
  }
  return values;
}

Response get_letters(Ctx& ctx) {
  auto v = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
  if (!v) return page_error(ctx, v.error());
  views::Page page;
  page.heading = ctx.t("letters.title");
  add_cover_notice(ctx, page, *v);
  page.lead = {ctx.t("letters.lead", {{"name", v->display_name()}, {"code", v->code}}), ctx.t("letters.not_stored")};
  views::Table t;
  t.title = ctx.t("letters.templates");
  t.title_hidden = true;
  t.columns = {ctx.t("letters.col_letter"), ctx.t("letters.col_to"), ctx.t("letters.col_about")};
  for (const auto& [kind, code] : domain::kLetterKinds) {
    const std::string c(code);
    t.rows.push_back({{ctx.t("letter." + c), letters_href(v->id, "/" + c), "", "", true},
                      {label_of(ctx, "network_kind.", domain::kNetworkKinds, domain::letter_template(kind).recipient)},
                      {ctx.t("letter." + c + ".about")}});
  }
  page.tables.push_back(std::move(t));
  page.actions.push_back({ctx.t("work.back", {{"code", v->code}}), client_href(v->id), true});
  return page_response(ctx, page.heading, page);
}

Response get_letter(Ctx& ctx) {
  auto v = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
  if (!v) return page_error(ctx, v.error());
  auto kind = services::letter_kind(ctx.param("letter"));
  if (!kind) return page_error(ctx, kind.error());
  auto page = letter_page(ctx, *v, *kind, nullptr);
  return page_response(ctx, page.heading, page);
}

Response post_letter(Ctx& ctx) {
  auto kind = services::letter_kind(ctx.param("letter"));
  const domain::LetterValues values = kind ? values_of(*ctx.form, *kind) : domain::LetterValues{};
  auto letter = services::letter(ctx.s, *ctx.actor, ctx.param("id"), ctx.param("letter"), values);
  if (letter) {
    return letter_pdf(ctx, *letter);
  }
  if (is_refusal(letter.error()) || !kind) return page_error(ctx, letter.error());
  auto v = services::copy_client(ctx.s, *ctx.actor, ctx.param("id"));
  if (!v) return page_error(ctx, v.error());
  auto page = letter_page(ctx, *v, *kind, &*ctx.form);
  return page_with_errors(ctx, page, letter.error());
}

}  // namespace

void register_letter_routes(Router& router) {
  router.add({"GET", "/clients/{id}/letters", Permission::kRecordWork, RouteKind::kPage, get_letters});
  router.add({"GET", "/clients/{id}/letters/{letter}", Permission::kRecordWork, RouteKind::kPage, get_letter});
  router.add({"POST", "/clients/{id}/letters/{letter}", Permission::kRecordWork, RouteKind::kPage, post_letter});
}

}  // namespace ombud::http
