// tests/support/pdf_text.hpp
//
// A PDF read back as a reader would get it: its text through poppler's pdftotext and its page
// count through pdfinfo (poppler-utils), from a file in a fresh temporary directory.
#pragma once

#include <string>

namespace ombud::test {

struct PdfReading {
  std::string text;  // pdftotext's reading, in layout order
  std::string flat;  // the same with every run of white space made one space, for phrases that wrap
  std::string info;  // pdfinfo's output (Title:, Pages:, …)
  int pages = 0;
};

PdfReading read_pdf(const std::string& bytes);

}  // namespace ombud::test
