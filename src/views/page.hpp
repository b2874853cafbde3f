// src/views/page.hpp
//
// One page model for the working pages: heading, error summary, callouts, lead text, a list of
// facts, action links, forms built from controls, and tables. templates/page.tpl places them in
// that order; the field templates give every control its label, hint and error, tied together
// with aria-describedby, so each form is accessible in the same way.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "views/pages.hpp"

namespace ombud::views {

struct Option {
  std::string value;
  std::string label;
  bool selected = false;
};

struct Control {
  // kPassword is a text field whose value is never sent back to the browser.
  enum class Kind { kText, kNumber, kPassword, kTextarea, kSelect, kRadios, kCheckboxes, kCheckbox, kGroup };
  Kind kind = Kind::kText;
  std::string name;
  std::string id;  // defaults to name
  std::string label;
  std::string hint;
  std::string value;  // text value; for a single checkbox the submitted value
  std::string error;  // translated
  std::string autocomplete;
  std::string inputmode;
  std::string width;  // "4", "10", "20" characters, or "" for full width
  bool required = false;
  bool optional_mark = false;     // show "(frivilligt)"
  bool checked = false;           // single checkbox
  std::vector<Option> options;    // select, radios, checkboxes (selected = checked)
  std::vector<Control> children;  // a group (fieldset)

  const std::string& key() const { return id.empty() ? name : id; }
};

struct Link {
  std::string label;
  std::string href;
  bool secondary = false;
  bool danger = false;  // leads to a step that cannot be undone: drawn unlike the others
};

struct FormBlock {
  std::string heading;  // an h2 over the form, optional
  std::string lead;
  std::string method = "post";
  std::string action;
  std::string submit;
  bool secondary_button = false;
  bool danger_button = false;  // the submit does what cannot be undone
  bool after_tables = false;   // placed after the page's tables (changing what the tables list)
  // A second way to send the same form, e.g. "Registrera och hänvisa akut": a secondary button
  // that adds name=value to what is sent. Shown when label is set.
  struct Alternate {
    std::string name;
    std::string value;
    std::string label;
  } alternate;
  Link cancel;  // shown when label is set
  std::vector<std::pair<std::string, std::string>> hidden;
  std::vector<Control> controls;
};

struct Cell {
  std::string text;
  std::string href;         // a link when set
  std::string badge;        // a badge kind ("warning", "danger", "ok", "info") when set
  std::string note;         // a smaller second line
  bool row_header = false;  // only the first cell of a row; shows its text and link, no badge or note
  // Words a link carries for screen readers only, so that each row's link has a name of its own
  // ("Tilldela ombud till K-2026-017" where the screen shows "Tilldela ombud").
  std::string link_context = {};
};

struct Table {
  std::string title;
  bool title_hidden = false;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::string empty_text;  // shown instead of the table when there are no rows
};

/// A number to call, shown as a tap-to-call link: "0491-880 00" dialled as tel:049188000.
struct Call {
  std::string label;   // whom the number reaches
  std::string number;  // as people write it; empty when there is none to call
  std::string dial;    // the digits (and a leading +) of the tel: link
  std::string note;    // e.g. "dygnet runt"
};

struct Callout {
  std::string kind = "info";  // "info", "warning", "danger"
  std::string heading;
  std::vector<std::string> paragraphs;
  bool alert = false;
  std::vector<Call> calls;  // listed after the paragraphs
  std::string after_calls;  // a paragraph after the list of calls
  std::vector<Link> links;  // buttons at the end (secondary ones as such)
};

/// "Sida 2 av 5" between links to the pages before and after (either may be empty).
struct Pager {
  std::string label;  // the navigation's name, "Sidor"
  std::string text;
  Link previous;
  Link next;
};

struct Page {
  std::string heading;
  std::vector<FieldMessage> errors;
  std::vector<Callout> callouts;
  std::vector<std::string> lead;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<Link> actions;
  std::vector<FormBlock> forms;
  std::vector<Table> tables;
  std::optional<Pager> pager;  // after the tables
  std::vector<std::string> after;
};

std::string render_page(const Renderer& r, const Frame& frame, const Page& page);

/// Puts each field error's message on the control of that name (searching groups too).
void attach_errors(std::vector<Control>& controls, const std::vector<FieldMessage>& errors);

}  // namespace ombud::views
