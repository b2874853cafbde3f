// src/store/clients.hpp
//
// The clients table: one row per case, from the first contact to its end, with the client's
// wrapped data key (client_keys) read along. Rows carry personal values only as sealed text (the
// *_ct fields); the services seal and open them with the client's key. The records of a case
// that are not one per case (bookings, assignments, …) have tables and files of their own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

/// What lists show of a client: the columns of the lists, the queue and the overviews, and the
/// wrapped key — not the whole row (lists are the most frequent reads there are).
struct ClientSummary {
  std::string id;
  std::string code;
  std::string state;
  std::string municipality_code;
  std::string first_contact_on;
  std::optional<std::string> own_wish_on;
  std::optional<std::string> orientation_on;
  std::optional<std::string> orientation_held_on;
  std::optional<std::string> queue_entered_on;
  std::optional<long long> primary_ombud_id;
  std::optional<std::string> alias_ct;
  std::string birth_year_ct;
  std::optional<std::string> priorities_ct;
  int version = 1;

  // The client's wrapped data key (client_keys), read along with the row; written by
  // services/internal/keys, not by update_client.
  std::optional<int> key_version;
  std::optional<int> kek_version;
  std::optional<std::string> wrapped_key;

  bool operator==(const ClientSummary&) const = default;
};

/// The whole row: what lists show and the rest.
struct ClientRow : ClientSummary {
  long long operation_id = 0;
  std::string channel;
  std::string contact_by;
  long long recorded_by = 0;
  std::optional<std::string> reach_ct;
  std::string gender_ct;
  std::optional<std::string> assessment_ct;
  std::optional<std::string> assessed_on;
  std::optional<long long> assessed_by;
  std::optional<std::string> own_wish_how;  // domain::kOwnWishWays
  std::optional<long long> own_wish_received_by;
  std::optional<std::string> orientation_place;
  std::optional<std::string> orientation_time;  // "HH:MM"
  std::optional<bool> orientation_trusted_person;
  std::optional<long long> orientation_booked_by;
  std::optional<std::string> assigned_on;
  std::optional<std::string> paused_on;
  std::optional<std::string> ended_on;
  std::optional<std::string> end_reason;  // domain::kWithdrawReasons
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  bool operator==(const ClientRow&) const = default;
};

/// Inserts the row at its version (1 for a new client).
Status insert_client(soci::session& sql, const ClientRow& row);
Result<std::optional<ClientRow>> find_client(soci::session& sql, long long operation_id, const std::string& id);

/// Writes every mutable column if the stored version is `row.version`, and bumps it. kConflict
/// ("error.conflict") when someone else changed the client first.
Status update_client(soci::session& sql, const ClientRow& row, UnixSeconds now);

struct ClientFilter {
  long long operation_id = 0;
  std::vector<std::string> states;            // empty: every state
  std::optional<long long> visible_to_ombud;  // only the cases this ombud may see
  std::string today;                          // YYYY-MM-DD: which covering grants are in force
};
/// Ordered by client code.
Result<std::vector<ClientSummary>> list_clients(soci::session& sql, const ClientFilter& filter);

/// One page of the whole operation's cases in code order, `state` narrowing when given, and how
/// many there are in all. The page is cut in SQL, so its cost does not grow with the operation.
struct ClientPage {
  std::vector<ClientSummary> rows;
  long long total = 0;
};
Result<ClientPage> list_operation_clients(soci::session& sql, long long operation_id,
                                          const std::optional<std::string>& state, int limit, int offset);

/// Cases per primary ombud and state, for the caseload view: (user id, state, count).
struct CaseloadRow {
  long long ombud_id = 0;
  std::string state;
  long long count = 0;
};
Result<std::vector<CaseloadRow>> caseload(soci::session& sql, long long operation_id);

}  // namespace ombud::store
