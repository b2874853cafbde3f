// src/core/embedded.cpp
#include "core/embedded.hpp"

namespace ombud::core {

std::optional<std::string_view> find_embedded(std::string_view path) {
  for (const auto& f : embedded_files()) {
    if (f.path == path) return f.data;
  }
  return std::nullopt;
}

}  // namespace ombud::core
