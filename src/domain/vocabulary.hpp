// src/domain/vocabulary.hpp
//
// The closed vocabularies of a case: states, contact channels, who made contact, gender, outcomes,
// reasons and places. Each has a stable code (stored, sent in the API, used as a catalogue key
// suffix) — the Swedish domain word without diacritics where one exists (docs/glossary.md).
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ombud::domain {

/// Looks a code up in a table of (value, code) pairs.
template <typename E, std::size_t N>
std::optional<E> parse_code(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [value, name] : table) {
    if (name == code) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view code_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return {};
}

/// The lifecycle of domain.md (c).
enum class CaseState {
  kFirstContact,   // FÖRSTA_KONTAKT: recorded; when someone else made contact, waits for the person's own wish
  kAssessment,     // BEDÖMNING: the person wants PO; the target-group assessment is due
  kOrientation,    // ORIENTERINGSBESÖK: in the target group; the orientation visit is to be booked or held
  kQueue,          // KÖ: after the orientation visit, waiting for an ombud
  kActive,         // AKTIV: an ombud works with the client
  kPaused,         // VILANDE: the client paused the assignment
  kClosing,        // AVSLUTNING: the assignment ended; documentation to hand over or destroy
  kReferredAcute,  // HÄNVISAD_AKUT: referred to acute care
  kDeclined,       // EJ_AKTUELL: not taken on, with a reason
  kWithdrawn,      // AVSTÅR: the person withdrew before the assignment began
};
inline constexpr std::array<std::pair<CaseState, std::string_view>, 10> kCaseStates = {{
    {CaseState::kFirstContact, "forsta_kontakt"},
    {CaseState::kAssessment, "bedomning"},
    {CaseState::kOrientation, "orienteringsbesok"},
    {CaseState::kQueue, "ko"},
    {CaseState::kActive, "aktiv"},
    {CaseState::kPaused, "vilande"},
    {CaseState::kClosing, "avslutning"},
    {CaseState::kReferredAcute, "hanvisad_akut"},
    {CaseState::kDeclined, "ej_aktuell"},
    {CaseState::kWithdrawn, "avstar"},
}};

enum class Channel { kPhone, kSms, kEmail, kLetter, kVisit, kWeb };
inline constexpr std::array<std::pair<Channel, std::string_view>, 6> kChannels = {{
    {Channel::kPhone, "telefon"},
    {Channel::kSms, "sms"},
    {Channel::kEmail, "epost"},
    {Channel::kLetter, "brev"},
    {Channel::kVisit, "besok"},
    {Channel::kWeb, "webb"},
}};

/// Who made the first contact. Nothing about a third party is stored beyond this relation.
enum class ContactBy { kSelf, kRelative, kFriend, kCareStaff, kOther };
inline constexpr std::array<std::pair<ContactBy, std::string_view>, 5> kContactBy = {{
    {ContactBy::kSelf, "sjalv"},
    {ContactBy::kRelative, "anhorig"},
    {ContactBy::kFriend, "van"},
    {ContactBy::kCareStaff, "personal"},
    {ContactBy::kOther, "annan"},
}};

enum class Gender { kWoman, kMan, kOther, kNotStated };
inline constexpr std::array<std::pair<Gender, std::string_view>, 4> kGenders = {{
    {Gender::kWoman, "kvinna"},
    {Gender::kMan, "man"},
    {Gender::kOther, "annat"},
    {Gender::kNotStated, "vill_ej_ange"},
}};

enum class AssessmentOutcome { kInTargetGroup, kDeclined, kReferredAcute };
inline constexpr std::array<std::pair<AssessmentOutcome, std::string_view>, 3> kOutcomes = {{
    {AssessmentOutcome::kInTargetGroup, "malgrupp"},
    {AssessmentOutcome::kDeclined, "nej"},
    {AssessmentOutcome::kReferredAcute, "akut"},
}};

enum class DeclineReason {
  kOutsideTargetGroup,
  kAge,
  kMunicipality,
  kAcuteNeed,
  kOthersAlreadyHelp,  // "hjälpen till hjälpen": others in the network already do it
  kClientWithdrew,
  kSubstanceAbuse,
  kNoOwnWill,
  kOther,
};
inline constexpr std::array<std::pair<DeclineReason, std::string_view>, 9> kDeclineReasons = {{
    {DeclineReason::kOutsideTargetGroup, "utanfor_malgrupp"},
    {DeclineReason::kAge, "alder"},
    {DeclineReason::kMunicipality, "kommun"},
    {DeclineReason::kAcuteNeed, "akut_behov"},
    {DeclineReason::kOthersAlreadyHelp, "hjalpen_till_hjalpen"},
    {DeclineReason::kClientWithdrew, "klienten_avstod"},
    {DeclineReason::kSubstanceAbuse, "aktivt_missbruk"},
    {DeclineReason::kNoOwnWill, "ingen_egen_vilja"},
    {DeclineReason::kOther, "annat"},
}};

/// Where the orientation visit takes place; the client chooses.
enum class Place { kOffice, kHome, kCafe, kLibrary, kOther };
inline constexpr std::array<std::pair<Place, std::string_view>, 5> kPlaces = {{
    {Place::kOffice, "kontoret"},
    {Place::kHome, "hemma"},
    {Place::kCafe, "kafe"},
    {Place::kLibrary, "bibliotek"},
    {Place::kOther, "annat"},
}};

/// Why the primary ombud changed (person continuity: a change is the exception and says why).
enum class ReassignReason { kOmbudLeft, kWorkload, kClientWish, kOmbudAbsent, kOther };
inline constexpr std::array<std::pair<ReassignReason, std::string_view>, 5> kReassignReasons = {{
    {ReassignReason::kOmbudLeft, "ombud_slutat"},
    {ReassignReason::kWorkload, "arbetsbelastning"},
    {ReassignReason::kClientWish, "klientens_onskan"},
    {ReassignReason::kOmbudAbsent, "ombud_franvarande"},
    {ReassignReason::kOther, "annat"},
}};

/// Why the samordnare assigned someone who was not first in the queue.
enum class BypassReason { kMatch, kEarlierOmbud, kFirstUnreachable, kFirstWaits, kOther };
inline constexpr std::array<std::pair<BypassReason, std::string_view>, 5> kBypassReasons = {{
    {BypassReason::kMatch, "matchning"},                   // language, knowledge, the ombud's caseload area
    {BypassReason::kEarlierOmbud, "tidigare_ombud"},       // the client had this ombud before
    {BypassReason::kFirstUnreachable, "forsta_nas_inte"},  // those ahead cannot be reached now
    {BypassReason::kFirstWaits, "forsta_vill_vanta"},      // those ahead want to wait
    {BypassReason::kOther, "annat"},
}};

/// How the person expressed their own wish for an ombud.
enum class OwnWishWay { kPhone, kInPerson, kInWriting };
inline constexpr std::array<std::pair<OwnWishWay, std::string_view>, 3> kOwnWishWays = {{
    {OwnWishWay::kPhone, "telefon"},
    {OwnWishWay::kInPerson, "personligen"},
    {OwnWishWay::kInWriting, "skriftligen"},
}};

/// Why the person withdrew ("Personen avstår").
enum class WithdrawReason { kMoved, kNoLongerWants, kOtherSupport, kNoContact, kOther };
inline constexpr std::array<std::pair<WithdrawReason, std::string_view>, 5> kWithdrawReasons = {{
    {WithdrawReason::kMoved, "flyttat"},
    {WithdrawReason::kNoLongerWants, "vill_inte_langre"},
    {WithdrawReason::kOtherSupport, "annat_stod"},
    {WithdrawReason::kNoContact, "ingen_kontakt"},
    {WithdrawReason::kOther, "annat"},
}};

/// A status change the client asks for.
enum class StatusAction { kPause, kResume, kWithdraw };
inline constexpr std::array<std::pair<StatusAction, std::string_view>, 3> kStatusActions = {{
    {StatusAction::kPause, "vilande"},
    {StatusAction::kResume, "aterupptag"},
    {StatusAction::kWithdraw, "avstar"},
}};

/// The member municipality code used for a person living outside the operation's municipalities.
inline constexpr std::string_view kOtherMunicipality = "0000";

}  // namespace ombud::domain
