// src/services/network_service.hpp
//
// The client's network map (nätverkskarta): the authorities, professionals and private network
// around the client, what each already does, and contact details only where the client agrees.
// Each entry says whether a consent lets the ombud speak with them for the client today. Only the
// client's ombud reaches it (CaseNeed::kWork); everything but the kind is sealed with the
// client's key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/network.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct NetworkPerson {
  std::string id;
  domain::NetworkKind kind = domain::NetworkKind::kPrivate;
  std::string name;
  std::string does;
  bool contact_agreed = false;
  std::string contact;
  domain::ConsentStanding consent = domain::ConsentStanding::kMissing;  // today
  std::optional<Date> consent_until;  // the valid consent's last day, or the expired one's
  int version = 1;
};

struct NetworkMap {
  std::vector<NetworkPerson> people;  // oldest first
};

/// An entry as a form or the API sends it.
struct NetworkInput {
  std::string kind;  // a kNetworkKinds code
  std::string name;
  std::string does;
  bool contact_agreed = false;
  std::string contact;
  int version = 0;  // the version the user edited (edits and removals)
};

Result<NetworkMap> network_map(const Services& s, const Actor& actor, const std::string& client_id);
Result<NetworkPerson> network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                    const std::string& entry_id);
Result<NetworkPerson> add_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                        const NetworkInput& input);
/// A stale version is refused ("network.changed"). Taking back the agreement to keep contact
/// details removes them.
Result<NetworkPerson> edit_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                         const std::string& entry_id, const NetworkInput& input);
/// Removes the entry and the consents given for it; log entries keep their category.
Status remove_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& entry_id, int version);

}  // namespace ombud::services
