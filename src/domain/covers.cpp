// src/domain/covers.cpp
#include "domain/covers.hpp"

#include "core/text.hpp"

namespace ombud::domain {

bool in_force(const Cover& c, Date on) {
  if (c.ended_on && *c.ended_on <= on) return false;
  return c.starts_on <= on && on <= c.ends_on;
}

std::vector<FieldError> validate_cover(const Cover& c, Date today) {
  std::vector<FieldError> errors;
  const std::string_view reason = trim(c.reason);
  if (reason.empty()) {
    errors.push_back({"reason", "field.required"});
  } else if (!is_clean_utf8(reason, true)) {
    errors.push_back({"reason", "field.invalid"});
  } else if (utf8_length(reason) > kMaxCoverReason) {
    errors.push_back({"reason", "cover.reason_too_long"});
  }
  if (c.ends_on < today) {
    errors.push_back({"ends_on", "cover.ended"});
  } else if (days_between(today, c.ends_on) > kMaxCoverDays) {
    errors.push_back({"ends_on", "cover.too_long"});
  }
  return errors;
}

}  // namespace ombud::domain
