// src/views/page.cpp
#include "views/page.hpp"

#include <ctemplate/template.h>

#include "views/page_frame.hpp"
#include "views/renderer.hpp"

namespace ombud::views {

namespace {

// A table's rows, written here rather than through a template dictionary per cell: filling and
// expanding one dictionary per cell cost about 2.3 µs a row (BM_RenderStartOmbud), more than the
// query behind the row. Every value is escaped; a link goes only to a path of this application.
std::string table_rows(const Table& t) {
  std::string out;
  out.reserve(t.rows.size() * 256);
  for (const auto& row : t.rows) {
    out += "<tr role=\"row\">";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Cell& cell = row[i];
      const bool link = !cell.href.empty() && cell.href.front() == '/';
      const auto open_link = [&] {
        out += "<a href=\"";
        append_html_escaped(out, cell.href);
        out += "\">";
      };
      if (cell.row_header) {
        out += "<th scope=\"row\" role=\"rowheader\">";
        if (link) open_link();
        append_html_escaped(out, cell.text);
        if (link) out += "</a>";
        out += "</th>";
        continue;
      }
      // The column's name, shown before the value where a row is laid out as a card (app.css).
      out += "<td role=\"cell\" data-label=\"";
      if (i < t.columns.size()) append_html_escaped(out, t.columns[i]);
      out += "\">";
      if (!cell.badge.empty()) {
        out += "<span class=\"badge badge-";
        append_html_escaped(out, cell.badge);
        out += "\">";
        append_html_escaped(out, cell.text);
        out += "</span>";
      } else if (link) {
        open_link();
        append_html_escaped(out, cell.text);
        if (!cell.link_context.empty()) {
          out += "<span class=\"visually-hidden\"> ";
          append_html_escaped(out, cell.link_context);
          out += "</span>";
        }
        out += "</a>";
      } else {
        append_html_escaped(out, cell.text);
      }
      if (!cell.note.empty()) {
        out += "<span class=\"cell-note\">";
        append_html_escaped(out, cell.note);
        out += "</span>";
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  return out;
}

void add_control(const Renderer& r, Lang lang, ctemplate::TemplateDictionary& parent, const Control& c);

void fill_common(const Renderer& r, Lang lang, ctemplate::TemplateDictionary& d, const Control& c) {
  const std::string& id = c.key();
  d.SetValue("ID", id);
  d.SetValue("NAME", c.name);
  d.SetValue("LABEL", c.label);
  if (c.optional_mark) d.SetValueAndShowSection("TEXT", r.t(lang, "form.optional"), "OPTIONAL");
  std::string described;
  if (!c.hint.empty()) {
    d.SetValueAndShowSection("TEXT", c.hint, "HINT");
    described = id + "-hint";
  }
  if (!c.error.empty()) {
    d.SetValueAndShowSection("MESSAGE", c.error, "ERROR");
    described += (described.empty() ? "" : " ") + id + "-error";
  }
  if (!described.empty()) d.SetValueAndShowSection("IDS", described, "DESCRIBED");
  if (c.required) d.ShowSection("REQUIRED");
}

void add_control(const Renderer& r, Lang lang, ctemplate::TemplateDictionary& parent, const Control& c) {
  auto* section = parent.AddSectionDictionary("CONTROL");
  auto* d = section->AddIncludeDictionary("FIELD");
  using K = Control::Kind;
  switch (c.kind) {
    case K::kText:
    case K::kNumber:
    case K::kPassword: {
      d->SetFilename(Renderer::key(lang, "field_input"));
      fill_common(r, lang, *d, c);
      d->SetValue("TYPE", c.kind == K::kPassword ? "password" : "text");
      d->SetValue("VALUE", c.kind == K::kPassword ? std::string() : c.value);
      if (!c.width.empty()) d->SetValueAndShowSection("SIZE", c.width, "WIDTH");
      if (!c.autocomplete.empty()) d->SetValueAndShowSection("VALUE", c.autocomplete, "AUTOCOMPLETE");
      std::string mode = c.kind == K::kNumber ? "numeric" : c.inputmode;
      if (!mode.empty()) d->SetValueAndShowSection("VALUE", mode, "INPUTMODE");
      break;
    }
    case K::kTextarea:
      d->SetFilename(Renderer::key(lang, "field_textarea"));
      fill_common(r, lang, *d, c);
      d->SetValue("VALUE", c.value);
      break;
    case K::kSelect:
      d->SetFilename(Renderer::key(lang, "field_select"));
      fill_common(r, lang, *d, c);
      for (const auto& o : c.options) {
        auto* opt = d->AddSectionDictionary("OPTION");
        opt->SetValue("VALUE", o.value);
        opt->SetValue("LABEL", o.label);
        if (o.selected) opt->ShowSection("SELECTED");
      }
      break;
    case K::kRadios:
    case K::kCheckboxes: {
      d->SetFilename(Renderer::key(lang, "field_choices"));
      fill_common(r, lang, *d, c);
      int i = 0;
      for (const auto& o : c.options) {
        auto* choice = d->AddSectionDictionary("CHOICE");
        // The first choice carries the field's id, so the error summary can link to it.
        choice->SetValue("CHOICE_ID", i == 0 ? c.key() : c.key() + "-" + std::to_string(i + 1));
        choice->SetValue("TYPE", c.kind == K::kRadios ? "radio" : "checkbox");
        choice->SetValue("NAME", c.name);
        choice->SetValue("VALUE", o.value);
        choice->SetValue("LABEL", o.label);
        if (o.selected) choice->ShowSection("CHECKED");
        if (!c.error.empty()) choice->ShowSection("INVALID");
        ++i;
      }
      break;
    }
    case K::kCheckbox:
      d->SetFilename(Renderer::key(lang, "field_checkbox"));
      fill_common(r, lang, *d, c);
      d->SetValue("VALUE", c.value.empty() ? "1" : c.value);
      if (c.checked) d->ShowSection("CHECKED");
      break;
    case K::kGroup:
      d->SetFilename(Renderer::key(lang, "field_group"));
      d->SetValue("LABEL", c.label);
      if (!c.hint.empty()) d->SetValueAndShowSection("TEXT", c.hint, "HINT");
      for (const auto& child : c.children)
        add_control(r, lang, *d, child);
      break;
  }
}

bool attach(std::vector<Control>& controls, const FieldMessage& e) {
  for (auto& c : controls) {
    if (c.kind == Control::Kind::kGroup) {
      if (attach(c.children, e)) return true;
    } else if (c.key() == e.field || c.name == e.field) {
      if (c.error.empty()) c.error = e.message;
      return true;
    }
  }
  return false;
}

}  // namespace

void attach_errors(std::vector<Control>& controls, const std::vector<FieldMessage>& errors) {
  for (const auto& e : errors) {
    if (!e.field.empty()) attach(controls, e);
  }
}

std::string render_page(const Renderer& r, const Frame& frame, const Page& page) {
  ctemplate::TemplateDictionary dict("page");
  auto* body = begin_page(r, frame, dict, "page");
  body->SetValue("HEADING", page.heading);
  add_error_summary(r, frame.lang, *body, page.errors);
  for (const auto& c : page.callouts) {
    auto* d = body->AddSectionDictionary("CALLOUT");
    d->SetValue("KIND", c.kind);
    if (c.alert) d->ShowSection("ALERT");
    if (!c.heading.empty()) d->SetValueAndShowSection("TEXT", c.heading, "CALLOUT_HEADING");
    for (const auto& p : c.paragraphs)
      d->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", p);
    if (!c.calls.empty()) {
      auto* calls = d->AddSectionDictionary("CALLS");
      for (const auto& call : c.calls) {
        auto* item = calls->AddSectionDictionary("CALL");
        item->SetValue("LABEL", call.label);
        if (!call.dial.empty()) {
          auto* tel = item->AddSectionDictionary("TEL");
          tel->SetValue("DIAL", call.dial);
          tel->SetValue("NUMBER", call.number);
        }
        if (!call.note.empty()) item->SetValueAndShowSection("TEXT", call.note, "NOTE");
      }
    }
    if (!c.after_calls.empty()) d->AddSectionDictionary("PARAGRAPH_AFTER")->SetValue("TEXT", c.after_calls);
    for (const auto& l : c.links) {
      auto* link = d->AddSectionDictionary("CALLOUT_LINK");
      link->SetValue("LABEL", l.label);
      link->SetValue("HREF", l.href);
      if (l.secondary) link->ShowSection("SECONDARY");
    }
  }
  for (const auto& p : page.lead)
    body->AddSectionDictionary("LEAD")->SetValue("TEXT", p);
  if (!page.facts.empty()) {
    auto* facts = body->AddSectionDictionary("FACTS");
    for (const auto& [term, value] : page.facts) {
      auto* f = facts->AddSectionDictionary("FACT");
      f->SetValue("TERM", term);
      f->SetValue("VALUE", value);
    }
  }
  if (!page.actions.empty()) {
    auto* actions = body->AddSectionDictionary("ACTIONS");
    for (const auto& a : page.actions) {
      auto* d = actions->AddSectionDictionary("ACTION");
      d->SetValue("LABEL", a.label);
      d->SetValue("HREF", a.href);
      if (a.secondary) d->ShowSection("SECONDARY");
      if (a.danger) d->ShowSection("DANGER");
    }
  }
  int form_number = 0;
  for (const auto& f : page.forms) {
    // A form is placed before the tables, or after them when the list is what the page is about.
    auto* d = body->AddSectionDictionary(f.after_tables ? "FORM_AFTER" : "FORM")->AddIncludeDictionary("FORM_BLOCK");
    d->SetFilename(Renderer::key(frame.lang, "form_block"));
    ++form_number;
    if (!f.heading.empty()) {
      auto* h = d->AddSectionDictionary("FORM_HEADING");
      h->SetValue("ID", "form-" + std::to_string(form_number));
      h->SetValue("TEXT", f.heading);
    }
    if (!f.lead.empty()) d->SetValueAndShowSection("TEXT", f.lead, "FORM_LEAD");
    d->SetValue("METHOD", f.method);
    d->SetValue("ACTION", f.action);
    d->SetValue("SUBMIT", f.submit);
    if (f.secondary_button) d->ShowSection("SECONDARY_BUTTON");
    if (f.danger_button) d->ShowSection("DANGER_BUTTON");
    if (!f.alternate.label.empty()) {
      auto* a = d->AddSectionDictionary("ALTERNATE");
      a->SetValue("NAME", f.alternate.name);
      a->SetValue("VALUE", f.alternate.value);
      a->SetValue("LABEL", f.alternate.label);
    }
    if (f.method == "post" && frame.viewer) {
      d->SetValueAndShowSection("CSRF", frame.viewer->csrf_token, "CSRF_FIELD");
    }
    for (const auto& [name, value] : f.hidden) {
      auto* h = d->AddSectionDictionary("HIDDEN");
      h->SetValue("NAME", name);
      h->SetValue("VALUE", value);
    }
    for (const auto& c : f.controls)
      add_control(r, frame.lang, *d, c);
    if (!f.cancel.label.empty()) {
      auto* c = d->AddSectionDictionary("CANCEL");
      c->SetValue("HREF", f.cancel.href);
      c->SetValue("LABEL", f.cancel.label);
    }
  }
  int table_number = 0;
  for (const auto& t : page.tables) {
    auto* d = body->AddSectionDictionary("TABLE");
    d->SetValue("ID", "table-" + std::to_string(++table_number));
    d->SetValue("TITLE", t.title);
    if (t.title_hidden) d->ShowSection("VISUALLY_HIDDEN");
    if (t.rows.empty()) {
      d->SetValueAndShowSection("TEXT", t.empty_text, "EMPTY");
      continue;
    }
    auto* rows = d->AddSectionDictionary("ROWS");
    for (const auto& col : t.columns)
      rows->AddSectionDictionary("COLUMN")->SetValue("TEXT", col);
    rows->SetValue("BODY_ROWS", table_rows(t));
  }
  if (page.pager) {
    auto* p = body->AddSectionDictionary("PAGER");
    p->SetValue("LABEL", page.pager->label);
    p->SetValue("TEXT", page.pager->text);
    for (const auto& [link, section] : {std::pair{&page.pager->previous, "PREVIOUS"}, {&page.pager->next, "NEXT"}}) {
      if (link->href.empty()) continue;
      auto* l = p->AddSectionDictionary(section);
      l->SetValue("HREF", link->href);
      l->SetValue("LABEL", link->label);
    }
  }
  for (const auto& p : page.after)
    body->AddSectionDictionary("AFTER")->SetValue("TEXT", p);
  return r.expand(frame.lang, "layout", dict);
}

}  // namespace ombud::views
