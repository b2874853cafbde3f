// src/services/consent_service.hpp
//
// Consents and powers of attorney (samtycken och fullmakter): for each one in the client's network
// map that the ombud may speak with on the client's behalf, what the client agreed to (scope and
// matter), from and until when, and how it was given (a signed fullmakt or orally). The client can
// revoke one at any moment. Only the client's ombud reaches them (CaseNeed::kWork); the matter is
// sealed with the client's key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/network.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct ConsentRecord {
  std::string id;
  std::string network_id;
  std::string network_name;  // whom it is for
  domain::NetworkKind network_kind = domain::NetworkKind::kPrivate;
  domain::Consent terms;
  domain::ConsentState state = domain::ConsentState::kValid;  // today
  int version = 1;
};

/// A consent as a form or the API sends it.
struct ConsentInput {
  std::string network_id;
  std::vector<std::string> scopes;  // kConsentScopes codes
  std::string matter;
  std::string form;   // a kConsentForms code
  std::string from;   // YYYY-MM-DD; empty is today
  std::string until;  // YYYY-MM-DD or "" (until revoked)
  int version = 0;
};

/// The client's consents, by whom they are for.
Result<std::vector<ConsentRecord>> consents(const Services& s, const Actor& actor, const std::string& client_id);
Result<ConsentRecord> consent(const Services& s, const Actor& actor, const std::string& client_id,
                              const std::string& consent_id);
/// Someone not in this client's network map is refused ("network_id": "consent.network_unknown").
Result<ConsentRecord> add_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                  const ConsentInput& input);
/// A stale version is refused ("consent.changed"); a revoked consent stays revoked.
Result<ConsentRecord> edit_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                   const std::string& consent_id, const ConsentInput& input);
/// Ends the consent today ("consent.already_revoked" when it was).
Result<ConsentRecord> revoke_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                     const std::string& consent_id, int version);
Status remove_consent(const Services& s, const Actor& actor, const std::string& client_id,
                      const std::string& consent_id, int version);

}  // namespace ombud::services
