// src/domain/role.hpp
//
// The roles of a PO operation and the one permission table every route and use case consults
// (design.md, "Who uses it"). Deny by default: a permission not listed for a role is refused.
#pragma once

#include <optional>
#include <string_view>

namespace ombud::domain {

enum class Role { kOmbud, kSamordnare, kLedningsgrupp, kLansstyrelse, kAdmin };

/// "ombud", "samordnare", "ledningsgrupp", "lansstyrelse", "admin" (as stored and in the API).
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

enum class Permission {
  kUndeclared,           // the default of a route that forgot to declare one; always refused
  kPublic,               // no login needed (login page, health, static files)
  kSignedIn,             // any signed-in user: the start page
  kOwnAccount,           // any signed-in user: who am I, change one's own password, log out
  kManageUsers,          // user administration
  kViewAuditLog,         // the log review (loggkontroll)
  kViewOperationConfig,  // read the operation's rules
  kEditOperationConfig,  // the operation's rules: target group, deadlines, texts
  kEditPriorities,       // the queue's priority groups and weights (the ledningsgrupp's call)
  kRecordContact,        // first contact (intake), and counting an under-18 inquiry
  kAssess,               // target-group assessment, acute referral
  kBookOrientation,      // book and record orientation visits
  kViewQueue,            // the queue, the deadline overview, caseload per ombud, all cases
  kAssign,               // assign and reassign the primary ombud
  kViewClient,           // a client's data — further limited to the client's own ombud in services
  kChangeClientStatus,   // pause, resume, withdraw
  kEditClientDetails,    // correct alias, how to reach, municipality (a move), birth year, gender
  kRecordWork,           // the work records of an assignment (mapping, contact log, …): the client's ombud only
};

std::string_view permission_name(Permission p);

/// The permission table: whether a role may ever do this. Client-scoped checks (an ombud sees
/// only own clients) come on top, in the services.
bool role_allows(Role role, Permission permission);

/// While a user signs in with a password someone else handed out (a one-time password), only
/// what replaces it or ends the session is open: nothing else is reached with a password that
/// another person knows.
bool open_while_password_must_change(Permission permission);

}  // namespace ombud::domain
