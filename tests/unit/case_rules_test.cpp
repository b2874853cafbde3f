// tests/unit/case_rules_test.cpp
//
// The rules of a case, table by table: the lifecycle, adulthood, the target-group assessment,
// Swedish working days, the queue order and the deadline overview.
#include "domain/case_rules.hpp"

#include <map>

#include <gtest/gtest.h>

#include "domain/calendar.hpp"
#include "domain/queue.hpp"
#include "domain/statistics.hpp"

namespace ombud::domain {
namespace {

Date d(const char* s) {
  return *parse_date(s);
}

using S = CaseState;
using A = CaseAction;

// ---- The lifecycle ------------------------------------------------------------------------

struct TransitionCase {
  S from;
  A action;
  bool accepted;
  std::optional<S> to;  // nullopt: refused
};

class Lifecycle : public ::testing::TestWithParam<TransitionCase> {};

TEST_P(Lifecycle, AllowsExactlyTheTransitionsOfTheStateMachine) {
  const auto& c = GetParam();
  auto next = next_state(c.from, c.action, c.accepted);
  if (c.to) {
    ASSERT_TRUE(next) << code_of(kCaseStates, c.from);
    EXPECT_EQ(*next, *c.to);
  } else {
    ASSERT_FALSE(next) << code_of(kCaseStates, c.from);
    EXPECT_EQ(next.error().code, ErrorCode::kConflict);
    EXPECT_EQ(next.error().message_key, refusal_key(c.from, c.action));
    EXPECT_TRUE(next.error().message_key.starts_with("status.")) << next.error().message_key;
  }
}

INSTANTIATE_TEST_SUITE_P(Allowed, Lifecycle,
                         ::testing::Values(TransitionCase{S::kFirstContact, A::kConfirmOwnWish, true, S::kAssessment},
                                           TransitionCase{S::kAssessment, A::kAssess, true, S::kOrientation},
                                           TransitionCase{S::kAssessment, A::kAssess, false, S::kDeclined},
                                           TransitionCase{S::kFirstContact, A::kReferAcute, true, S::kReferredAcute},
                                           TransitionCase{S::kAssessment, A::kReferAcute, true, S::kReferredAcute},
                                           TransitionCase{S::kOrientation, A::kBookOrientation, true, S::kOrientation},
                                           TransitionCase{S::kOrientation, A::kRecordOrientation, true, S::kQueue},
                                           TransitionCase{S::kOrientation, A::kRecordOrientation, false, S::kWithdrawn},
                                           TransitionCase{S::kOrientation, A::kSetPriorities, true, S::kOrientation},
                                           TransitionCase{S::kQueue, A::kSetPriorities, true, S::kQueue},
                                           TransitionCase{S::kQueue, A::kAssign, true, S::kActive},
                                           TransitionCase{S::kActive, A::kReassign, true, S::kActive},
                                           TransitionCase{S::kPaused, A::kReassign, true, S::kPaused},
                                           TransitionCase{S::kActive, A::kPause, true, S::kPaused},
                                           TransitionCase{S::kPaused, A::kResume, true, S::kActive},
                                           TransitionCase{S::kFirstContact, A::kWithdraw, true, S::kWithdrawn},
                                           TransitionCase{S::kAssessment, A::kWithdraw, true, S::kWithdrawn},
                                           TransitionCase{S::kOrientation, A::kWithdraw, true, S::kWithdrawn},
                                           TransitionCase{S::kQueue, A::kWithdraw, true, S::kWithdrawn},
                                           TransitionCase{S::kActive, A::kWithdraw, true, S::kClosing},
                                           TransitionCase{S::kPaused, A::kWithdraw, true, S::kClosing}));

// A refusal says what is missing or already done, which the page and the API pass on.
TEST(LifecycleTable, ARefusalNamesWhatIsMissing) {
  EXPECT_EQ(refusal_key(S::kFirstContact, A::kAssess), "status.own_wish_missing");
  EXPECT_EQ(refusal_key(S::kFirstContact, A::kAssign), "status.own_wish_missing");
  EXPECT_EQ(refusal_key(S::kAssessment, A::kBookOrientation), "status.assessment_missing");
  EXPECT_EQ(refusal_key(S::kOrientation, A::kAssign), "status.orientation_missing");
  EXPECT_EQ(refusal_key(S::kActive, A::kAssign), "status.already_assigned");
  EXPECT_EQ(refusal_key(S::kQueue, A::kPause), "status.not_assigned");
  EXPECT_EQ(refusal_key(S::kPaused, A::kPause), "status.already_paused");
  EXPECT_EQ(refusal_key(S::kActive, A::kResume), "status.not_paused");
  EXPECT_EQ(refusal_key(S::kClosing, A::kPause), "status.case_closing");
  EXPECT_EQ(refusal_key(S::kDeclined, A::kWithdraw), "status.case_ended");
  EXPECT_EQ(refusal_key(S::kQueue, A::kAssign), "") << "allowed";
}

// Everything not listed above is refused; the lists are complete.
TEST(LifecycleTable, EveryOtherCombinationIsRefused) {
  const std::map<std::pair<S, A>, bool> allowed = {{{S::kFirstContact, A::kConfirmOwnWish}, true},
                                                   {{S::kAssessment, A::kAssess}, true},
                                                   {{S::kFirstContact, A::kReferAcute}, true},
                                                   {{S::kAssessment, A::kReferAcute}, true},
                                                   {{S::kOrientation, A::kBookOrientation}, true},
                                                   {{S::kOrientation, A::kRecordOrientation}, true},
                                                   {{S::kOrientation, A::kSetPriorities}, true},
                                                   {{S::kQueue, A::kSetPriorities}, true},
                                                   {{S::kQueue, A::kAssign}, true},
                                                   {{S::kActive, A::kReassign}, true},
                                                   {{S::kPaused, A::kReassign}, true},
                                                   {{S::kActive, A::kPause}, true},
                                                   {{S::kPaused, A::kResume}, true},
                                                   {{S::kFirstContact, A::kWithdraw}, true},
                                                   {{S::kAssessment, A::kWithdraw}, true},
                                                   {{S::kOrientation, A::kWithdraw}, true},
                                                   {{S::kQueue, A::kWithdraw}, true},
                                                   {{S::kActive, A::kWithdraw}, true},
                                                   {{S::kPaused, A::kWithdraw}, true}};
  int refused = 0;
  for (const auto& [state, state_code] : kCaseStates) {
    for (A a : {A::kConfirmOwnWish, A::kAssess, A::kReferAcute, A::kBookOrientation, A::kRecordOrientation,
                A::kSetPriorities, A::kAssign, A::kReassign, A::kPause, A::kResume, A::kWithdraw}) {
      bool expected = allowed.count({state, a}) != 0;
      EXPECT_EQ(action_allowed(state, a), expected) << state_code << " action " << static_cast<int>(a);
      if (!expected) {
        ++refused;
        EXPECT_NE(refusal_key(state, a), "status.transition_forbidden")
            << "every refusal names its reason: " << state_code << " action " << static_cast<int>(a);
      }
    }
  }
  EXPECT_EQ(refused, 10 * 11 - 19);
}

TEST(LifecycleTable, NoAssignmentBeforeTheOrientationVisit) {
  for (S s : {S::kFirstContact, S::kAssessment, S::kOrientation}) {
    EXPECT_FALSE(action_allowed(s, A::kAssign)) << code_of(kCaseStates, s);
  }
}

TEST(LifecycleTable, EndedCasesAllowNothing) {
  for (S s : {S::kDeclined, S::kReferredAcute, S::kWithdrawn, S::kClosing}) {
    for (A a : {A::kConfirmOwnWish, A::kAssess, A::kBookOrientation, A::kAssign, A::kPause, A::kWithdraw}) {
      EXPECT_FALSE(action_allowed(s, a)) << code_of(kCaseStates, s);
    }
  }
}

// ---- Adults only ---------------------------------------------------------------------------

struct AdultCase {
  int birth_year;
  bool confirmed;
  const char* expected_key;  // "" when accepted
};

class Adulthood : public ::testing::TestWithParam<AdultCase> {};

TEST_P(Adulthood, OnlyAdultsGetACase) {
  const auto& c = GetParam();
  auto r = check_adult(c.birth_year, d("2026-11-23"), c.confirmed, OperationConfig{});
  if (std::string(c.expected_key).empty()) {
    EXPECT_TRUE(r) << c.birth_year;
  } else {
    ASSERT_FALSE(r) << c.birth_year;
    EXPECT_EQ(r.error().fields.at(0).message_key, c.expected_key);
  }
}

INSTANTIATE_TEST_SUITE_P(Years, Adulthood,
                         ::testing::Values(AdultCase{2009, false, "contact.under_18"},  // 17 this year
                                           AdultCase{2009, true, "contact.under_18"},
                                           AdultCase{2015, false, "contact.under_18"},
                                           AdultCase{2008, false, "contact.confirm_adult"},  // turns 18 this year
                                           AdultCase{2008, true, ""}, AdultCase{2007, false, ""},
                                           AdultCase{1950, false, ""},
                                           AdultCase{1905, false, "contact.birth_year_invalid"},
                                           AdultCase{2027, false, "contact.birth_year_invalid"}));

// ---- The assessment ----------------------------------------------------------------------

Criteria yes_to_all() {
  return Criteria{true, true, true, true};
}

TEST(Assessment, AnAdultInAMemberMunicipalityWithTheNeedsIsInTheTargetGroup) {
  OperationConfig c;
  EXPECT_TRUE(failed_criteria(c, {1990, true}, yes_to_all(), d("2026-11-23")).empty());
  EXPECT_TRUE(check_assessment(c, {1990, true}, yes_to_all(), AssessmentOutcome::kInTargetGroup, std::nullopt,
                               d("2026-11-23")));
}

struct CriteriaCase {
  const char* name;
  OperationConfig config;
  CaseFacts facts;
  Criteria criteria;
  DeclineReason expected;
};

OperationConfig with_max_65() {
  OperationConfig c;
  c.max_age = 65;
  return c;
}
OperationConfig excluding_abuse() {
  OperationConfig c;
  c.exclude_substance_abuse = true;
  return c;
}
OperationConfig requiring_will() {
  OperationConfig c;
  c.require_own_will = true;
  return c;
}

class FailedCriteria : public ::testing::TestWithParam<CriteriaCase> {};

TEST_P(FailedCriteria, NameTheReasonAndForbidTheTargetGroupOutcome) {
  const auto& c = GetParam();
  auto reasons = failed_criteria(c.config, c.facts, c.criteria, d("2026-11-23"));
  ASSERT_EQ(reasons.size(), 1U) << c.name;
  EXPECT_EQ(reasons[0], c.expected) << c.name;
  auto r =
      check_assessment(c.config, c.facts, c.criteria, AssessmentOutcome::kInTargetGroup, std::nullopt, d("2026-11-23"));
  ASSERT_FALSE(r) << c.name;
  EXPECT_EQ(r.error().fields.at(0).message_key, "assessment.criteria_not_met");
  EXPECT_TRUE(
      check_assessment(c.config, c.facts, c.criteria, AssessmentOutcome::kDeclined, c.expected, d("2026-11-23")))
      << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, FailedCriteria,
    ::testing::Values(
        CriteriaCase{"over the upper age bound", with_max_65(), {1950, true}, yes_to_all(), DeclineReason::kAge},
        CriteriaCase{"lives elsewhere", OperationConfig{}, {1990, false}, yes_to_all(), DeclineReason::kMunicipality},
        CriteriaCase{"no significant disability",
                     OperationConfig{},
                     {1990, true},
                     {false, true, true, true},
                     DeclineReason::kOutsideTargetGroup},
        CriteriaCase{"no complex needs",
                     OperationConfig{},
                     {1990, true},
                     {true, false, true, true},
                     DeclineReason::kOutsideTargetGroup},
        CriteriaCase{"active substance abuse (a [002]-style rule)",
                     excluding_abuse(),
                     {1990, true},
                     {true, true, true, false},
                     DeclineReason::kSubstanceAbuse},
        CriteriaCase{"no will of their own",
                     requiring_will(),
                     {1990, true},
                     {true, true, false, true},
                     DeclineReason::kNoOwnWill}));

TEST(Assessment, SubstanceAbuseDoesNotCountWhereTheOperationDoesNotExcludeIt) {
  // Scenario 6: under [000]'s rules the case proceeds.
  EXPECT_TRUE(
      failed_criteria(OperationConfig{}, {1990, true}, {true, true, std::nullopt, false}, d("2026-11-23")).empty());
}

TEST(Assessment, EveryConfiguredCriterionMustBeAnswered) {
  auto r = check_assessment(excluding_abuse(), {1990, true}, {true, std::nullopt, std::nullopt, std::nullopt},
                            AssessmentOutcome::kInTargetGroup, std::nullopt, d("2026-11-23"));
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields)
    fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"complex_needs", "no_substance_abuse"}));
}

