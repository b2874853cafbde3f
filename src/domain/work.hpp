// src/domain/work.hpp
//
// The work inside an assignment (domain.md, the assignment's records): the kinds of entry in the
// contact log, whom an entry was with, and the life areas of the needs mapping. Codes are stored,
// sent in the API and used as catalogue key suffixes, as in vocabulary.hpp. Every entry is made
// together with the client; the limits below are stated on the forms.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::domain {

/// What an entry of the contact log records.
enum class ContactKind { kMeeting, kAccompanying, kPhone, kWrittenTogether, kNetworkMeeting, kSipMeeting };
inline constexpr std::array<std::pair<ContactKind, std::string_view>, 6> kContactKinds = {{
    {ContactKind::kMeeting, "mote"},                 // a meeting with the client (where: a place)
    {ContactKind::kAccompanying, "medfoljning"},     // going with the client to an authority
    {ContactKind::kPhone, "telefon"},                // a phone call
    {ContactKind::kWrittenTogether, "skrivelse"},    // a letter or an application written together
    {ContactKind::kNetworkMeeting, "natverksmote"},  // a meeting with the client's network
    {ContactKind::kSipMeeting, "sip"},               // a samordnad individuell plan meeting
}};

/// Whom an entry was with: the client alone, or a category of the client's network. Statistics
/// count entries by category, never by person.
enum class Counterpart {
  kClientOnly,
  kForsakringskassan,
  kArbetsformedlingen,
  kSocialtjansten,
  kKronofogden,
  kOverformyndaren,
  kPsychiatry,
  kPrimaryCare,
  kLandlord,
  kGuardian,      // god man or förvaltare
  kSupportStaff,  // boendestödjare, kontaktperson, personlig assistent
  kPrivateNetwork,
  kOther,
};
inline constexpr std::array<std::pair<Counterpart, std::string_view>, 13> kCounterparts = {{
    {Counterpart::kClientOnly, "klienten"},
    {Counterpart::kForsakringskassan, "forsakringskassan"},
    {Counterpart::kArbetsformedlingen, "arbetsformedlingen"},
    {Counterpart::kSocialtjansten, "socialtjansten"},
    {Counterpart::kKronofogden, "kronofogden"},
    {Counterpart::kOverformyndaren, "overformyndaren"},
    {Counterpart::kPsychiatry, "psykiatrin"},
    {Counterpart::kPrimaryCare, "primarvarden"},
    {Counterpart::kLandlord, "hyresvard"},
    {Counterpart::kGuardian, "god_man"},
    {Counterpart::kSupportStaff, "stodpersonal"},
    {Counterpart::kPrivateNetwork, "privat_natverk"},
    {Counterpart::kOther, "annan"},
}};

inline constexpr int kMaxContactMinutes = 24 * 60;
inline constexpr std::size_t kMaxNoteLength = 500;       // characters of a contact-log note
inline constexpr std::size_t kMaxOwnWordsLength = 2000;  // characters of the client's words on an area
inline constexpr std::size_t kMaxLifeAreas = 20;

/// A contact-log entry as the ombud and the client give it.
struct ContactEntry {
  Date on;
  ContactKind kind = ContactKind::kMeeting;
  std::optional<std::string> place;   // a kPlaces code; only for meetings, where it is asked for
  std::optional<std::string> letter;  // a kLetterKinds code; only for a letter written together
  Counterpart counterpart = Counterpart::kClientOnly;
  int minutes = 0;
  std::string note;  // optional, short
};

/// Field errors of an entry: a date after `today`, a place given for an entry that is not a
/// meeting (or an unknown one), a letter kind for an entry that wrote none (or an unknown one), minutes outside 1..24
/// h, a note over the limit or with control characters. Empty when it is valid.
std::vector<FieldError> validate_contact_entry(const ContactEntry& entry, Date today);

/// A life area of the needs mapping (kartläggning); configured per operation.
struct LifeArea {
  std::string key;    // stable: [a-z0-9_]
  std::string label;  // as shown, e.g. "Ekonomi och skulder"
};

/// The seeds' life areas: myndighetskontakter, ekonomi och skulder, boende, hälso- och sjukvård
/// och psykiatri, arbete och sysselsättning, vardagen, socialt nätverk och ensamhet, juridik och
/// ställföreträdarskap.
std::vector<LifeArea> default_life_areas();

}  // namespace ombud::domain
