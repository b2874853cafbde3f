// src/store/consents.hpp
//
// The consents table: what a client agreed that the ombud may do with someone in the network map,
// from and until when, signed or oral, and when it was revoked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct ConsentRow {
  std::string id;
  std::string client_id;
  std::string network_id;
  std::string scopes;  // space-separated codes
  std::optional<std::string> matter_ct;
  std::string given_as;
  std::string valid_from;
  std::optional<std::string> valid_until;
  std::optional<std::string> revoked_on;
  long long created_by = 0;
  UnixSeconds created_at = 0;
  int version = 1;
};

/// The client's consents, by whom they are for, oldest first.
Result<std::vector<ConsentRow>> list_consents(soci::session& sql, const std::string& client_id);
Result<std::optional<ConsentRow>> find_consent(soci::session& sql, const std::string& client_id, const std::string& id);
Status insert_consent(soci::session& sql, const ConsentRow& row);
/// Writes at the next version if still at `row.version`; false when someone changed it first.
Result<bool> update_consent(soci::session& sql, const ConsentRow& row);
Status delete_consent(soci::session& sql, const std::string& client_id, const std::string& id);

}  // namespace ombud::store