TEST(Assessment, ADeclineNeedsAReasonAndAnAcuteReferralNeedsNoAnswers) {
  auto r = check_assessment(OperationConfig{}, {1990, true}, yes_to_all(), AssessmentOutcome::kDeclined, std::nullopt,
                            d("2026-11-23"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).message_key, "assessment.reason_required");
  // "Hjälpen till hjälpen": declined although every criterion holds.
  EXPECT_TRUE(check_assessment(OperationConfig{}, {1990, true}, yes_to_all(), AssessmentOutcome::kDeclined,
                               DeclineReason::kOthersAlreadyHelp, d("2026-11-23")));
  EXPECT_TRUE(check_assessment(OperationConfig{}, {1990, true}, Criteria{}, AssessmentOutcome::kReferredAcute,
                               std::nullopt, d("2026-11-23")));
}

// ---- Swedish working days -------------------------------------------------------------------

TEST(Calendar, EasterSundays) {
  EXPECT_EQ(easter_sunday(2024), d("2024-03-31"));
  EXPECT_EQ(easter_sunday(2025), d("2025-04-20"));
  EXPECT_EQ(easter_sunday(2026), d("2026-04-05"));
  EXPECT_EQ(easter_sunday(2027), d("2027-03-28"));
  EXPECT_EQ(easter_sunday(2038), d("2038-04-25"));
}

