// src/http/print_documents.cpp
#include "http/print_documents.hpp"

#include "http/case_views.hpp"

namespace ombud::http {

namespace {

constexpr double kLargeType = 14.0;  // the client's copy and letters: large, readable type

std::string consent_line(const Ctx& ctx, const domain::Consent& c) {
  const std::string from = date_text(c.from);
  if (c.until) return ctx.t("print.consent_period", {{"from", from}, {"until", date_text(c.until)}});
  return ctx.t("print.consent_open", {{"from", from}});
}

std::string joined_scopes(const Ctx& ctx, const domain::Consent& c) {
  std::string out;
  for (const auto scope : c.scopes) {
    if (!out.empty()) out += "\n";
    out += "– " + label_of(ctx, "consent_scope.", domain::kConsentScopes, scope);
  }
  return out;
}

void mapping_part(const Ctx& ctx, exporter::Document& d, const services::NeedsMapping& m) {
  d.heading(ctx.t("print.copy_mapping"));
  bool any = false;
  for (const auto& a : m.areas) {
    if (a.words.empty() && !a.wants_help) continue;
    any = true;
    std::string text = a.words;
    if (a.wants_help) text += (text.empty() ? "" : "\n") + ctx.t("print.copy_wants_help");
    d.field(a.label, text);
  }
  if (!any) d.text(ctx.t("print.copy_nothing"));
}

void plan_part(const Ctx& ctx, exporter::Document& d, const services::ActionPlan& plan) {
  d.heading(ctx.t("print.copy_plan"));
  if (plan.goals.empty()) d.text(ctx.t("print.copy_nothing"));
  for (const auto& g : plan.goals) {
    const std::string status = label_of(ctx, "goal_status.", domain::kGoalStatuses, g.status);
    d.field(ctx.t("print.copy_goal", {{"status", status}, {"date", date_text(g.status_on)}}), g.text);
    for (const auto& st : g.steps) {
      std::string line = st.text + "\n" + label_of(ctx, "print.actor.", domain::kStepActors, st.actor);
      if (st.done) {
        line += " · " + ctx.t("print.copy_step_done", {{"date", date_text(st.done)}});
      } else if (st.due) {
        line += " · " + ctx.t("print.copy_step_due", {{"date", date_text(st.due)}});
      }
      d.item(line);
    }
  }
}

void network_part(const Ctx& ctx, exporter::Document& d, const services::NetworkMap& map) {
  d.heading(ctx.t("print.copy_network"));
  if (map.people.empty()) d.text(ctx.t("print.copy_nothing"));
  for (const auto& p : map.people) {
    std::string text = label_of(ctx, "network_kind.", domain::kNetworkKinds, p.kind);
    if (!p.does.empty()) text += "\n" + ctx.t("print.copy_does", {{"does", p.does}});
    if (p.contact_agreed && !p.contact.empty()) text += "\n" + p.contact;
    d.field(p.name, text);
  }
}

void consents_part(const Ctx& ctx, exporter::Document& d, const std::vector<services::ConsentRecord>& consents) {
  d.heading(ctx.t("print.copy_consents"));
  d.text(ctx.t("print.copy_consents_lead"));
  if (consents.empty()) d.text(ctx.t("print.copy_nothing"));
  for (const auto& c : consents) {
    std::string text = joined_scopes(ctx, c.terms);
    if (!c.terms.matter.empty()) text += "\n" + ctx.t("print.copy_matter", {{"matter", c.terms.matter}});
    text +=
        "\n" + label_of(ctx, "consent_form.", domain::kConsentForms, c.terms.form) + ", " + consent_line(ctx, c.terms);
    if (c.state == domain::ConsentState::kRevoked) {
      text += "\n" + ctx.t("consent_state.revoked", {{"date", date_text(c.terms.revoked_on)}});
    } else if (c.state == domain::ConsentState::kExpired) {
      text += "\n" + ctx.t("consent_state.expired");
    }
    d.field(c.network_name, text);
  }
}

void log_part(const Ctx& ctx, exporter::Document& d, const services::ClientCopy& copy) {
  d.heading(ctx.t("print.copy_log"));
  if (copy.log_from) d.text(ctx.t("print.copy_log_from", {{"date", date_text(copy.log_from)}}));
  if (copy.log.empty()) d.text(ctx.t("print.copy_nothing"));
  for (const auto& e : copy.log) {
    std::string line = date_text(e.on) + " · " + label_of(ctx, "log_kind.", domain::kContactKinds, e.kind);
    if (!e.network_name.empty()) {
      line += " · " + e.network_name;
    } else if (e.counterpart != domain::Counterpart::kClientOnly) {
      line += " · " + label_of(ctx, "counterpart.", domain::kCounterparts, e.counterpart);
    }
    if (copy.notes && !e.note.empty()) line += "\n" + e.note;
    d.item(line);
  }
}

exporter::Document copy_document(const Ctx& ctx, const services::ClientCopy& copy) {
  exporter::Document d;
  d.base_size = kLargeType;
  d.title = ctx.t("print.copy_title", {{"name", copy.client.display_name()}});
  d.footer = ctx.t("print.footer");
  d.title_block(d.title);
  d.text(ctx.t("print.copy_lead"));
  if (!copy.ombud_name.empty()) d.field(ctx.t("print.copy_ombud"), copy.ombud_name);
  d.field(ctx.t("print.copy_made_on"), date_text(copy.made_on));
  for (const auto& part : copy.parts) {
    if (part == "kartlaggning") mapping_part(ctx, d, copy.mapping);
    if (part == "plan") plan_part(ctx, d, copy.plan);
    if (part == "natverk") network_part(ctx, d, copy.network);
    if (part == "samtycken") consents_part(ctx, d, copy.consents);
    if (part == "kontaktlogg") log_part(ctx, d, copy);
  }
  d.gap().small(ctx.t("print.copy_closing"));
  return d;
}

exporter::Document fullmakt_document(const Ctx& ctx, const services::FullmaktData& data) {
  const auto& c = data.consent;
  exporter::Document d;
  d.base_size = 12.5;
  d.title = ctx.t("print.fullmakt_title");
  d.footer = ctx.t("print.footer");
  d.title_block(d.title);
  d.text(ctx.t("print.fullmakt_lead", {{"who", c.network_name}}));
  d.field(ctx.t("print.fullmakt_for"),
          c.network_name + " (" + label_of(ctx, "network_kind.", domain::kNetworkKinds, c.network_kind) + ")");
  d.field(ctx.t("print.fullmakt_ombud"),
          data.ombud_name.empty() ? ctx.t("print.fullmakt_ombud_blank") : data.ombud_name);
  d.field(ctx.t("print.fullmakt_scopes"), joined_scopes(ctx, c.terms));
  d.field(ctx.t("print.fullmakt_matter"),
          c.terms.matter.empty() ? ctx.t("print.fullmakt_all_matters") : c.terms.matter);
  d.field(ctx.t("print.fullmakt_period"), consent_line(ctx, c.terms));
  d.text(ctx.t("print.fullmakt_revoke"));
  d.heading(ctx.t("print.fullmakt_signature"));
  d.line(ctx.t("print.fullmakt_place_date"));
  d.line(ctx.t("print.fullmakt_sign"));
  d.line(ctx.t("print.fullmakt_name"));
  d.line(ctx.t("print.fullmakt_pnr"));
  d.gap().small(ctx.t("print.fullmakt_note"));
  return d;
}

}  // namespace

std::string letter_field_label(const Ctx& ctx, domain::LetterKind kind, const domain::LetterField& field) {
  if (domain::is_sender_field(field.name)) return ctx.t("letter.field." + std::string(field.name));
  return ctx.t("letter." + std::string(domain::code_of(domain::kLetterKinds, kind)) + "." + std::string(field.name));
}

namespace {

exporter::Document letter_document(const Ctx& ctx, const services::LetterData& data) {
  const std::string code(domain::code_of(domain::kLetterKinds, data.kind));
  auto value = [&](std::string_view name) {
    const auto it = data.values.text.find(name);
    return it == data.values.text.end() ? std::string() : it->second;
  };
  exporter::Document d;
  d.base_size = 12.5;
  d.title = ctx.t("letter." + code);
  d.footer = ctx.t("print.footer");
  d.field(ctx.t("letter.field.to"), value("to"));
  std::string from = value("name");
  for (const char* line : {"personnummer", "address", "phone"}) {
    if (!value(line).empty()) from += "\n" + value(line);
  }
  d.field(ctx.t("print.letter_from"), from);
  d.field(ctx.t("print.letter_date"), date_text(data.made_on));
  d.title_block(d.title);
  d.text(ctx.t("letter." + code + ".opening"));
  for (const auto& f : domain::letter_template(data.kind).fields) {
    std::string text;
    if (f.kind == domain::LetterField::Kind::kChoices) {
      const auto it = data.values.choices.find(f.name);
      if (it == data.values.choices.end()) continue;
      for (const auto& option : it->second) {
        if (!text.empty()) text += "\n";
        text += "– " + ctx.t("letter.option." + option);
      }
    } else {
      text = value(f.name);
    }
    if (text.empty()) continue;
    d.field(letter_field_label(ctx, data.kind, f), text);
  }
  d.text(ctx.t("print.letter_closing"));
  d.heading(ctx.t("print.fullmakt_signature"));
  d.line(ctx.t("print.fullmakt_place_date"));
  d.line(ctx.t("print.fullmakt_sign"));
  d.line(ctx.t("print.fullmakt_name"));
  if (value("personnummer").empty()) d.line(ctx.t("print.fullmakt_pnr"));
  return d;
}

exporter::Document reminder_card_document(const Ctx& ctx, const services::ReminderCard& card) {
  const auto& a = card.appointment;
  exporter::Document d;
  d.base_size = 20.0;  // read without glasses, on a fridge door
  d.title = ctx.t("print.card_title");
  d.footer = "";
  d.title_block(d.title);
  d.field(ctx.t("print.card_when"), long_date(ctx, local_date(a.starts_at)) + "\n" +
                                        ctx.t("print.card_time", {{"from", format_local_time(a.starts_at)},
                                                                  {"until", format_local_time(a.ends_at())}}));
  std::string where = label_of(ctx, "print.card_place.", domain::kPlaces, a.place);
  if (!a.where.empty()) where += "\n" + a.where;
  d.field(ctx.t("print.card_where"), where);
  std::string who =
      card.ombud_name.empty() ? ctx.t("print.copy_ombud") : ctx.t("print.card_ombud", {{"name", card.ombud_name}});
  if (!a.who.empty()) who += "\n" + a.who;
  d.field(ctx.t("print.card_who"), who);
  d.field(ctx.t("print.card_what"), label_of(ctx, "print.card_kind.", domain::kContactKinds, a.kind));
  d.gap().text(ctx.t("print.card_cancel"));
  return d;
}

// A PDF as a download named `filename` (ASCII), never cached.
Response pdf_response(const exporter::Document& doc, const std::string& filename) {
  Response r = text_response(200, exporter::render_pdf(doc), "application/pdf");
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

Response copy_pdf(const Ctx& ctx, const services::ClientCopy& copy) {
  return pdf_response(copy_document(ctx, copy), "min-kopia-" + date_text(copy.made_on) + ".pdf");
}

Response fullmakt_pdf(const Ctx& ctx, const services::FullmaktData& data) {
  return pdf_response(fullmakt_document(ctx, data), "fullmakt-" + date_text(data.made_on) + ".pdf");
}

Response letter_pdf(const Ctx& ctx, const services::LetterData& data) {
  return pdf_response(letter_document(ctx, data), std::string(domain::code_of(domain::kLetterKinds, data.kind)) + "-" +
                                                      date_text(data.made_on) + ".pdf");
}

Response reminder_card_pdf(const Ctx& ctx, const services::ReminderCard& card) {
  return pdf_response(reminder_card_document(ctx, card),
                      "paminnelse-" + format_date(local_date(card.appointment.starts_at)) + ".pdf");
}

}  // namespace ombud::http
