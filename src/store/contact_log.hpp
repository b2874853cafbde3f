// src/store/contact_log.hpp
//
// The contact_log table: the dated entries of an assignment's work (meetings, calls, letters
// written together, network and SIP meetings), newest first, in pages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct ContactLogRow {
  std::string id;
  std::string client_id;
  std::string happened_on;
  std::string kind;
  std::optional<std::string> place;
  std::string counterpart;
  std::optional<std::string> network_id;  // whom in the network map, when the entry names them
  std::optional<std::string> letter;      // which kind of letter an entry wrote (a code)
  int minutes = 0;
  std::optional<std::string> note_ct;
  std::string stat_id;
  long long recorded_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

Status insert_contact_entry(soci::session& sql, const ContactLogRow& row);
Result<std::optional<ContactLogRow>> find_contact_entry(soci::session& sql, const std::string& client_id,
                                                        const std::string& id);
/// Writes the entry's values at the next version if it is still at `row.version`; false when
/// someone changed it first.
Result<bool> update_contact_entry(soci::session& sql, const ContactLogRow& row);
Status delete_contact_entry(soci::session& sql, const std::string& client_id, const std::string& id);

struct ContactLogPage {
  std::vector<ContactLogRow> rows;  // newest first
  long long total = 0;
  long long total_minutes = 0;
};
/// Adds to the log's totals (negative to take away) in the transaction that changes an entry.
Status add_to_contact_totals(soci::session& sql, const std::string& client_id, long long entries, long long minutes);

/// One page of a client's log, `limit` entries from `offset`, with the totals of the whole log.
Result<ContactLogPage> list_contact_log(soci::session& sql, const std::string& client_id, int limit, int offset);

}  // namespace ombud::store