TEST(Calendar, HolidaysOf2026) {
  std::map<std::string, std::string> by_name;
  for (const auto& h : swedish_holidays(2026))
    by_name[h.name] = format_date(h.date);
  EXPECT_EQ(by_name["Långfredagen"], "2026-04-03");
  EXPECT_EQ(by_name["Annandag påsk"], "2026-04-06");
  EXPECT_EQ(by_name["Kristi himmelsfärdsdag"], "2026-05-14");
  EXPECT_EQ(by_name["Midsommarafton"], "2026-06-19");
  EXPECT_EQ(by_name["Midsommardagen"], "2026-06-20");
  EXPECT_EQ(by_name["Alla helgons dag"], "2026-10-31");
  EXPECT_EQ(by_name["Julafton"], "2026-12-24");
  EXPECT_EQ(swedish_holidays(2026).size(), 16U);
}

TEST(Calendar, WorkingDaysSkipWeekendsAndHolidays) {
  EXPECT_TRUE(is_working_day(d("2026-11-23")));
  EXPECT_FALSE(is_working_day(d("2026-11-22")));  // Sunday
  EXPECT_FALSE(is_working_day(d("2026-12-24")));  // julafton
  EXPECT_FALSE(is_working_day(d("2026-06-19")));  // midsommarafton
  EXPECT_FALSE(is_working_day(d("2026-05-01")));
  // From Monday 21 December, five working days: 22, 23, 28, 29, 30 December.
  EXPECT_EQ(add_days_of_kind(d("2026-12-21"), 5, DayKind::kWorking), d("2026-12-30"));
  EXPECT_EQ(days_of_kind_between(d("2026-12-21"), d("2026-12-30"), DayKind::kWorking), 5);
  EXPECT_EQ(days_of_kind_between(d("2026-12-30"), d("2026-12-21"), DayKind::kWorking), -5);
  EXPECT_EQ(add_days_of_kind(d("2026-11-02"), 21, DayKind::kCalendar), d("2026-11-23"));
  // Easter week: 15 working days from Monday 30 March 2026 skip Good Friday and Easter Monday.
  EXPECT_EQ(add_days_of_kind(d("2026-03-30"), 15, DayKind::kWorking), d("2026-04-22"));
}

