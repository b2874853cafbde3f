// src/domain/network.hpp
//
// The client's network map (nätverkskarta) and the consents to speak with it (samtycken och
// fullmakter). The map lists the authorities, professionals and private network around the client
// and what each already does, so that the ombud does not do what others do; contact details are
// kept only when the client agrees. The ombud speaks for the client with someone in the map only
// under a consent the client gave for that one: its scope, from and until when, signed or oral,
// revocable at any moment.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/work.hpp"

namespace ombud::domain {

/// Who an entry of the network map is.
enum class NetworkKind {
  kForsakringskassan,
  kArbetsformedlingen,
  kSocialtjansten,
  kKronofogden,
  kOverformyndaren,
  kPsychiatry,
  kPrimaryCare,
  kLandlord,
  kOtherAuthority,
  kGodMan,
  kForvaltare,
  kHousingSupport,  // boendestödjare
  kContactPerson,   // kontaktperson
  kAssistant,       // personlig assistent
  kOtherProfessional,
  kPrivate,  // family, friends, neighbours
};
inline constexpr std::array<std::pair<NetworkKind, std::string_view>, 16> kNetworkKinds = {{
    {NetworkKind::kForsakringskassan, "forsakringskassan"},
    {NetworkKind::kArbetsformedlingen, "arbetsformedlingen"},
    {NetworkKind::kSocialtjansten, "socialtjansten"},
    {NetworkKind::kKronofogden, "kronofogden"},
    {NetworkKind::kOverformyndaren, "overformyndaren"},
    {NetworkKind::kPsychiatry, "psykiatrin"},
    {NetworkKind::kPrimaryCare, "primarvarden"},
    {NetworkKind::kLandlord, "hyresvard"},
    {NetworkKind::kOtherAuthority, "annan_myndighet"},
    {NetworkKind::kGodMan, "god_man"},
    {NetworkKind::kForvaltare, "forvaltare"},
    {NetworkKind::kHousingSupport, "boendestodjare"},
    {NetworkKind::kContactPerson, "kontaktperson"},
    {NetworkKind::kAssistant, "personlig_assistent"},
    {NetworkKind::kOtherProfessional, "annan_yrkesperson"},
    {NetworkKind::kPrivate, "privat"},
}};

/// The three parts of the map, in the order the page shows them.
enum class NetworkGroup { kAuthority, kProfessional, kPrivate };
inline constexpr std::array<std::pair<NetworkGroup, std::string_view>, 3> kNetworkGroups = {{
    {NetworkGroup::kAuthority, "myndigheter"},
    {NetworkGroup::kProfessional, "yrkespersoner"},
    {NetworkGroup::kPrivate, "privat"},
}};
NetworkGroup group_of(NetworkKind kind);

/// The contact log's category of someone in the map: what statistics count, never the person.
Counterpart counterpart_of(NetworkKind kind);

inline constexpr std::size_t kMaxNetworkNameLength = 120;
inline constexpr std::size_t kMaxNetworkDoesLength = 500;
inline constexpr std::size_t kMaxNetworkContactLength = 200;
inline constexpr std::size_t kMaxConsentMatterLength = 300;
inline constexpr std::size_t kMaxNetworkEntries = 100;

/// An entry of the map as the ombud and the client give it.
struct NetworkEntry {
  NetworkKind kind = NetworkKind::kPrivate;
  std::string name;             // "Handläggare på Försäkringskassan", "Syster Anna"
  std::string does;             // what they already do for the client; optional
  bool contact_agreed = false;  // the client agrees that contact details are kept
  std::string contact;          // phone, e-mail, address; only when agreed
};

/// Field errors of an entry: no name ("name"), texts over their limits or with control characters,
/// contact details without the client's agreement ("contact": "network.contact_not_agreed").
std::vector<FieldError> validate_network_entry(const NetworkEntry& entry);

/// What a consent lets the ombud do with the one it is given for.
enum class ConsentScope { kContact, kReadRecords, kShareInformation, kRepresent };
inline constexpr std::array<std::pair<ConsentScope, std::string_view>, 4> kConsentScopes = {{
    {ConsentScope::kContact, "kontakta"},        // contact them and speak about the client's matter
    {ConsentScope::kReadRecords, "ta_del"},      // see the records and decisions of the matter
    {ConsentScope::kShareInformation, "lamna"},  // give them information about the client
    {ConsentScope::kRepresent, "fora_talan"},    // speak for the client and hand in papers
}};

/// How the client gave it.
enum class ConsentForm { kSigned, kOral };
inline constexpr std::array<std::pair<ConsentForm, std::string_view>, 2> kConsentForms = {{
    {ConsentForm::kSigned, "fullmakt"},  // a signed power of attorney
    {ConsentForm::kOral, "muntligt"},    // an oral consent
}};

struct Consent {
  std::vector<ConsentScope> scopes;
  std::string matter;  // which matters it covers, in the client's words; optional
  ConsentForm form = ConsentForm::kSigned;
  Date from;
  std::optional<Date> until;  // none: until the client revokes it
  std::optional<Date> revoked_on;
};

/// Field errors of a consent: no scope ("scopes"), an "until" before "from" ("until":
/// "consent.until_before_from"), an "until" already past for a new consent ("until":
/// "consent.until_past"), a matter over its limit.
std::vector<FieldError> validate_consent(const Consent& consent, Date today, bool is_new);

/// Whether a consent lets the ombud speak for the client on `on`.
enum class ConsentState { kValid, kNotYetValid, kExpired, kRevoked };
ConsentState consent_state(const Consent& consent, Date on);

/// What the map and the log say about someone: a consent is valid, or the latest one has expired
/// or was revoked, or there has never been one.
enum class ConsentStanding { kValid, kExpired, kRevoked, kNotYetValid, kMissing };
ConsentStanding standing_of(const std::vector<const Consent*>& consents, Date on);

}  // namespace ombud::domain
