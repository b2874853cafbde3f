// src/domain/access.cpp
#include "domain/access.hpp"

#include <algorithm>

namespace ombud::domain {

namespace {

// Whether the role works with every case of its operation (the samordnare) rather than with the
// cases its user stands in a relation to (an ombud).
bool operation_wide(Role role) {
  return case_list_scope(role) == ListScope::kOperation;
}

// The relations that give an ombud access in the case's present state: the primary ombud while
// the assignment runs or closes; the ombud booked on the visit while it is due; whoever recorded
// the contact until the visit is booked (then the booked ombud take over).
struct Standing {
  bool primary = false;
  bool on_visit = false;
  bool recorder = false;
  bool covering = false;
};

bool assignment_running(CaseState s) {
  return s == CaseState::kActive || s == CaseState::kPaused || s == CaseState::kClosing;
}

Standing standing_of(long long user_id, const CaseStanding& c) {
  const Relation r = relation_of(user_id, c);
  const CaseState s = c.state;
  Standing out;
  out.primary = r.primary_ombud && assignment_running(s);
  out.covering = r.covering && !r.primary_ombud && assignment_running(s);
  out.on_visit = r.orientation_ombud && s == CaseState::kOrientation;
  out.recorder = r.recorder && (s == CaseState::kFirstContact || s == CaseState::kAssessment ||
                                (s == CaseState::kOrientation && !c.orientation_booked));
  return out;
}

}  // namespace

Relation relation_of(long long user_id, const CaseStanding& c) {
  Relation r;
  r.recorder = c.recorded_by == user_id;
  r.orientation_ombud =
      std::find(c.orientation_ombud.begin(), c.orientation_ombud.end(), user_id) != c.orientation_ombud.end();
  r.primary_ombud = c.primary_ombud_id == user_id;
  r.covering = std::find(c.covering_ombud.begin(), c.covering_ombud.end(), user_id) != c.covering_ombud.end();
  return r;
}

Permission permission_of(CaseNeed need) {
  switch (need) {
    case CaseNeed::kRead: return Permission::kViewClient;
    case CaseNeed::kIntake: return Permission::kAssess;
    case CaseNeed::kRecordOrientation: return Permission::kBookOrientation;
    case CaseNeed::kChangeStatus: return Permission::kChangeClientStatus;
    case CaseNeed::kEditDetails: return Permission::kEditClientDetails;
    case CaseNeed::kAssign: return Permission::kAssign;
    case CaseNeed::kWork: return Permission::kRecordWork;
  }
  return Permission::kUndeclared;
}

bool may(const Principal& who, const CaseStanding& c, CaseNeed need) {
  if (who.operation_id != c.operation_id) return false;
  if (!role_allows(who.role, permission_of(need))) return false;
  if (operation_wide(who.role)) return need != CaseNeed::kWork;
  if (case_list_scope(who.role) != ListScope::kOwn) return false;
  const Standing st = standing_of(who.user_id, c);
  switch (need) {
    case CaseNeed::kRead: return st.primary || st.on_visit || st.recorder || st.covering;
    case CaseNeed::kChangeStatus:
    case CaseNeed::kEditDetails: return st.primary || st.on_visit || st.recorder;
    case CaseNeed::kIntake: return st.on_visit || st.recorder;
    case CaseNeed::kRecordOrientation: return st.on_visit;
    case CaseNeed::kAssign: return false;                    // the samordnare's decision, never an ombud's own
    case CaseNeed::kWork: return st.primary || st.covering;  // while the assignment runs, pauses or closes
  }
  return false;
}

bool by_cover(const Principal& who, const CaseStanding& c) {
  if (who.operation_id != c.operation_id || case_list_scope(who.role) != ListScope::kOwn) return false;
  const Standing st = standing_of(who.user_id, c);
  return st.covering && !st.on_visit && !st.recorder;
}

ListScope case_list_scope(Role role) {
  switch (role) {
    case Role::kOmbud: return ListScope::kOwn;
    case Role::kSamordnare: return ListScope::kOperation;
    case Role::kLedningsgrupp:
    case Role::kLansstyrelse:
    case Role::kAdmin: return ListScope::kNone;
  }
  return ListScope::kNone;
}

ConfigScope config_scope(Role role) {
  if (role_allows(role, Permission::kEditOperationConfig)) return ConfigScope::kAll;
  if (role_allows(role, Permission::kEditPriorities)) return ConfigScope::kPriorities;
  return ConfigScope::kNone;
}

}  // namespace ombud::domain
