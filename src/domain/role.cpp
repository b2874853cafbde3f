// src/domain/role.cpp
#include "domain/role.hpp"

namespace ombud::domain {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kOmbud: return "ombud";
    case Role::kSamordnare: return "samordnare";
    case Role::kLedningsgrupp: return "ledningsgrupp";
    case Role::kLansstyrelse: return "lansstyrelse";
    case Role::kAdmin: return "admin";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view permission_name(Permission p) {
  switch (p) {
    case Permission::kUndeclared: return "undeclared";
    case Permission::kPublic: return "public";
    case Permission::kSignedIn: return "signed_in";
    case Permission::kOwnAccount: return "own_account";
    case Permission::kManageUsers: return "manage_users";
    case Permission::kViewAuditLog: return "view_audit_log";
    case Permission::kViewOperationConfig: return "view_operation_config";
    case Permission::kEditPriorities: return "edit_priorities";
    case Permission::kEditOperationConfig: return "edit_operation_config";
    case Permission::kRecordContact: return "record_contact";
    case Permission::kAssess: return "assess";
    case Permission::kBookOrientation: return "book_orientation";
    case Permission::kViewQueue: return "view_queue";
    case Permission::kAssign: return "assign";
    case Permission::kViewClient: return "view_client";
    case Permission::kChangeClientStatus: return "change_client_status";
    case Permission::kEditClientDetails: return "edit_client_details";
    case Permission::kRecordWork: return "record_work";
  }
  return "undeclared";
}

bool role_allows(Role role, Permission p) {
  using P = Permission;
  switch (p) {
    case P::kUndeclared: return false;
    case P::kPublic:
    case P::kSignedIn:
    case P::kOwnAccount: return true;
    case P::kManageUsers:
    case P::kEditOperationConfig: return role == Role::kAdmin;
    case P::kEditPriorities: return role == Role::kAdmin || role == Role::kLedningsgrupp;
    case P::kViewOperationConfig:
      return role == Role::kAdmin || role == Role::kLedningsgrupp || role == Role::kSamordnare;
    case P::kViewAuditLog: return role == Role::kSamordnare;
    case P::kRecordContact:
    case P::kAssess:
    case P::kBookOrientation:
    case P::kViewClient:
    case P::kChangeClientStatus:
    case P::kEditClientDetails: return role == Role::kOmbud || role == Role::kSamordnare;
    case P::kViewQueue:
    case P::kAssign: return role == Role::kSamordnare;
    // What the client and the ombud write down together is read by nobody else, the samordnare
    // included (domain.md: confidentiality inside the operation).
    case P::kRecordWork: return role == Role::kOmbud;
  }
  return false;
}

bool open_while_password_must_change(Permission p) {
  return p == Permission::kPublic || p == Permission::kOwnAccount;
}

}  // namespace ombud::domain
