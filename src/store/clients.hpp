// src/store/clients.hpp
//
// Cases (clients), orientation bookings, assignments, client codes, the operation's
// configuration history and statistics events. Rows carry personal values only as sealed text
// (the *_ct fields); the services seal and open them with the client's key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/statistics.hpp"

namespace ombud::store {

struct ClientRow {
  std::string id;
  long long operation_id = 0;
  std::string code;
  std::string state;
  std::string municipality_code;
  std::string channel;
  std::string contact_by;
  std::string first_contact_on;
  std::optional<std::string> own_wish_on;
  long long recorded_by = 0;
  std::optional<std::string> alias_ct;
  std::optional<std::string> reach_ct;
  std::string birth_year_ct;
  std::string gender_ct;
  std::optional<std::string> priorities_ct;
  std::optional<std::string> assessment_ct;
  std::optional<std::string> assessed_on;
  std::optional<long long> assessed_by;
  std::optional<std::string> orientation_on;
  std::optional<std::string> orientation_place;
  std::optional<int> orientation_trusted_person;
  std::optional<long long> orientation_booked_by;
  std::optional<std::string> orientation_held_on;
  std::optional<std::string> queue_entered_on;
  std::optional<long long> primary_ombud_id;
  std::optional<std::string> assigned_on;
  std::optional<std::string> paused_on;
  std::optional<std::string> ended_on;
  int version = 1;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  // The client's wrapped data key (client_keys), read along with the row; not written by
  // update_client.
  std::optional<int> key_version;
  std::optional<int> kek_version;
  std::optional<std::string> wrapped_key;
};

Status insert_client(soci::session& sql, const ClientRow& row);
Result<std::optional<ClientRow>> find_client(soci::session& sql, long long operation_id, const std::string& id);

/// Writes every mutable column if the stored version is `row.version`, and bumps it. kConflict
/// ("error.conflict") when someone else changed the client first.
Status update_client(soci::session& sql, const ClientRow& row, UnixSeconds now);

/// What lists show of a client: the columns of the lists, the queue and the overviews, and the
/// wrapped key — not the whole row (lists are the most frequent reads there are).
struct ClientSummary {
  std::string id;
  std::string code;
  std::string state;
  std::string municipality_code;
  std::string first_contact_on;
  std::optional<std::string> orientation_on;
  std::optional<std::string> orientation_held_on;
  std::optional<std::string> queue_entered_on;
  std::optional<long long> primary_ombud_id;
  std::optional<std::string> alias_ct;
  std::string birth_year_ct;
  std::optional<std::string> priorities_ct;
  int version = 0;
  std::optional<int> key_version;
  std::optional<int> kek_version;
  std::optional<std::string> wrapped_key;
};

struct ClientFilter {
  long long operation_id = 0;
  std::vector<std::string> states;            // empty: every state
  std::optional<long long> visible_to_ombud;  // only the cases this ombud may see
};
/// Ordered by client code.
Result<std::vector<ClientSummary>> list_clients(soci::session& sql, const ClientFilter& filter);

/// The next number in the operation's client code series for a year (1, 2, …).
Result<int> next_client_number(soci::session& sql, long long operation_id, int year);

Status set_orientation_ombud(soci::session& sql, const std::string& client_id, const std::vector<long long>& users);
Result<std::vector<long long>> orientation_ombud(soci::session& sql, const std::string& client_id);
/// Every booking of an operation's cases as (client id, user id).
Result<std::vector<std::pair<std::string, long long>>> all_orientation_ombud(soci::session& sql,
                                                                             long long operation_id);

struct AssignmentRow {
  long long id = 0;
  std::string client_id;
  long long ombud_id = 0;
  std::string started_on;
  std::optional<std::string> ended_on;
  std::optional<std::string> change_reason;
  long long assigned_by = 0;
};
Status insert_assignment(soci::session& sql, const AssignmentRow& row);
Status end_assignment(soci::session& sql, const std::string& client_id, const std::string& ended_on,
                      const std::string& change_reason);
Result<std::vector<AssignmentRow>> list_assignments(soci::session& sql, const std::string& client_id);

/// Cases per primary ombud and state, for the caseload view: (user id, state, count).
struct CaseloadRow {
  long long ombud_id = 0;
  std::string state;
  long long count = 0;
};
Result<std::vector<CaseloadRow>> caseload(soci::session& sql, long long operation_id);

struct ConfigRow {
  int version = 0;
  UnixSeconds created_at = 0;
  std::optional<long long> created_by;
  std::string config;  // JSON
};
Status insert_config(soci::session& sql, long long operation_id, const ConfigRow& row);
Result<std::optional<ConfigRow>> latest_config(soci::session& sql, long long operation_id);
/// Newest first.
Result<std::vector<ConfigRow>> config_history(soci::session& sql, long long operation_id, int limit);

Status insert_stat_event(soci::session& sql, const domain::StatEvent& event);
Result<std::vector<domain::StatEvent>> list_stat_events(soci::session& sql, long long operation_id);

}  // namespace ombud::store
