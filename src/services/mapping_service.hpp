// src/services/mapping_service.hpp
//
// The needs mapping (kartläggning): the client's situation in each life area the operation
// configures, in the client's own words, and whether the client wants help there. Only the
// client's ombud reaches it (CaseNeed::kWork). The words are sealed with the client's key; that
// help is wanted with an area feeds one de-identified statistics event per client and area.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct NeedView {
  std::string area;   // the life area's key
  std::string label;  // its label in the rules; the key for an area the rules no longer list
  std::string words;  // the client's own words; "" when none
  bool wants_help = false;
  int version = 0;  // 0 while nothing is recorded for the area
};

struct NeedsMapping {
  std::vector<NeedView> areas;  // the configured areas in order, then any recorded area no longer configured
  std::optional<UnixSeconds> updated_at;
  int wanted() const {
    int n = 0;
    for (const auto& a : areas)
      n += a.wants_help ? 1 : 0;
    return n;
  }
};

Result<NeedsMapping> needs_mapping(const Services& s, const Actor& actor, const std::string& client_id);

struct NeedInput {
  std::string area;
  std::string words;
  bool wants_help = false;
  int version = 0;  // the version the form showed (0 for an area with nothing recorded)
};

/// Saves the areas given, in one transaction. An area that changed since the form was read is
/// refused ("mapping.changed") and nothing is saved; an unknown area or words over the limit are
/// field errors ("areas.<key>.words").
Result<NeedsMapping> save_needs_mapping(const Services& s, const Actor& actor, const std::string& client_id,
                                        const std::vector<NeedInput>& areas);

}  // namespace ombud::services
