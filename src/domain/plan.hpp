// src/domain/plan.hpp
//
// The client's action plan (handlingsplan): goals in the client's own words, each broken into small
// steps with who does what by when. By default one goal is active at a time (the operation can
// allow more), so that the work stays with what the client chose first.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::domain {

enum class GoalStatus { kActive, kAchieved, kChanged, kDropped };
inline constexpr std::array<std::pair<GoalStatus, std::string_view>, 4> kGoalStatuses = {{
    {GoalStatus::kActive, "aktivt"},
    {GoalStatus::kAchieved, "uppnatt"},
    {GoalStatus::kChanged, "andrat"},  // the client set a new goal instead
    {GoalStatus::kDropped, "avbrutet"},
}};

/// Who takes a step: the client, the ombud, or someone in the client's network.
enum class StepActor { kClient, kOmbud, kNetwork };
inline constexpr std::array<std::pair<StepActor, std::string_view>, 3> kStepActors = {{
    {StepActor::kClient, "klienten"},
    {StepActor::kOmbud, "ombudet"},
    {StepActor::kNetwork, "natverket"},
}};

inline constexpr std::size_t kMaxGoalLength = 500;  // characters of a goal, in the client's words
inline constexpr std::size_t kMaxStepLength = 300;  // characters of a step
inline constexpr int kMaxStepsPerGoal = 30;

/// Whether a goal may become (or stay, when `already_active`) active while `active` goals of the
/// client are: never more than `max_active`.
bool may_be_active(int active, int max_active, bool already_active);

/// Field errors of a step: empty or too long text ("text"), a due date before `today` for a step
/// that is not done ("due"), a done date after `today` ("done").
std::vector<FieldError> validate_step(std::string_view text, const std::optional<Date>& due,
                                      const std::optional<Date>& done, Date today);

/// Field errors of a goal's text ("text").
std::vector<FieldError> validate_goal_text(std::string_view text);

}  // namespace ombud::domain
