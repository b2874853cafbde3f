// tests/support/pdf_text.cpp
#include "support/pdf_text.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

namespace ombud::test {

namespace {

std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
    out.append(buf, n);
  if (pclose(pipe) != 0) throw std::runtime_error(command + " failed");
  return out;
}

}  // namespace

PdfReading read_pdf(const std::string& bytes) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ombud-pdf-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const fs::path file = dir / "doc.pdf";
  { std::ofstream(file, std::ios::binary) << bytes; }
  PdfReading r;
  try {
    r.text = run("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1");
    r.info = run("pdfinfo '" + file.string() + "' 2>&1");
  } catch (...) {
    fs::remove_all(dir);
    throw;
  }
  fs::remove_all(dir);
  for (char c : r.text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space) {
      r.flat += c;
    } else if (!r.flat.empty() && r.flat.back() != ' ') {
      r.flat += ' ';
    }
  }
  const auto at = r.info.find("Pages:");
  if (at != std::string::npos) r.pages = std::stoi(r.info.substr(at + 6));
  return r;
}

}  // namespace ombud::test
