// src/domain/case_rules.hpp
//
// The rules of a case from first contact to an active assignment: which transitions the
// lifecycle allows (domain.md (c)), who counts as an adult, and what a target-group assessment
// must satisfy. Pure functions; the services apply them inside transactions.
#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/operation_config.hpp"
#include "domain/vocabulary.hpp"

namespace ombud::domain {

enum class CaseAction {
  kConfirmOwnWish,     // the person has said they want PO themselves
  kAssess,             // a target-group assessment: in target group or declined
  kReferAcute,         // acute need: referred to socialjour, psychiatric emergency, 112
  kBookOrientation,    // book or re-book the orientation visit
  kRecordOrientation,  // the visit was held; the client decides
  kSetPriorities,      // mark the priority groups that apply
  kAssign,             // the first primary ombud
  kReassign,           // another primary ombud, with a reason
  kPause,
  kResume,
  kWithdraw,  // the client withdraws (before the assignment) or ends it (during)
};

/// Whether the lifecycle allows the action in the state.
bool action_allowed(CaseState state, CaseAction action);

/// Why the lifecycle refuses the action in the state, as a message key that names what is missing
/// or already done ("status.own_wish_missing", "status.orientation_missing", "status.case_ended",
/// …), so a page and the API can say it; "" when the action is allowed.
std::string_view refusal_key(CaseState state, CaseAction action);

/// The state after an action; kConflict with refusal_key() when not allowed.
/// `accepted` matters for kAssess (in target group or not) and kRecordOrientation (whether the
/// client wants an ombud after the visit).
Result<CaseState> next_state(CaseState state, CaseAction action, bool accepted = true);

/// Whether a case in this state has details to correct (not one that ended before an assignment).
bool details_editable(CaseState state);

/// The states in which the case waits for the orientation visit deadline to be met.
bool before_orientation(CaseState state);

/// Age reached in the year of `on`: birth years only are stored.
int age_in_year(int birth_year, Date on);

/// Checks a birth year for a new case. Under the operation's minimum age (18 by law) no case may be
/// created at all ("contact.under_18"). In the year a person turns 18, `confirmed_adult` must say
/// the birthday has passed ("contact.confirm_adult").
Status check_adult(int birth_year, Date today, bool confirmed_adult, const OperationConfig& config);

/// The assessor's answers to the target-group criteria.
struct Criteria {
  std::optional<bool> significant_disability;  // betydande psykisk funktionsnedsättning, stora svårigheter i vardagen
  std::optional<bool> complex_needs;           // sammansatta behov, flera myndigheter
  std::optional<bool> own_will;                // egen vilja till förändring (when configured)
  std::optional<bool> no_substance_abuse;      // inte i ett aktivt missbruk (when configured)
};

struct CaseFacts {
  int birth_year = 0;
  bool member_municipality = true;
};

/// The reasons the criteria and the facts give for declining; empty when the person is in the
/// target group.
std::vector<DeclineReason> failed_criteria(const OperationConfig& config, const CaseFacts& facts,
                                           const Criteria& criteria, Date today);

/// Validates an assessment: every configured criterion answered; "in target group" only when no
/// criterion fails; a declined outcome has a reason. Field errors name the form fields.
Status check_assessment(const OperationConfig& config, const CaseFacts& facts, const Criteria& criteria,
                        AssessmentOutcome outcome, std::optional<DeclineReason> reason, Date today);

/// How a person who made the first contact themselves expressed their own wish: by phone, in
/// person at a visit, or in writing (sms, e-mail, letter, the web form).
inline OwnWishWay own_wish_way(Channel channel) {
  switch (channel) {
    case Channel::kPhone: return OwnWishWay::kPhone;
    case Channel::kVisit: return OwnWishWay::kInPerson;
    default: return OwnWishWay::kInWriting;
  }
}

}  // namespace ombud::domain
