// src/export/pdf.cpp
//
// Lays a Document out in two passes: every block becomes one or more pango layouts, measured line
// by line and placed on pages (a heading or a label is kept with what follows it); then the lines
// are drawn page by page with the footer, which needs the number of pages.
#include "export/pdf.hpp"

#include <cairo.h>

#include <memory>
#include <stdexcept>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace ombud::exporter {

namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;  // 20 mm
constexpr double kFootRoom = 62.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr const char* kFamily = "DejaVu Sans";

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;

// One laid-out paragraph: a layout (or none, for a gap or a line to write on) and how it sits.
struct Para {
  LayoutPtr layout;
  const char* tag = "P";
  double before = 0;  // space above, dropped at the top of a page
  double after = 0;
  double indent = 0;
  double height = 0;  // a paragraph without a layout takes this much room
  bool keep_with_next = false;
  bool bullet = false;
  bool rule = false;  // draws a line to write on at its foot
  double grey = 0;
};

struct Line {
  PangoLayoutLine* line = nullptr;  // owned by its paragraph's layout
  double top = 0;                   // from the layout's top
  double baseline = 0;
  double height = 0;
};

struct Placed {
  int page = 0;
  std::size_t para = 0;
  double x = 0;
  double baseline = 0;
  PangoLayoutLine* line = nullptr;  // none for a rule
  bool first = false;
  bool last = false;
};

std::vector<Line> lines_of(PangoLayout* layout) {
  std::vector<Line> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    Line l;
    l.line = pango_layout_iter_get_line_readonly(it);
    l.top = pango_units_to_double(logical.y);
    l.height = pango_units_to_double(logical.height);
    l.baseline = pango_units_to_double(pango_layout_iter_get_baseline(it));
    out.push_back(l);
  } while (pango_layout_iter_next_line(it) != 0);
  pango_layout_iter_free(it);
  return out;
}

