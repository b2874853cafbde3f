// src/services/overview_service.hpp
//
// The lists: an ombud's own cases and all cases, the queue in order with its explanations, the
// orientation deadlines and the caseload per ombud. Each list is logged with the ids it showed.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "domain/calendar.hpp"
#include "domain/queue.hpp"
#include "domain/vocabulary.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// A line of a client list.
struct ClientLine {
  std::string id;
  std::string code;
  std::string name;  // alias or code
  domain::CaseState state = domain::CaseState::kFirstContact;
  std::string municipality_name;
  Date first_contact_on;
  std::optional<Date> orientation_on;
  std::optional<long long> primary_ombud_id;
};

/// An ombud's own clients ("Mina klienter"), all at once (they are few); `states` narrows. The
/// whole operation's cases, which grow with its history, come only in pages (list_client_page):
/// for a role that lists them this is kForbidden.
Result<std::vector<ClientLine>> list_clients(const Services& s, const Actor& actor,
                                             const std::vector<domain::CaseState>& states = {});

/// One page of a client list, and how many cases the list holds in all.
struct ClientList {
  std::vector<ClientLine> lines;
  long long total = 0;
  int page = 1;
  int per_page = 50;
  int pages() const { return total == 0 ? 1 : static_cast<int>((total + per_page - 1) / per_page); }
};
inline constexpr int kMaxPerPage = 200;

/// Page `page` (from 1) of `per_page` (1–kMaxPerPage) of the cases list_clients() would list, in
/// code order. A page after the last is empty, with the total.
Result<ClientList> list_client_page(const Services& s, const Actor& actor, std::optional<domain::CaseState> state,
                                    int page, int per_page);

struct QueueLine {
  int position = 0;
  std::string client_id;
  std::string code;
  std::string municipality_name;
  Date entered_on;
  int waited_days = 0;
  int score = 0;
  std::vector<std::pair<std::string, int>> groups;  // (label, weight) of the groups that apply
  int version = 0;
};
struct QueueView {
  std::vector<QueueLine> lines;
  int config_version = 0;
};
Result<QueueView> queue(const Services& s, const Actor& actor);

struct DeadlineLine {
  std::string client_id;
  std::string code;
  domain::CaseState state = domain::CaseState::kFirstContact;
  Date first_contact_on;
  Date deadline;
  int days_left = 0;
  domain::DeadlineStatus status = domain::DeadlineStatus::kNotBooked;
  std::optional<Date> booked_on;
};
struct DeadlineView {
  std::vector<DeadlineLine> lines;
  domain::DayKind day_kind = domain::DayKind::kCalendar;
  int deadline_days = 21;
};
Result<DeadlineView> deadlines(const Services& s, const Actor& actor);

struct OmbudLoad {
  long long user_id = 0;
  std::string display_name;
  bool disabled = false;
  int active = 0;
  int paused = 0;
  int closing = 0;
  int orientation_bookings = 0;  // upcoming or unrecorded orientation visits
};
Result<std::vector<OmbudLoad>> caseload(const Services& s, const Actor& actor);

}  // namespace ombud::services
