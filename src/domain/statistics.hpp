// src/domain/statistics.hpp
//
// De-identified statistics events (design.md): one per transition, written in the same
// transaction, with no client id, no name, no date finer than the year — nothing that links back
// to the client once the client is destroyed. The yearly report is computed from these alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/vocabulary.hpp"

namespace ombud::domain {

enum class StatEventType {
  kFirstContact,
  kInquiryUnder18,  // counted only: no case, no personal data
  kOwnWishConfirmed,
  kAssessedInTargetGroup,
  kDeclined,
  kReferredAcute,
  kOrientationBooked,
  kOrientationHeld,
  kQueued,
  kAssigned,
  kReassigned,
  kPaused,
  kResumed,
  kWithdrawn,
  kEnded,
  kMoved,  // to another member municipality: later events count there (scenario 7)
  // The work of an assignment. Unlike the transitions above, these follow their record: an entry
  // edited or removed together with the client edits or removes its event (ADR 0020).
  kContactLogged,  // a contact-log entry: its kind, whom it was with (a category) and the minutes
  kHelpWanted,     // the needs mapping: the client wants help with a life area (`activity`)
};
inline constexpr std::array<std::pair<StatEventType, std::string_view>, 18> kStatEventTypes = {{
    {StatEventType::kFirstContact, "first_contact"},
    {StatEventType::kInquiryUnder18, "inquiry_under_18"},
    {StatEventType::kOwnWishConfirmed, "own_wish_confirmed"},
    {StatEventType::kAssessedInTargetGroup, "assessed_in_target_group"},
    {StatEventType::kDeclined, "declined"},
    {StatEventType::kReferredAcute, "referred_acute"},
    {StatEventType::kOrientationBooked, "orientation_booked"},
    {StatEventType::kOrientationHeld, "orientation_held"},
    {StatEventType::kQueued, "queued"},
    {StatEventType::kAssigned, "assigned"},
    {StatEventType::kReassigned, "reassigned"},
    {StatEventType::kPaused, "paused"},
    {StatEventType::kResumed, "resumed"},
    {StatEventType::kWithdrawn, "withdrawn"},
    {StatEventType::kEnded, "ended"},
    {StatEventType::kMoved, "moved"},
    {StatEventType::kContactLogged, "contact_logged"},
    {StatEventType::kHelpWanted, "help_wanted"},
}};

struct StatEvent {
  long long operation_id = 0;
  std::string municipality_code;  // kommunkod, or "0000" outside the member municipalities
  int year = 0;
  StatEventType type = StatEventType::kFirstContact;
  std::string gender;       // a kGenders code, or "" when not known (an under-18 inquiry)
  std::string age_band;     // "18-25", …, or "" when not known
  std::string channel;      // a kChannels code
  std::string contact_by;   // a kContactBy code
  std::string reason_code;  // a decline, reassignment or withdrawal reason; "" otherwise
  std::optional<int> days_waited;
  std::string activity;     // a contact-log kind, or a life area's key; "" otherwise
  std::string counterpart;  // a contact-log counterpart category; "" otherwise
  std::optional<int> minutes;
};

/// "18-25", "26-35", "36-45", "46-55", "56-65", "66+" from the age reached in `year`; under 18:
/// "0-17".
std::string age_band(int birth_year, int year);

}  // namespace ombud::domain
