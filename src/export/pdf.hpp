// src/export/pdf.hpp
//
// Printed documents as PDF, made in memory with cairo and pango and never written to disk: the
// client's own copy, a fullmakt to sign, a letter written together, a reminder card. A document
// is a list of blocks laid out top to bottom on A4 pages; every text is set as text (never as
// markup), so whatever a user typed is printed as typed. Fonts are DejaVu Sans, embedded as
// subsets, so å ä ö print and copy out correctly. The blocks are tagged (headings, paragraphs,
// list items) for screen readers.
#pragma once

#include <string>
#include <vector>

namespace ombud::exporter {

struct Block {
  enum class Kind {
    kTitle,    // the document's heading
    kHeading,  // a section's heading; kept together with what follows it
    kText,     // a paragraph
    kSmall,    // a paragraph in smaller, grey type
    kField,    // a label in bold with its text below it
    kItem,     // a paragraph with a bullet
    kLine,     // a line to write on (a signature), its label under it
    kGap,      // an empty line
  };
  Kind kind = Kind::kText;
  std::string text;
  std::string label;  // kField: the label; kLine: the caption under the line
};

struct Document {
  std::string title;        // the PDF's title (its metadata)
  double base_size = 12.0;  // the size of body text in points; 16 or more for large type
  /// Printed at the foot of every page with {page} and {pages} filled in ("" for none).
  std::string footer;
  std::vector<Block> blocks;

  Document& title_block(std::string text) { return add(Block::Kind::kTitle, std::move(text)); }
  Document& heading(std::string text) { return add(Block::Kind::kHeading, std::move(text)); }
  Document& text(std::string text) { return add(Block::Kind::kText, std::move(text)); }
  Document& small(std::string text) { return add(Block::Kind::kSmall, std::move(text)); }
  Document& item(std::string text) { return add(Block::Kind::kItem, std::move(text)); }
  Document& gap() { return add(Block::Kind::kGap, ""); }
  Document& field(std::string label, std::string text) {
    blocks.push_back({Block::Kind::kField, std::move(text), std::move(label)});
    return *this;
  }
  Document& line(std::string caption) {
    blocks.push_back({Block::Kind::kLine, "", std::move(caption)});
    return *this;
  }

 private:
  Document& add(Block::Kind kind, std::string text) {
    blocks.push_back({kind, std::move(text), ""});
    return *this;
  }
};

/// The document as a PDF file's bytes. Throws std::runtime_error only when cairo fails (out of
/// memory); the bytes never contain more than the blocks say.
std::string render_pdf(const Document& doc);

}  // namespace ombud::exporter