// ---- The queue -------------------------------------------------------------------------------

OperationConfig seed() {
  return seed_config();
}

TEST(Queue, WaitingTimePlusPriorityWeightsDecideAndEveryPlaceIsExplained) {
  const Date today = d("2026-11-23");
  std::vector<QueueEntry> entries = {
      {"a", "K-2026-001", d("2026-10-20"), 1980, {}},                                      // waited 34 days
      {"b", "K-2026-002", d("2026-11-09"), 1980, {"ensamstaende_foralder"}},               // 14 + 30 = 44
      {"c", "K-2026-003", d("2026-11-13"), 2004, {}},                                      // 10 + 20 (age 22) = 30
      {"d", "K-2026-004", d("2026-11-13"), 1975, {"utan_stod", "ensamstaende_foralder"}},  // 10 + 50 = 60
  };
  const OperationConfig config = seed();  // the places point into it
  auto q = order_queue(entries, config, today);
  ASSERT_EQ(q.size(), 4U);
  EXPECT_EQ(q[0].entry->client_id, "d");
  EXPECT_EQ(q[0].score, 60);
  ASSERT_EQ(q[0].groups.size(), 2U);
  EXPECT_EQ(q[0].groups[0]->label, "Ensamstående förälder");  // in configuration order
  EXPECT_EQ(q[1].entry->client_id, "b");
  EXPECT_EQ(q[2].entry->client_id, "a");
  EXPECT_EQ(q[2].waited_days, 34);
  EXPECT_TRUE(q[2].groups.empty());
  EXPECT_EQ(q[3].entry->client_id, "c");
  ASSERT_EQ(q[3].groups.size(), 1U);
  EXPECT_EQ(q[3].groups[0]->key, "ung_vuxen") << "age-based groups follow from the birth year";
  EXPECT_EQ(q[0].position, 1);
  EXPECT_EQ(q[3].position, 4);
}

