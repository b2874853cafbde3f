// src/domain/network.cpp
#include "domain/network.hpp"

#include <chrono>

#include "core/text.hpp"

namespace ombud::domain {

namespace {

using std::chrono::sys_days;

void check(std::string_view value, const char* field, std::size_t max, bool multiline,
           std::vector<FieldError>& errors) {
  if (!is_clean_utf8(value, multiline)) {
    errors.push_back({field, "field.invalid"});
  } else if (utf8_length(value) > max) {
    errors.push_back({field, "field.too_long"});
  }
}

}  // namespace

NetworkGroup group_of(NetworkKind kind) {
  switch (kind) {
    case NetworkKind::kGodMan:
    case NetworkKind::kForvaltare:
    case NetworkKind::kHousingSupport:
    case NetworkKind::kContactPerson:
    case NetworkKind::kAssistant:
    case NetworkKind::kOtherProfessional: return NetworkGroup::kProfessional;
    case NetworkKind::kPrivate: return NetworkGroup::kPrivate;
    default: return NetworkGroup::kAuthority;
  }
}

Counterpart counterpart_of(NetworkKind kind) {
  switch (kind) {
    case NetworkKind::kForsakringskassan: return Counterpart::kForsakringskassan;
    case NetworkKind::kArbetsformedlingen: return Counterpart::kArbetsformedlingen;
    case NetworkKind::kSocialtjansten: return Counterpart::kSocialtjansten;
    case NetworkKind::kKronofogden: return Counterpart::kKronofogden;
    case NetworkKind::kOverformyndaren: return Counterpart::kOverformyndaren;
    case NetworkKind::kPsychiatry: return Counterpart::kPsychiatry;
    case NetworkKind::kPrimaryCare: return Counterpart::kPrimaryCare;
    case NetworkKind::kLandlord: return Counterpart::kLandlord;
    case NetworkKind::kGodMan:
    case NetworkKind::kForvaltare: return Counterpart::kGuardian;
    case NetworkKind::kHousingSupport:
    case NetworkKind::kContactPerson:
    case NetworkKind::kAssistant: return Counterpart::kSupportStaff;
    case NetworkKind::kPrivate: return Counterpart::kPrivateNetwork;
    case NetworkKind::kOtherAuthority:
    case NetworkKind::kOtherProfessional: return Counterpart::kOther;
  }
  return Counterpart::kOther;
}

std::vector<FieldError> validate_network_entry(const NetworkEntry& e) {
  std::vector<FieldError> errors;
  if (trim(e.name).empty()) {
    errors.push_back({"name", "field.required"});
  } else {
    check(e.name, "name", kMaxNetworkNameLength, false, errors);
  }
  check(e.does, "does", kMaxNetworkDoesLength, true, errors);
  if (!trim(e.contact).empty() && !e.contact_agreed) {
    errors.push_back({"contact", "network.contact_not_agreed"});
  } else {
    check(e.contact, "contact", kMaxNetworkContactLength, true, errors);
  }
  return errors;
}

std::vector<FieldError> validate_consent(const Consent& c, Date today, bool is_new) {
  std::vector<FieldError> errors;
  if (c.scopes.empty()) errors.push_back({"scopes", "consent.scope_required"});
  check(c.matter, "matter", kMaxConsentMatterLength, true, errors);
  if (c.until && sys_days{*c.until} < sys_days{c.from}) {
    errors.push_back({"until", "consent.until_before_from"});
  } else if (c.until && is_new && sys_days{*c.until} < sys_days{today}) {
    errors.push_back({"until", "consent.until_past"});
  }
  return errors;
}

ConsentState consent_state(const Consent& c, Date on) {
  if (c.revoked_on && sys_days{*c.revoked_on} <= sys_days{on}) return ConsentState::kRevoked;
  if (sys_days{on} < sys_days{c.from}) return ConsentState::kNotYetValid;
  if (c.until && sys_days{*c.until} < sys_days{on}) return ConsentState::kExpired;
  return ConsentState::kValid;
}

ConsentStanding standing_of(const std::vector<const Consent*>& consents, Date on) {
  if (consents.empty()) return ConsentStanding::kMissing;
  bool expired = false;
  bool revoked = false;
  bool not_yet = false;
  for (const Consent* c : consents) {
    switch (consent_state(*c, on)) {
      case ConsentState::kValid: return ConsentStanding::kValid;
      case ConsentState::kExpired: expired = true; break;
      case ConsentState::kRevoked: revoked = true; break;
      case ConsentState::kNotYetValid: not_yet = true; break;
    }
  }
  if (not_yet) return ConsentStanding::kNotYetValid;
  if (expired) return ConsentStanding::kExpired;
  return revoked ? ConsentStanding::kRevoked : ConsentStanding::kMissing;
}

}  // namespace ombud::domain
