// src/domain/operation_config.hpp
//
// The rules an operation configures (domain.md (c), marked [C]): the target group, the orientation
// visit and its deadline, the queue's priority groups, and the texts shown to people who are
// referred on or declined. Stored per operation with its history; edited in the UI.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/calendar.hpp"
#include "domain/work.hpp"

namespace ombud::domain {

/// A priority group of the queue, set by the ledningsgrupp. Membership is either marked per
/// client, or — when an age range is given — follows from the birth year.
struct PriorityGroup {
  std::string key;      // stable: [a-z0-9_], e.g. "ensamstaende_foralder"
  std::string label;    // as shown, e.g. "Ensamstående förälder"
  int weight_days = 0;  // how many days of waiting membership is worth
  std::optional<int> age_from;
  std::optional<int> age_to;

  bool by_age() const { return age_from.has_value() || age_to.has_value(); }
};

/// A number to call in a crisis, shown as a tap-to-call link at the top of every first-contact
/// form and every case before its assessment.
struct CrisisContact {
  std::string label;   // whom it reaches: "Socialjouren i Oskarshamn"
  std::string number;  // as people write it, "0491-880 00"; may be empty (then shown without a link)
  std::string note;    // optional: "dygnet runt"
};

struct OperationConfig {
  // Target group. Adults only (förordning 2013:522 § 2): min_age is never below 18.
  int min_age = 18;
  std::optional<int> max_age;            // e.g. 65 in some operations
  bool require_own_will = false;         // "egen vilja till förändring"
  bool exclude_substance_abuse = false;  // "inte i ett aktivt missbruk"

  // Orientation visit: how many ombud meet the person, and within how long of the first contact.
  int orientation_ombud_count = 2;
  int orientation_deadline_days = 21;
  DayKind deadline_day_kind = DayKind::kCalendar;
  int deadline_warning_days = 6;  // warn when this few days remain and nothing is booked

  std::vector<PriorityGroup> priority_groups;

  // Shown when someone is referred to acute care, and to people who are declined.
  std::string acute_help_text;
  std::vector<CrisisContact> crisis_contacts;
  std::string complaints_contact;

  // The life areas of the needs mapping (kartläggning), in the order the form asks them.
  std::vector<LifeArea> life_areas = default_life_areas();

  // How many goals of a client's action plan may be active at once (handlingsplan: one at a time).
  int max_active_goals = 1;
};

/// Field errors for a configuration that cannot be used; empty when it is valid.
std::vector<FieldError> validate_config(const OperationConfig& config);

/// A priority group's short name made from its label, for a group given none: lower case a–z
/// (å, ä → a; ö → o; é → e), digits, and _ for anything else, at most 40 characters;
/// "Ensamstående förälder" → "ensamstaende_foralder".
std::string key_from_label(std::string_view label);

/// The digits of a phone number, with a leading + kept, for a tel: link: "0491-880 00" →
/// "049188000". Empty when the number has no digits.
std::string dial_digits(std::string_view number);

/// The crisis numbers that hold everywhere in Sweden (112, 1177, Självmordslinjen 90101), after
/// the operation's own socialjour and psychiatric emergency unit, whose numbers it fills in.
std::vector<CrisisContact> default_crisis_contacts();

/// The rules of a new operation (`ombud init`): the seeds' common ground, no priority groups.
OperationConfig default_config();

/// The demo operation's rules, after the seed texts: adults from 18 with no upper bound, two ombud
/// at an orientation visit within three weeks, the priority groups of a city operation.
OperationConfig seed_config();

const PriorityGroup* find_priority_group(const OperationConfig& config, std::string_view key);

}  // namespace ombud::domain