TEST(Queue, ChangingTheWeightsReordersTheQueue) {
  const Date today = d("2026-11-23");
  std::vector<QueueEntry> entries = {{"a", "K-2026-001", d("2026-10-20"), 1980, {}},
                                     {"b", "K-2026-002", d("2026-11-09"), 1980, {"ensamstaende_foralder"}}};
  const OperationConfig config = seed();
  EXPECT_EQ(order_queue(entries, config, today)[0].entry->client_id, "b");
  OperationConfig changed = seed();
  changed.priority_groups[0].weight_days = 0;
  EXPECT_EQ(order_queue(entries, changed, today)[0].entry->client_id, "a");
  changed.priority_groups.clear();
  auto plain = order_queue(entries, changed, today);
  EXPECT_EQ(plain[0].entry->client_id, "a");
  EXPECT_TRUE(plain[1].groups.empty()) << "a removed group no longer applies";
}

TEST(Queue, TiesGoToWhoCameFirstThenByCode) {
  const Date today = d("2026-11-23");
  std::vector<QueueEntry> entries = {{"x", "K-2026-009", d("2026-11-01"), 1980, {}},
                                     {"y", "K-2026-002", d("2026-11-01"), 1980, {}},
                                     {"z", "K-2026-005", d("2026-10-02"), 1980, {"nonexistent_group"}}};
  OperationConfig c;
  auto q = order_queue(entries, c, today);
  EXPECT_EQ(q[0].entry->client_id, "z");
  EXPECT_EQ(q[1].entry->client_id, "y");
  EXPECT_EQ(q[2].entry->client_id, "x");
}

// ---- The deadline overview ---------------------------------------------------------------------

