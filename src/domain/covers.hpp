// src/domain/covers.hpp
//
// Covering for a colleague (vikariat): the samordnare lets an ombud stand in for a client's
// primary ombud for a while, with a reason and a last day. The grant ends by itself after that
// day, or earlier when the samordnare ends it. Whom it lets read what is the access policy's
// (domain/access.hpp); the rules of a grant are here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::domain {

inline constexpr std::size_t kMaxCoverReason = 300;  // characters
inline constexpr int kMaxCoverDays = 183;            // about half a year, then a new decision

struct Cover {
  long long ombud_id = 0;
  std::string reason;
  Date starts_on;
  Date ends_on;                  // the last day it holds
  std::optional<Date> ended_on;  // ended early by the samordnare
};

/// Whether the grant lets its ombud cover on `on`.
bool in_force(const Cover& c, Date on);

/// Field errors of a new grant: no reason ("reason": "field.required"), a reason over its limit
/// or with control characters, a last day already past ("ends_on": "cover.ended") or more than
/// kMaxCoverDays ahead ("ends_on": "cover.too_long").
std::vector<FieldError> validate_cover(const Cover& c, Date today);

}  // namespace ombud::domain
