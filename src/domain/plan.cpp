// src/domain/plan.cpp
#include "domain/plan.hpp"

#include <chrono>

#include "core/text.hpp"

namespace ombud::domain {

namespace {

void check_text(std::string_view text, std::size_t max, const char* too_long, std::vector<FieldError>& errors) {
  std::string_view t = trim(text);
  if (t.empty()) {
    errors.push_back({"text", "field.required"});
  } else if (!is_clean_utf8(t, true)) {
    errors.push_back({"text", "field.invalid"});
  } else if (utf8_length(t) > max) {
    errors.push_back({"text", too_long});
  }
}

}  // namespace

bool may_be_active(int active, int max_active, bool already_active) {
  return already_active ? active <= max_active : active < max_active;
}

std::vector<FieldError> validate_step(std::string_view text, const std::optional<Date>& due,
                                      const std::optional<Date>& done, Date today) {
  std::vector<FieldError> errors;
  check_text(text, kMaxStepLength, "plan.step_too_long", errors);
  using std::chrono::sys_days;
  if (due && !done && sys_days{*due} < sys_days{today}) errors.push_back({"due", "plan.step_due_past"});
  if (done && sys_days{*done} > sys_days{today}) errors.push_back({"done", "date.in_future"});
  return errors;
}

std::vector<FieldError> validate_goal_text(std::string_view text) {
  std::vector<FieldError> errors;
  check_text(text, kMaxGoalLength, "plan.goal_too_long", errors);
  return errors;
}

}  // namespace ombud::domain
