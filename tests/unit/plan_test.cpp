// tests/unit/plan_test.cpp
//
// The action plan's rules (domain/plan.hpp): how many goals may be active, and what a step needs.
#include "domain/plan.hpp"

#include <gtest/gtest.h>

namespace ombud {
namespace {

using domain::may_be_active;

const Date kToday = *parse_date("2026-11-23");

std::vector<std::string> keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors)
    out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(ActionPlan, OneActiveGoalAtATimeByDefault) {
  EXPECT_TRUE(may_be_active(0, 1, false)) << "the first goal";
  EXPECT_FALSE(may_be_active(1, 1, false)) << "a second one waits";
  EXPECT_TRUE(may_be_active(1, 1, true)) << "the active goal stays active when its text changes";
  EXPECT_TRUE(may_be_active(1, 2, false)) << "an operation may allow two";
  EXPECT_FALSE(may_be_active(2, 2, false));
}

TEST(ActionPlan, AStepNeedsTextAndADateStillToCome) {
  EXPECT_TRUE(domain::validate_step("Ringa Försäkringskassan", std::nullopt, std::nullopt, kToday).empty());
  EXPECT_TRUE(domain::validate_step("Ringa", kToday, std::nullopt, kToday).empty()) << "today is still to come";
  EXPECT_EQ(keys(domain::validate_step("  ", std::nullopt, std::nullopt, kToday)),
            std::vector<std::string>{"text:field.required"});
  EXPECT_EQ(keys(domain::validate_step("Ringa", *parse_date("2026-11-22"), std::nullopt, kToday)),
            std::vector<std::string>{"due:plan.step_due_past"});
  EXPECT_TRUE(domain::validate_step("Ringa", *parse_date("2026-11-01"), kToday, kToday).empty())
      << "a step that is done may have a date that has passed";
  EXPECT_EQ(keys(domain::validate_step(std::string(301, 'a'), std::nullopt, std::nullopt, kToday)),
            std::vector<std::string>{"text:plan.step_too_long"});
  EXPECT_EQ(keys(domain::validate_step("Ringa", std::nullopt, *parse_date("2026-11-24"), kToday)),
            std::vector<std::string>{"done:date.in_future"});
}

TEST(ActionPlan, AGoalIsTheClientsOwnWordsWithinTheLimit) {
  EXPECT_TRUE(domain::validate_goal_text("Få ordning på ekonomin").empty());
  EXPECT_EQ(keys(domain::validate_goal_text("")), std::vector<std::string>{"text:field.required"});
  EXPECT_EQ(keys(domain::validate_goal_text(std::string(501, 'a'))),
            std::vector<std::string>{"text:plan.goal_too_long"});
  EXPECT_TRUE(domain::validate_goal_text(std::string(500, 'a')).empty());
}

}  // namespace
}  // namespace ombud
