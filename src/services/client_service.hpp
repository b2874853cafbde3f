// src/services/client_service.hpp
//
// One case as its people see it: reading it (logged), what may be done with it next, and
// correcting its details or recording a move inside the area (domain.md scenario 7). The use
// cases of each stage are beside this one (intake, orientation, assignment), all on the case core
// (services/internal/case_core.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case_rules.hpp"
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
  std::optional<domain::OwnWishWay> own_wish_how;
  std::optional<long long> own_wish_received_by;
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
  std::string orientation_time;  // "HH:MM", or "" when none was given
  std::optional<domain::Place> orientation_place;
  bool orientation_trusted_person = false;
  std::vector<long long> orientation_ombud;
  std::vector<long long> covering_ombud;  // colleagues covering for the primary ombud today (vikariat)
  std::optional<Date> covered_until;      // the viewer covers for the primary ombud until this day
  std::optional<Date> orientation_held_on;
  Date orientation_deadline;

  std::optional<Date> queue_entered_on;
  std::optional<long long> primary_ombud_id;
  std::optional<Date> assigned_on;
  std::optional<Date> paused_on;
  std::optional<Date> ended_on;
  std::optional<domain::WithdrawReason> end_reason;
  // Moves between the operation's municipalities while the case went on, oldest first.
  struct Move {
    Date on;
    std::string from_code;
    std::string to_code;
    std::string from_name;  // "" when outside the member municipalities
    std::string to_name;
  };
  std::vector<Move> moves;
  int version = 0;

  /// The name to show: the alias, else the client code.
  const std::string& display_name() const { return alias.empty() ? code : alias; }
};

// Inputs come as the user typed them (strings), so the web form and the API share one validation
// and one set of messages (services/internal/input.hpp).

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
  std::string moved_on;  // the day of a move to another municipality; "" means today
};

/// One client, if this actor may see it (else kNotFound, and the refusal is logged).
Result<ClientView> get_client(const Services& s, const Actor& actor, const std::string& client_id);

Result<ClientView> update_details(const Services& s, const Actor& actor, const std::string& client_id,
                                  const DetailsInput& input);

/// What this actor may do next with the client, by the lifecycle, the role and the client scope.
std::vector<domain::CaseAction> available_actions(const Actor& actor, const ClientView& client);

/// Whether this actor may correct the client's details (alias, reach, municipality, …).
bool may_edit_details(const Actor& actor, const ClientView& client);

/// Whether this actor reaches the work records of the assignment (mapping, contact log, …).
bool may_work(const Actor& actor, const ClientView& client);

}  // namespace ombud::services
