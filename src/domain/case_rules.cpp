// src/domain/case_rules.cpp
#include "domain/case_rules.hpp"

namespace ombud::domain {

bool details_editable(CaseState s) {
  return s != CaseState::kDeclined && s != CaseState::kWithdrawn && s != CaseState::kReferredAcute;
}

bool before_orientation(CaseState s) {
  return s == CaseState::kFirstContact || s == CaseState::kAssessment || s == CaseState::kOrientation;
}

bool action_allowed(CaseState s, CaseAction a) {
  using S = CaseState;
  switch (a) {
    case CaseAction::kConfirmOwnWish: return s == S::kFirstContact;
    case CaseAction::kAssess: return s == S::kAssessment;
    // Anyone in crisis is told where to turn, even before their own wish is on record.
    case CaseAction::kReferAcute: return s == S::kFirstContact || s == S::kAssessment;
    case CaseAction::kBookOrientation:
    case CaseAction::kRecordOrientation: return s == S::kOrientation;
    case CaseAction::kSetPriorities: return s == S::kOrientation || s == S::kQueue;
    // No assignment before the orientation visit: only a queued client can be assigned.
    case CaseAction::kAssign: return s == S::kQueue;
    case CaseAction::kReassign: return s == S::kActive || s == S::kPaused;
    case CaseAction::kPause: return s == S::kActive;
    case CaseAction::kResume: return s == S::kPaused;
    case CaseAction::kWithdraw:
      return s == S::kFirstContact || s == S::kAssessment || s == S::kOrientation || s == S::kQueue ||
             s == S::kActive || s == S::kPaused;
  }
  return false;
}

std::string_view refusal_key(CaseState s, CaseAction a) {
  using S = CaseState;
  using A = CaseAction;
  if (action_allowed(s, a)) return "";
  if (s == S::kClosing) return "status.case_closing";
  if (s == S::kReferredAcute || s == S::kDeclined || s == S::kWithdrawn) return "status.case_ended";
  // What the action needs first, in the order of the lifecycle.
  const bool needs_assessment = a == A::kBookOrientation || a == A::kRecordOrientation || a == A::kSetPriorities ||
                                a == A::kAssign || a == A::kReassign || a == A::kPause || a == A::kResume;
  if (s == S::kFirstContact && (a == A::kAssess || needs_assessment)) return "status.own_wish_missing";
  if (s == S::kAssessment && needs_assessment) return "status.assessment_missing";
  switch (a) {
    case A::kConfirmOwnWish: return "status.own_wish_already";
    case A::kAssess: return "status.already_assessed";
    case A::kReferAcute: return "status.acute_before_orientation";
    case A::kBookOrientation:
    case A::kRecordOrientation: return "status.orientation_done";
    case A::kSetPriorities:
    case A::kAssign: return s == S::kOrientation ? "status.orientation_missing" : "status.already_assigned";
    case A::kReassign:
    case A::kPause:
    case A::kResume:
      if (s == S::kOrientation || s == S::kQueue) return "status.not_assigned";
      return a == A::kPause ? "status.already_paused" : a == A::kResume ? "status.not_paused" : "status.not_assigned";
    case A::kWithdraw: break;
  }
  return "status.transition_forbidden";
}

Result<CaseState> next_state(CaseState s, CaseAction a, bool accepted) {
  if (!action_allowed(s, a)) return fail(Error::conflict(std::string(refusal_key(s, a))));
  using S = CaseState;
  switch (a) {
    case CaseAction::kConfirmOwnWish: return S::kAssessment;
    case CaseAction::kAssess: return accepted ? S::kOrientation : S::kDeclined;
    case CaseAction::kReferAcute: return S::kReferredAcute;
    case CaseAction::kBookOrientation:
    case CaseAction::kSetPriorities:
    case CaseAction::kReassign: return s;
    case CaseAction::kRecordOrientation: return accepted ? S::kQueue : S::kWithdrawn;
    case CaseAction::kAssign: return S::kActive;
    case CaseAction::kPause: return S::kPaused;
    case CaseAction::kResume: return S::kActive;
    // Before the assignment the person simply withdraws; during it, the assignment ends and
    // the documentation is handed over or destroyed at closing.
    case CaseAction::kWithdraw: return (s == S::kActive || s == S::kPaused) ? S::kClosing : S::kWithdrawn;
  }
  return fail(Error::conflict("status.transition_forbidden"));
}

int age_in_year(int birth_year, Date on) {
  return static_cast<int>(on.year()) - birth_year;
}

// An operation's higher minimum age is an assessment criterion, not a bar to recording a contact.
Status check_adult(int birth_year, Date today, bool confirmed_adult, const OperationConfig& /*config*/) {
  int this_year = static_cast<int>(today.year());
  if (birth_year < this_year - 120 || birth_year > this_year) {
    return fail(Error::field("birth_year", "contact.birth_year_invalid"));
  }
  int age = age_in_year(birth_year, today);
  if (age < 18) return fail(Error::field("birth_year", "contact.under_18"));
  if (age == 18 && !confirmed_adult) return fail(Error::field("confirmed_adult", "contact.confirm_adult"));
  return {};
}

std::vector<DeclineReason> failed_criteria(const OperationConfig& config, const CaseFacts& facts, const Criteria& c,
                                           Date today) {
  std::vector<DeclineReason> out;
  int age = age_in_year(facts.birth_year, today);
  if (age < config.min_age || (config.max_age && age > *config.max_age)) out.push_back(DeclineReason::kAge);
  if (!facts.member_municipality) out.push_back(DeclineReason::kMunicipality);
  if (c.significant_disability == false || c.complex_needs == false) {
    out.push_back(DeclineReason::kOutsideTargetGroup);
  }
  if (config.require_own_will && c.own_will == false) out.push_back(DeclineReason::kNoOwnWill);
  if (config.exclude_substance_abuse && c.no_substance_abuse == false) out.push_back(DeclineReason::kSubstanceAbuse);
  return out;
}

Status check_assessment(const OperationConfig& config, const CaseFacts& facts, const Criteria& c,
                        AssessmentOutcome outcome, std::optional<DeclineReason> reason, Date today) {
  std::vector<FieldError> errors;
  if (outcome == AssessmentOutcome::kReferredAcute) return {};
  if (!c.significant_disability) errors.push_back({"significant_disability", "field.required"});
  if (!c.complex_needs) errors.push_back({"complex_needs", "field.required"});
  if (config.require_own_will && !c.own_will) errors.push_back({"own_will", "field.required"});
  if (config.exclude_substance_abuse && !c.no_substance_abuse)
    errors.push_back({"no_substance_abuse", "field.required"});
  if (outcome == AssessmentOutcome::kDeclined && !reason) errors.push_back({"reason", "assessment.reason_required"});
  // An acute need is met by an acute referral, not by a no: one concept, one outcome.
  if (outcome == AssessmentOutcome::kDeclined && reason == DeclineReason::kAcuteNeed) {
    errors.push_back({"reason", "assessment.acute_is_referral"});
  }
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  if (outcome == AssessmentOutcome::kInTargetGroup && !failed_criteria(config, facts, c, today).empty()) {
    return fail(Error::field("outcome", "assessment.criteria_not_met"));
  }
  return {};
}

}  // namespace ombud::domain
