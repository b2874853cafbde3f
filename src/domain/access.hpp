// src/domain/access.hpp
//
// The one access policy (ADR 0015). Every use case asks it before it reads or changes a case;
// the route table asks role_allows() first as an early filter, and the store's list filter
// answers the same question in SQL for speed (a store test proves the two agree).
//
// A decision depends on three things only: who asks (a user in a role, in an operation), how
// that user stands to the case (recorded the first contact, booked on the orientation visit,
// primary ombud) and the case's state. No personal data enters a decision.
#pragma once

#include <optional>
#include <vector>

#include "domain/role.hpp"
#include "domain/vocabulary.hpp"

namespace ombud::domain {

/// Who asks: a signed-in user of an operation, in a role.
struct Principal {
  long long user_id = 0;
  long long operation_id = 0;
  Role role = Role::kOmbud;
};

/// What the policy knows of a case: its operation, its state and the people tied to it.
struct CaseStanding {
  long long operation_id = 0;
  CaseState state = CaseState::kFirstContact;
  long long recorded_by = 0;                  // who recorded the first contact
  std::optional<long long> primary_ombud_id;  // the assigned ombud, kept after the assignment ends
  bool orientation_booked = false;            // an orientation visit has a date
  std::vector<long long> orientation_ombud;   // the ombud booked on the visit
  std::vector<long long> covering_ombud;      // colleagues covering for the primary ombud today
};

/// How a user stands to a case, whatever its state. A user can stand in several ways at once.
struct Relation {
  bool recorder = false;           // recorded the first contact
  bool orientation_ombud = false;  // booked on the orientation visit
  bool primary_ombud = false;      // the case's (last) primary ombud
  bool covering = false;           // covers for the primary ombud under a grant in force today

  bool none() const { return !recorder && !orientation_ombud && !primary_ombud && !covering; }
};
Relation relation_of(long long user_id, const CaseStanding& c);

/// What a use case needs to do with a case.
enum class CaseNeed {
  kRead,               // see the client (the case page, the API's client)
  kIntake,             // own wish, assessment, acute referral, booking the visit, priority groups
  kRecordOrientation,  // record the orientation visit and the client's decision
  kChangeStatus,       // pause, resume, withdraw
  kEditDetails,        // correct alias, how to reach, birth year, gender; record a move
  kAssign,             // assign or reassign the primary ombud
  kWork,               // read and write the work records: needs mapping, contact log, …
};

/// The permission of the route table that a need belongs to.
Permission permission_of(CaseNeed need);

/// The policy: whether the principal may do this with the case. A colleague covering for the
/// primary ombud (vikariat) reads the case and its work records while the assignment runs,
/// pauses or closes, and nothing else.
bool may(const Principal& who, const CaseStanding& c, CaseNeed need);

/// Whether the principal reaches the case only by covering for its primary ombud: every such
/// access is marked in the audit log.
bool by_cover(const Principal& who, const CaseStanding& c);

/// Which cases a role's client lists hold: none, the cases its user may see (an ombud's own,
/// "Mina klienter"), or the whole operation's (the samordnare's).
enum class ListScope { kNone, kOwn, kOperation };
ListScope case_list_scope(Role role);

/// What of the operation's rules a role may change: nothing, the queue's priority groups only
/// (the ledningsgrupp), or everything (admin).
enum class ConfigScope { kNone, kPriorities, kAll };
ConfigScope config_scope(Role role);

}  // namespace ombud::domain
