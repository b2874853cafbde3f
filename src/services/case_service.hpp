// src/services/case_service.hpp
//
// From first contact to an active assignment (domain.md (c), (d)): recording a contact, the
// person's own wish, the target-group assessment, the orientation visit, the queue and the
// assignment, and pausing, resuming or withdrawing. Every use case checks the role and then the
// client-scoped access, works in one transaction, seals personal values with the client's key,
// writes a de-identified statistics event per transition, and logs the access.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_rules.hpp"
#include "domain/operation_config.hpp"
#include "domain/queue.hpp"
#include "domain/vocabulary.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// A client's data as the people who may see it see it (opened, not sealed).
struct ClientView {
  std::string id;
  std::string code;
  domain::CaseState state = domain::CaseState::kFirstContact;
  std::string municipality_code;
  std::string municipality_name;  // "" when outside the member municipalities
  domain::Channel channel = domain::Channel::kPhone;
  domain::ContactBy contact_by = domain::ContactBy::kSelf;
  Date first_contact_on;
  std::optional<Date> own_wish_on;
  long long recorded_by = 0;
  std::string alias;  // "" when the person gave none; the code is used then
  std::string reach;
  int birth_year = 0;
  domain::Gender gender = domain::Gender::kNotStated;
  std::vector<std::string> priority_keys;

  struct Assessment {
    domain::AssessmentOutcome outcome = domain::AssessmentOutcome::kInTargetGroup;
    std::optional<domain::DeclineReason> reason;
    domain::Criteria criteria;
  };
  std::optional<Assessment> assessment;
  std::optional<Date> assessed_on;

  std::optional<Date> orientation_on;
  std::optional<domain::Place> orientation_place;
  bool orientation_trusted_person = false;
  std::vector<long long> orientation_ombud;
  std::optional<Date> orientation_held_on;
  Date orientation_deadline;

  std::optional<Date> queue_entered_on;
  std::optional<long long> primary_ombud_id;
  std::optional<Date> assigned_on;
  std::optional<Date> paused_on;
  std::optional<Date> ended_on;
  int version = 0;

  /// The name to show: the alias, else the client code.
  const std::string& display_name() const { return alias.empty() ? code : alias; }
};

// Inputs come as the user typed them (strings), so the web form and the API share one validation
// and one set of messages.

struct NewContact {
  std::string contact_date;  // YYYY-MM-DD; "" means today
  std::string channel;
  std::string contact_by;
  std::string alias;
  std::string reach;
  std::string municipality;  // kommunkod of a member municipality, or "0000" for another
  std::string birth_year;
  std::string gender;
  bool own_wish = false;         // when someone else made contact: the person asked for it
  bool confirmed_adult = false;  // in the year the person turns 18: the birthday has passed
};

struct Under18Inquiry {
  std::string channel;
  std::string contact_by;
  std::string municipality;  // optional
};

struct OwnWishInput {
  int version = 0;
  std::string date;
};

struct AssessmentInput {
  int version = 0;
  std::string date;
  std::string outcome;  // "malgrupp", "nej", "akut"
  std::string reason;   // a decline reason code when "nej"
  // "ja" / "nej" / "" for each criterion.
  std::string significant_disability;
  std::string complex_needs;
  std::string own_will;
  std::string no_substance_abuse;
};

struct BookingInput {
  int version = 0;
  std::string date;
  std::string place;
  std::vector<std::string> ombud;  // user ids
  bool trusted_person = false;
};

struct OrientationHeldInput {
  int version = 0;
  std::string held_on;
  std::string decision;  // "ko" (wants an ombud) or "avstar"
  std::vector<std::string> priorities;
};

struct PrioritiesInput {
  int version = 0;
  std::vector<std::string> priorities;
};

struct AssignInput {
  int version = 0;
  std::string ombud;  // user id
  std::string date;
  std::string reason;  // a reassignment reason code; required when the client already has an ombud
};

/// Corrected or changed details. A move to another member municipality keeps the case, and later
/// statistics count in the new municipality (domain.md scenario 7).
struct DetailsInput {
  int version = 0;
  std::string alias;
  std::string reach;
  std::string municipality;
  std::string birth_year;
  std::string gender;
  bool confirmed_adult = false;
};

struct StatusInput {
  int version = 0;
  std::string action;  // "vilande", "aterupptag", "avstar"
  std::string date;
};

Result<ClientView> record_contact(const Services& s, const Actor& actor, const NewContact& input);
/// Counts an inquiry about someone under 18: a statistics event only, no case, no personal data.
Status count_under_18_inquiry(const Services& s, const Actor& actor, const Under18Inquiry& input);

/// One client, if this actor may see it (else kNotFound, and the refusal is logged).
Result<ClientView> get_client(const Services& s, const Actor& actor, const std::string& client_id);

Result<ClientView> confirm_own_wish(const Services& s, const Actor& actor, const std::string& client_id,
                                    const OwnWishInput& input);
Result<ClientView> assess(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssessmentInput& input);
Result<ClientView> book_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                    const BookingInput& input);
Result<ClientView> record_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                      const OrientationHeldInput& input);
Result<ClientView> set_priorities(const Services& s, const Actor& actor, const std::string& client_id,
                                  const PrioritiesInput& input);
Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssignInput& input);
Result<ClientView> update_details(const Services& s, const Actor& actor, const std::string& client_id,
                                  const DetailsInput& input);
Result<ClientView> change_status(const Services& s, const Actor& actor, const std::string& client_id,
                                 const StatusInput& input);

/// What this actor may do next with the client, by the lifecycle, the role and the client scope.
std::vector<domain::CaseAction> available_actions(const Actor& actor, const ClientView& client);

/// Whether this actor may correct the client's details (alias, reach, municipality, …).
bool may_edit_details(const Actor& actor, const ClientView& client);

/// Display names of the operation's users by id (staff names, for showing who is booked).
Result<std::map<long long, std::string>> staff_names(const Services& s, const Actor& actor);

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

/// An ombud's own clients ("Mina klienter"), or every case for the samordnare; `states` narrows.
Result<std::vector<ClientLine>> list_clients(const Services& s, const Actor& actor,
                                             const std::vector<domain::CaseState>& states = {});

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

/// The ombud of the actor's operation who can be booked or assigned (active users, role ombud).
Result<std::vector<std::pair<long long, std::string>>> ombud_choices(const Services& s, const Actor& actor);

/// The operation's member municipalities as (code, name).
Result<std::vector<std::pair<std::string, std::string>>> municipalities(const Services& s, long long operation_id);

/// Today in the operation's time zone.
Date today(const Services& s);

}  // namespace ombud::services
