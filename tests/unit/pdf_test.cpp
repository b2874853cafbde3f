// tests/unit/pdf_test.cpp
#include "export/pdf.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/pdf_text.hpp"

namespace ombud {
namespace {

using exporter::Document;

TEST(Pdf, PrintsSwedishAsTypedAndTypedMarkupAsText) {
  Document d;
  d.title = "Min plan";
  d.footer = "Sida {page} av {pages}";
  d.title_block("Min plan – Åsa Öberg")
      .heading("Mål")
      .item("Få ordning på ekonomin och skulderna hos Kronofogden")
      .field("Vem gör vad", "<b>Åsa</b> & ombudet ringer <script>alert(1)</script>")
      .line("Underskrift");
  const auto pdf = exporter::render_pdf(d);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
  const auto r = test::read_pdf(pdf);
  EXPECT_NE(r.text.find("Min plan – Åsa Öberg"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("Få ordning på ekonomin och skulderna hos Kronofogden"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("<b>Åsa</b> & ombudet ringer <script>alert(1)</script>"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("Underskrift"), std::string::npos);
  EXPECT_NE(r.text.find("Sida 1 av 1"), std::string::npos);
  EXPECT_NE(r.info.find("Min plan"), std::string::npos) << r.info;
  EXPECT_EQ(r.pages, 1);
}

TEST(Pdf, BreaksLongDocumentsIntoNumberedPagesWithoutLosingALine) {
  Document d;
  d.footer = "Sida {page} av {pages}";
  d.base_size = 16;
  for (int i = 1; i <= 120; ++i)
    d.item("Rad nummer " + std::to_string(i) + " i kontaktloggen");
  const auto r = test::read_pdf(exporter::render_pdf(d));
  EXPECT_GE(r.pages, 3);
  for (int i = 1; i <= 120; ++i)
    EXPECT_NE(r.text.find("Rad nummer " + std::to_string(i) + " i kontaktloggen"), std::string::npos) << i;
  EXPECT_NE(r.text.find("Sida " + std::to_string(r.pages) + " av " + std::to_string(r.pages)), std::string::npos);
}

TEST(Pdf, KeepsAHeadingWithTheTextAfterIt) {
  Document d;
  // Fill the first page up to its last line or two, then a heading: it must move to page two.
  for (int i = 0; i < 36; ++i)
    d.text("Fyllnad " + std::to_string(i));
  d.heading("Nätverket");
  d.text("Försäkringskassan handlägger sjukersättningen.");
  const auto r = test::read_pdf(exporter::render_pdf(d));
  ASSERT_EQ(r.pages, 2) << r.text;
  const auto page_break = r.text.find('\f');
  EXPECT_GT(r.text.find("Nätverket"), page_break);
  EXPECT_GT(r.text.find("Försäkringskassan"), page_break);
}

TEST(Pdf, KeepsTheSignatureLinesTogether) {
  // However full the page before them, the heading and the lines to sign on share one page.
  for (int filler = 20; filler < 45; ++filler) {
    Document d;
    for (int i = 0; i < filler; ++i)
      d.text("Fyllnad " + std::to_string(i));
    d.heading("Underskrift").line("Ort och datum").line("Namnteckning").line("Namnförtydligande");
    const auto r = test::read_pdf(exporter::render_pdf(d));
    auto page_of = [&](const char* text) {
      const auto at = r.text.find(text);
      return std::count(r.text.begin(), r.text.begin() + static_cast<std::ptrdiff_t>(at), '\f');
    };
    EXPECT_EQ(page_of("Underskrift"), page_of("Namnförtydligande")) << filler << " lines before";
    EXPECT_EQ(page_of("Ort och datum"), page_of("Namnförtydligande")) << filler << " lines before";
  }
}

}  // namespace
}  // namespace ombud
