// src/core/embedded.hpp
//
// Files compiled into the binary (cmake/Embed.cmake): migrations, templates, static assets and
// message catalogues. Paths are relative to the repository root, e.g. "templates/login.tpl".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ombud::core {

struct EmbeddedFile {
  std::string_view path;
  std::string_view data;
};

/// Every embedded file; defined by the generated resources library.
const std::vector<EmbeddedFile>& embedded_files();

/// The file at exactly this path, if embedded.
std::optional<std::string_view> find_embedded(std::string_view path);

}  // namespace ombud::core
