// src/domain/queue.hpp
//
// The queue and the orientation-visit deadlines, computed from the cases and the operation's
// configuration at the moment they are shown: nothing about order is stored, so a change of the
// priority groups re-orders the queue at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/operation_config.hpp"
#include "domain/vocabulary.hpp"

namespace ombud::domain {

struct QueueEntry {
  std::string client_id;
  std::string code;
  Date entered_on;
  int birth_year = 0;
  std::vector<std::string> marked_groups;  // priority group keys marked for the client
};

struct QueuePlace {
  int position = 0;  // 1-based
  const QueueEntry* entry = nullptr;
  int waited_days = 0;
  int score = 0;                             // waited_days plus the weights of the groups
  std::vector<const PriorityGroup*> groups;  // the groups that apply, in configuration order
};

/// Orders the queue: highest score first; equal scores by entry date, then code.
std::vector<QueuePlace> order_queue(const std::vector<QueueEntry>& entries, const OperationConfig& config, Date today);

/// The groups that apply to a client: marked ones that still exist, and age-based ones by the age
/// reached this year.
std::vector<const PriorityGroup*> applicable_groups(const OperationConfig& config,
                                                    const std::vector<std::string>& marked, int birth_year, Date today);

enum class DeadlineStatus {
  kNotBooked,   // nothing booked, time remains
  kDueSoon,     // nothing booked and the deadline is near
  kOverdue,     // the deadline passed without a visit
  kBookedLate,  // booked for a date after the deadline
};

struct DeadlineCase {
  std::string client_id;
  std::string code;
  CaseState state = CaseState::kFirstContact;
  Date first_contact_on;
  std::optional<Date> booked_on;    // the booked visit date, if any
  std::optional<Date> own_wish_on;  // when the person's own wish was recorded, if it was
};

struct DeadlineRow {
  const DeadlineCase* c = nullptr;
  Date deadline;
  int days_left = 0;  // of the configured kind; negative when overdue
  DeadlineStatus status = DeadlineStatus::kNotBooked;
};

/// Every case before its orientation visit whose visit is not booked, or is booked too late, or
/// is overdue — most urgent first. A case still waiting for the person's own wish has no deadline
/// running and is left out.
std::vector<DeadlineRow> deadline_overview(const std::vector<DeadlineCase>& cases, const OperationConfig& config,
                                           Date today);

/// When the orientation deadline starts to run: at the first contact, or, when someone else made
/// it, once the person's own wish is on record (before that the case waits and no clock runs).
Date deadline_start(Date first_contact_on, const std::optional<Date>& own_wish_on);

/// The last day for the orientation visit, counted from deadline_start().
Date orientation_deadline(Date starts_on, const OperationConfig& config);

}  // namespace ombud::domain