TEST(Deadlines, ShowsUnbookedLateAndOverdueVisitsMostUrgentFirst) {
  OperationConfig c;  // 21 calendar days, warn 6 days before
  const Date today = d("2026-11-23");
  std::vector<DeadlineCase> cases = {
      {"fresh", "K-1", S::kAssessment, d("2026-11-20"), std::nullopt},      // 18 days left
      {"soon", "K-2", S::kOrientation, d("2026-11-08"), std::nullopt},      // day 15: 6 left, warn
      {"overdue", "K-3", S::kAssessment, d("2026-10-20"), std::nullopt},    // 13 days over
      {"waiting", "K-8", S::kFirstContact, d("2026-10-01"), std::nullopt},  // no own wish yet: no clock
      // A relative called on 20 Oct; the person's own wish came on 15 Nov: 21 days from then.
      {"relative", "K-9", S::kAssessment, d("2026-10-20"), std::nullopt, d("2026-11-15")},
      {"in_time", "K-4", S::kOrientation, d("2026-11-10"), d("2026-11-25")},   // booked in time
      {"late", "K-5", S::kOrientation, d("2026-11-10"), d("2026-12-10")},      // booked after 1 Dec
      {"not_held", "K-6", S::kOrientation, d("2026-10-01"), d("2026-10-15")},  // booked, never recorded
      {"queued", "K-7", S::kQueue, d("2026-10-01"), d("2026-10-15")},          // past the visit
  };
  auto rows = deadline_overview(cases, c, today);
  std::vector<std::string> order;
  std::map<std::string, DeadlineStatus> status;
  for (const auto& r : rows) {
    order.push_back(r.c->client_id);
    status[r.c->client_id] = r.status;
  }
  EXPECT_EQ(order, (std::vector<std::string>{"not_held", "overdue", "soon", "late", "relative", "fresh"}));
  EXPECT_EQ(status["relative"], DeadlineStatus::kNotBooked);
  for (const auto& r : rows) {
    if (r.c->client_id == "relative") {
      EXPECT_EQ(r.deadline, d("2026-12-06"));
    }
  }
  EXPECT_EQ(deadline_start(d("2026-10-20"), d("2026-11-15")), d("2026-11-15"));
  EXPECT_EQ(deadline_start(d("2026-10-20"), d("2026-10-20")), d("2026-10-20"));
  EXPECT_EQ(status["soon"], DeadlineStatus::kDueSoon);
  EXPECT_EQ(status["overdue"], DeadlineStatus::kOverdue);
  EXPECT_EQ(status["late"], DeadlineStatus::kBookedLate);
  EXPECT_EQ(status["not_held"], DeadlineStatus::kOverdue);
  EXPECT_EQ(status["fresh"], DeadlineStatus::kNotBooked);
  EXPECT_EQ(rows.back().days_left, 18);
}

TEST(Deadlines, WorkingDayDeadlinesCountWorkingDays) {
  // Scenario 1: first contact on a Monday; fifteen working days is three calendar weeks later.
  OperationConfig c;
  c.orientation_deadline_days = 15;
  c.deadline_day_kind = DayKind::kWorking;
  EXPECT_EQ(orientation_deadline(d("2026-11-02"), c), d("2026-11-23"));
}

TEST(Statistics, AgeBands) {
  EXPECT_EQ(age_band(2008, 2026), "18-25");
  EXPECT_EQ(age_band(2000, 2026), "26-35");
  EXPECT_EQ(age_band(1960, 2026), "66+");
  EXPECT_EQ(age_band(2010, 2026), "0-17");
}

TEST(Config, AGroupWithoutAShortNameGetsOneFromItsLabel) {
  EXPECT_EQ(key_from_label("Ensamstående förälder"), "ensamstaende_foralder");
  EXPECT_EQ(key_from_label("Ung vuxen 18–25 år"), "ung_vuxen_18_25_ar");
  EXPECT_EQ(key_from_label("  Hemlös, akut!  "), "hemlos_akut");
  EXPECT_EQ(key_from_label(std::string(60, 'x')).size(), 40U);
  OperationConfig c = default_config();
  c.priority_groups = {
      {key_from_label("Ensamstående förälder"), "Ensamstående förälder", 30, std::nullopt, std::nullopt}};
  EXPECT_TRUE(validate_config(c).empty()) << "a made name passes the rules for short names";
}

TEST(Config, ValidationNamesTheBadFields) {
  OperationConfig c = seed_config();
  EXPECT_TRUE(validate_config(c).empty());
  c.min_age = 16;
  c.max_age = 15;
  c.priority_groups.push_back({"ensamstaende_foralder", "Dubblett", 5, std::nullopt, std::nullopt});
  c.priority_groups.push_back({"Bad Key", "", -1, 30, 20});
  std::vector<std::string> fields;
  for (const auto& e : validate_config(c))
    fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"min_age", "max_age", "priority_groups.3.key", "priority_groups.4.key",
                                              "priority_groups.4.label", "priority_groups.4.weight_days",
                                              "priority_groups.4.age"}));
}

}  // namespace
}  // namespace ombud::domain