class Writer {
 public:
  explicit Writer(const Document& doc) : doc_(doc) {
    surface_ = cairo_pdf_surface_create_for_stream(write, &bytes_, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "ombud");
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() {
    paras_.clear();
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  std::string run() {
    build();
    place();
    draw();
    cairo_surface_finish(surface_);
    const cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(status));
    return std::move(bytes_);
  }

 private:
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  LayoutPtr layout(const std::string& text, double size, bool bold, double width) {
    LayoutPtr l(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(l.get(), pango_units_from_double(width));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(l.get(), pango_units_from_double(size * 0.25));
    // As text: a user's "<b>" or "&amp;" is printed as typed.
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    return l;
  }

  void add(Para p) { paras_.push_back(std::move(p)); }

  void build() {
    const double b = doc_.base_size;
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& block = doc_.blocks[i];
      const bool next_is_line = i + 1 < doc_.blocks.size() && doc_.blocks[i + 1].kind == Block::Kind::kLine;
      Para p;
      switch (block.kind) {
        case Block::Kind::kTitle:
          p.layout = layout(block.text, b * 1.7, true, kContentWidth);
          p.tag = "H1";
          p.after = b * 0.8;
          p.keep_with_next = true;
          break;
        case Block::Kind::kHeading:
          p.layout = layout(block.text, b * 1.3, true, kContentWidth);
          p.tag = "H2";
          p.before = b * 1.1;
          p.after = b * 0.4;
          p.keep_with_next = true;
          break;
        case Block::Kind::kText:
          p.layout = layout(block.text, b, false, kContentWidth);
          p.after = b * 0.6;
          break;
        case Block::Kind::kSmall:
          p.layout = layout(block.text, b * 0.85, false, kContentWidth);
          p.after = b * 0.5;
          p.grey = 0.3;
          break;
        case Block::Kind::kField: {
          Para label;
          label.layout = layout(block.label, b, true, kContentWidth);
          label.before = b * 0.2;
          label.keep_with_next = true;
          add(std::move(label));
          p.layout = layout(block.text.empty() ? "–" : block.text, b, false, kContentWidth - b);
          p.indent = b;
          p.after = b * 0.4;
          break;
        }
        case Block::Kind::kItem:
          p.layout = layout(block.text, b, false, kContentWidth - b * 1.4);
          p.indent = b * 1.4;
          p.bullet = true;
          p.after = b * 0.35;
          break;
        case Block::Kind::kLine: {
          Para rule;
          rule.height = b * 2.6;
          rule.rule = true;
          rule.before = b * 0.6;
          rule.keep_with_next = true;
          add(std::move(rule));
          p.layout = layout(block.label, b * 0.85, false, kContentWidth);
          p.grey = 0.3;
          p.after = b * 0.4;
          p.keep_with_next = next_is_line;  // signature lines stay together on one page
          break;
        }
        case Block::Kind::kGap: p.height = b; break;
      }
      add(std::move(p));
    }
  }

  // The room a paragraph needs before its first line can stand (with what it keeps with).
  double first_room(std::size_t i) const {
    const Para& p = paras_[i];
    double room = p.before + p.height;
    if (p.layout) {
      room = p.before + lines_of(p.layout.get()).front().height +
             pango_units_to_double(pango_layout_get_spacing(p.layout.get()));
    }
    if (p.keep_with_next && i + 1 < paras_.size()) room += p.after + first_room(i + 1);
    return room;
  }

  void place() {
    const double bottom = kPageHeight - kFootRoom;
    int page = 0;
    double y = kMargin;
    auto new_page = [&] {
      ++page;
      y = kMargin;
    };
    for (std::size_t i = 0; i < paras_.size(); ++i) {
      const Para& p = paras_[i];
      if (y > kMargin && y + first_room(i) > bottom) new_page();
      if (y > kMargin) y += p.before;
      if (!p.layout) {
        if (y + p.height > bottom) new_page();
        placed_.push_back({page, i, kMargin, y + p.height, nullptr, true, true});
        y += p.height + p.after;
        continue;
      }
      const std::vector<Line> lines = lines_of(p.layout.get());
      for (std::size_t n = 0; n < lines.size(); ++n) {
        const Line& l = lines[n];
        if (y + l.height > bottom && y > kMargin) new_page();
        placed_.push_back(
            {page, i, kMargin + p.indent, y + (l.baseline - l.top), l.line, n == 0, n + 1 == lines.size()});
        y += l.height + pango_units_to_double(pango_layout_get_spacing(p.layout.get()));
      }
      y += p.after;
    }
    pages_ = page + 1;
  }

  void footer(int page) {
    if (doc_.footer.empty()) return;
    std::string text = doc_.footer;
    auto fill = [&](const std::string& name, int value) {
      const auto at = text.find(name);
      if (at != std::string::npos) text.replace(at, name.size(), std::to_string(value));
    };
    fill("{page}", page + 1);
    fill("{pages}", pages_);
    LayoutPtr l = layout(text, doc_.base_size * 0.8, false, kContentWidth);
    pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
    cairo_move_to(cr_, kMargin, kPageHeight - kFootRoom + doc_.base_size * 1.2);
    cairo_tag_begin(cr_, "P", "");
    pango_cairo_show_layout(cr_, l.get());
    cairo_tag_end(cr_, "P");
  }

  void draw() {
    int page = 0;
    bool open = false;  // a paragraph's tag is open
    const char* open_tag = "P";
    auto close = [&] {
      if (open) cairo_tag_end(cr_, open_tag);
      open = false;
    };
    for (const Placed& at : placed_) {
      if (at.page != page) {
        close();
        footer(page);
        cairo_show_page(cr_);
        page = at.page;
      }
      const Para& p = paras_[at.para];
      if (!open) {
        open_tag = p.tag;
        cairo_tag_begin(cr_, open_tag, "");
        open = true;
      }
      cairo_set_source_rgb(cr_, p.grey, p.grey, p.grey);
      if (p.rule) {
        cairo_set_line_width(cr_, 0.8);
        cairo_move_to(cr_, at.x, at.baseline);
        cairo_line_to(cr_, at.x + kContentWidth * 0.65, at.baseline);
        cairo_stroke(cr_);
      } else if (at.line != nullptr) {
        if (p.bullet && at.first) {
          LayoutPtr dot = layout("•", doc_.base_size, false, p.indent);
          cairo_move_to(cr_, kMargin + doc_.base_size * 0.3, at.baseline);
          pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(dot.get(), 0));
        }
        cairo_move_to(cr_, at.x, at.baseline);
        pango_cairo_show_layout_line(cr_, at.line);
      }
      if (at.last) close();
    }
    close();
    footer(page);
    cairo_show_page(cr_);
  }

  const Document& doc_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::vector<Para> paras_;
  std::vector<Placed> placed_;
  int pages_ = 1;
};

}  // namespace

std::string render_pdf(const Document& doc) {
  Writer w(doc);
  return w.run();
}

}  // namespace ombud::exporter
