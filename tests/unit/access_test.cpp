// tests/unit/access_test.cpp
//
// The access policy (domain/access.hpp), need by need: who may see and change a case in which
// state. tests/store/access_filter_test.cpp proves the store's list filter agrees with it.
#include "domain/access.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace ombud {
namespace {

using domain::CaseNeed;
using domain::CaseState;
using domain::Principal;
using domain::Role;

constexpr long long kOp = 1;
constexpr long long kMe = 10;
constexpr long long kOther = 11;

const CaseNeed kNeeds[] = {CaseNeed::kRead,         CaseNeed::kIntake,      CaseNeed::kRecordOrientation,
                           CaseNeed::kChangeStatus, CaseNeed::kEditDetails, CaseNeed::kAssign,
                           CaseNeed::kWork};

std::string name(CaseNeed n) {
  switch (n) {
    case CaseNeed::kRead: return "read";
    case CaseNeed::kIntake: return "intake";
    case CaseNeed::kRecordOrientation: return "record_orientation";
    case CaseNeed::kChangeStatus: return "change_status";
    case CaseNeed::kEditDetails: return "edit_details";
    case CaseNeed::kAssign: return "assign";
    case CaseNeed::kWork: return "work";
  }
  return "?";
}

// The needs the principal is granted on the case.
std::set<std::string> granted(const Principal& p, const domain::CaseStanding& c) {
  std::set<std::string> out;
  for (CaseNeed n : kNeeds) {
    if (domain::may(p, c, n)) out.insert(name(n));
  }
  return out;
}

domain::CaseStanding a_case(CaseState state) {
  domain::CaseStanding c;
  c.operation_id = kOp;
  c.state = state;
  c.recorded_by = kOther;
  return c;
}

const Principal kOmbud{kMe, kOp, Role::kOmbud};
const Principal kSamordnare{kMe, kOp, Role::kSamordnare};

using Needs = std::set<std::string>;
const Needs kNone;
const Needs kOwnIntake = {"read", "intake", "change_status", "edit_details"};

TEST(AccessPolicy, TheRecorderWorksWithTheContactUntilTheVisitIsBooked) {
  for (CaseState s : {CaseState::kFirstContact, CaseState::kAssessment, CaseState::kOrientation}) {
    auto c = a_case(s);
    c.recorded_by = kMe;
    EXPECT_EQ(granted(kOmbud, c), kOwnIntake) << static_cast<int>(s);
  }
  auto booked = a_case(CaseState::kOrientation);
  booked.recorded_by = kMe;
  booked.orientation_booked = true;
  booked.orientation_ombud = {kOther, 12};
  EXPECT_EQ(granted(kOmbud, booked), kNone);
  for (CaseState s : {CaseState::kQueue, CaseState::kActive, CaseState::kDeclined, CaseState::kWithdrawn,
                      CaseState::kReferredAcute}) {
    auto c = a_case(s);
    c.recorded_by = kMe;
    EXPECT_EQ(granted(kOmbud, c), kNone) << static_cast<int>(s);
  }
}

TEST(AccessPolicy, TheOmbudBookedOnTheVisitRecordsItButNothingAfter) {
  auto c = a_case(CaseState::kOrientation);
  c.orientation_booked = true;
  c.orientation_ombud = {kMe, kOther};
  EXPECT_EQ(granted(kOmbud, c), (Needs{"read", "intake", "record_orientation", "change_status", "edit_details"}));
  c.state = CaseState::kQueue;
  EXPECT_EQ(granted(kOmbud, c), kNone);
  c.state = CaseState::kWithdrawn;
  EXPECT_EQ(granted(kOmbud, c), kNone);
}

TEST(AccessPolicy, ThePrimaryOmbudWorksWithTheAssignmentButNeverAssigns) {
  for (CaseState s : {CaseState::kActive, CaseState::kPaused, CaseState::kClosing}) {
    auto c = a_case(s);
    c.primary_ombud_id = kMe;
    EXPECT_EQ(granted(kOmbud, c), (Needs{"read", "change_status", "edit_details", "work"})) << static_cast<int>(s);
  }
  // A former primary ombud after a reassignment no longer stands in that relation.
  auto c = a_case(CaseState::kActive);
  c.primary_ombud_id = kOther;
  EXPECT_EQ(granted(kOmbud, c), kNone);
  // The primary ombud of a case that is back in the queue sees nothing of it.
  c.primary_ombud_id = kMe;
  c.state = CaseState::kQueue;
  EXPECT_EQ(granted(kOmbud, c), kNone);
}

TEST(AccessPolicy, AColleagueCoveringReadsTheCaseAndItsWorkWhileTheAssignmentRunsAndNothingMore) {
  for (CaseState s : {CaseState::kActive, CaseState::kPaused, CaseState::kClosing}) {
    auto c = a_case(s);
    c.primary_ombud_id = kOther;
    c.covering_ombud = {kMe};
    EXPECT_EQ(granted(kOmbud, c), (Needs{"read", "work"})) << static_cast<int>(s);
    EXPECT_TRUE(domain::by_cover(kOmbud, c)) << "every such access is marked";
    // The samordnare's standing does not change with a grant, and is never "by cover".
    EXPECT_FALSE(granted(kSamordnare, c).contains("work"));
    EXPECT_FALSE(domain::by_cover(kSamordnare, c));
  }
  // No running assignment, nothing to cover in.
  for (CaseState s : {CaseState::kQueue, CaseState::kDeclined, CaseState::kWithdrawn}) {
    auto c = a_case(s);
    c.primary_ombud_id = kOther;
    c.covering_ombud = {kMe};
    EXPECT_EQ(granted(kOmbud, c), kNone) << static_cast<int>(s);
  }
  // Someone else's grant lets me read nothing; my own primary case is not "by cover".
  auto theirs = a_case(CaseState::kActive);
  theirs.primary_ombud_id = kOther;
  theirs.covering_ombud = {kOther + 1};
  EXPECT_EQ(granted(kOmbud, theirs), kNone);
  auto mine = a_case(CaseState::kActive);
  mine.primary_ombud_id = kMe;
  mine.covering_ombud = {kMe};
  EXPECT_FALSE(domain::by_cover(kOmbud, mine));
  // A grant of another operation's case reaches nothing.
  auto elsewhere = a_case(CaseState::kActive);
  elsewhere.operation_id = kOp + 1;
  elsewhere.covering_ombud = {kMe};
  EXPECT_EQ(granted(kOmbud, elsewhere), kNone);
}

TEST(AccessPolicy, AnOmbudWithoutARelationSeesNothing) {
  for (auto [state, pair] : domain::kCaseStates) {
    (void)pair;
    auto c = a_case(state);
    c.orientation_booked = true;
    c.orientation_ombud = {kOther};
    c.primary_ombud_id = kOther;
    EXPECT_EQ(granted(kOmbud, c), kNone) << static_cast<int>(state);
  }
}

TEST(AccessPolicy, TheSamordnareWorksWithEveryCaseOfTheOperationOnlyButNeverReadsTheWork) {
  // What the client and the ombud write down together stays between them: no "work".
  const Needs all = {"read", "intake", "record_orientation", "change_status", "edit_details", "assign"};
  for (auto [state, code] : domain::kCaseStates) {
    auto c = a_case(state);
    EXPECT_EQ(granted(kSamordnare, c), all) << code;
    c.operation_id = kOp + 1;
    EXPECT_EQ(granted(kSamordnare, c), kNone) << code;
  }
}

TEST(AccessPolicy, NoOtherRoleEverReachesACaseEvenWhenNamedInIt) {
  for (Role r : {Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    const Principal p{kMe, kOp, r};
    for (auto [state, code] : domain::kCaseStates) {
      auto c = a_case(state);
      c.recorded_by = kMe;
      c.primary_ombud_id = kMe;
      c.orientation_ombud = {kMe};
      EXPECT_EQ(granted(p, c), kNone) << domain::role_name(r) << " " << code;
    }
  }
}

TEST(AccessPolicy, AnOmbudOfAnotherOperationSeesNothingOfACaseTheyAreNamedIn) {
  auto c = a_case(CaseState::kActive);
  c.primary_ombud_id = kMe;
  c.operation_id = kOp + 1;
  EXPECT_EQ(granted(kOmbud, c), kNone);
}

TEST(AccessPolicy, EveryNeedBelongsToADeclaredPermission) {
  for (CaseNeed n : kNeeds) {
    EXPECT_NE(domain::permission_of(n), domain::Permission::kUndeclared) << name(n);
    // The route table lets through at least every role the policy can grant the need to.
    for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
      auto c = a_case(CaseState::kOrientation);
      c.recorded_by = kMe;
      c.orientation_ombud = {kMe};
      if (domain::may(Principal{kMe, kOp, r}, c, n)) {
        EXPECT_TRUE(domain::role_allows(r, domain::permission_of(n))) << name(n);
      }
    }
  }
}

TEST(AccessPolicy, ListsAndRulesHaveTheirScopes) {
  EXPECT_EQ(domain::case_list_scope(Role::kOmbud), domain::ListScope::kOwn);
  EXPECT_EQ(domain::case_list_scope(Role::kSamordnare), domain::ListScope::kOperation);
  for (Role r : {Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    EXPECT_EQ(domain::case_list_scope(r), domain::ListScope::kNone);
  }
  EXPECT_EQ(domain::config_scope(Role::kAdmin), domain::ConfigScope::kAll);
  EXPECT_EQ(domain::config_scope(Role::kLedningsgrupp), domain::ConfigScope::kPriorities);
  for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLansstyrelse}) {
    EXPECT_EQ(domain::config_scope(r), domain::ConfigScope::kNone);
  }
}

}  // namespace
}  // namespace ombud
