// src/services/internal/input.cpp
#include "services/internal/input.hpp"

#include "core/text.hpp"

namespace ombud::services::internal {

// Parses a date a user gave for something that has happened: not in the future, not before
// `not_before` (the first contact). "" means today.
Date parse_past_date(const std::string& text, const char* field, Date today, std::optional<Date> not_before,
                     std::vector<FieldError>& errors) {
  std::string_view t = trim(text);
  if (t.empty()) return today;
  auto d = parse_date(t);
  if (!d) {
    errors.push_back({field, "date.invalid"});
    return today;
  }
  if (std::chrono::sys_days{*d} > std::chrono::sys_days{today}) {
    errors.push_back({field, "date.in_future"});
  } else if (not_before && std::chrono::sys_days{*d} < std::chrono::sys_days{*not_before}) {
    errors.push_back({field, "date.before_first_contact"});
  }
  return *d;
}

std::optional<bool> parse_yes_no(const std::string& v, const char* field, std::vector<FieldError>& errors) {
  if (v == "ja") return true;
  if (v == "nej") return false;
  if (!v.empty()) errors.push_back({field, "field.invalid"});
  return std::nullopt;
}

void check_text(const std::string& value, const char* field, std::size_t max_chars, bool multiline,
                std::vector<FieldError>& errors) {
  if (!is_clean_utf8(value, multiline)) {
    errors.push_back({field, "field.invalid"});
  } else if (utf8_length(value) > max_chars) {
    errors.push_back({field, "field.too_long"});
  }
}

Status invalid_if(std::vector<FieldError>& errors) {
  if (errors.empty()) return {};
  return fail(Error::invalid("error.invalid_input", std::move(errors)));
}

}  // namespace ombud::services::internal
