// src/services/internal/case_core.hpp
//
// The case core that every case use case is built on (ADR 0015): loading a case with the access
// policy's check, logging a refusal, sealing and opening its fields with the client's key,
// mapping the row to the view, and the change-and-record-statistics transaction. Inside
// services only: it speaks in store types.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/secret.hpp"
#include "domain/access.hpp"
#include "domain/case_rules.hpp"
#include "domain/operation_config.hpp"
#include "domain/statistics.hpp"
#include "services/client_service.hpp"
#include "services/internal/reference.hpp"
#include "store/clients.hpp"
#include "store/database.hpp"
#include "store/users.hpp"

namespace ombud::services::internal {

using store::ClientRow;

/// Seals a value of a client column with the client's key, bound to the row and the column.
std::string seal(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                 std::string_view value);
/// Opens a sealed value; one that does not open where it is stored is an internal error.
Result<std::string> open(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                         const std::string& sealed);

std::string join(const std::vector<std::string>& parts, char sep);
/// A stored date (YYYY-MM-DD), if there is one.
std::optional<Date> opt_date(const std::optional<std::string>& s);

/// What the access policy needs of a stored case, and of a case already opened.
domain::CaseStanding standing_of(const ClientRow& row, const std::vector<long long>& booked,
                                 const std::vector<long long>& covering);
domain::CaseStanding standing_of(long long operation_id, const ClientView& v);

/// The data key of a client, from the wrapped key read along with its row or list line.
Result<crypto::DataKey> key_of(const Services& s, const std::string& client_id, const std::optional<int>& key_version,
                               const std::optional<int>& kek_version, const std::optional<std::string>& wrapped);
template <typename Row>
Result<crypto::DataKey> key_of(const Services& s, const Row& row) {
  return key_of(s, row.id, row.key_version, row.kek_version, row.wrapped_key);
}

/// A case as loaded for a use case: its row, its unwrapped key and the ombud booked on its visit.
struct Loaded {
  ClientRow row;
  crypto::DataKey key;
  std::vector<long long> booked;
  std::vector<long long> covering;         // who covers for the primary ombud today
  std::optional<Date> actor_covers_until;  // the actor is one of them, until this day
  bool by_cover = false;                   // the actor reaches the case only by covering
};

/// What a loaded case adds to its view: who covers, and until when the viewer does.
void add_cover(ClientView& v, const Loaded& loaded);

/// Marks in the audit log that the actor reached the case by covering (after the transaction).
Status mark_covered_access(const Services& s, const Actor& actor, const Loaded& loaded);

/// Loads a case for `need`. A case the actor may not read, or one of another operation: kNotFound;
/// one they read but may not act on so: kForbidden. Either refusal is marked for refused().
Result<Loaded> load(const Services& s, soci::session& sql, const Actor& actor, const std::string& id,
                    domain::CaseNeed need);

/// The client's moves between municipalities, oldest first.
Result<std::vector<ClientView::Move>> moves_of(soci::session& sql, const std::string& client_id,
                                               const std::map<std::string, std::string>& names);

/// Logs a refusal marked by load() (after the transaction that found it is closed) and passes the
/// error on.
Error refused(const Services& s, const Actor& actor, const std::string& client_id, Error e);

/// Opens a row into the view that pages and the API show.
Result<ClientView> to_view(const ClientRow& r, const crypto::DataKey& key, const std::vector<long long>& booked,
                           const std::map<std::string, std::string>& names, const domain::OperationConfig& config);

/// A de-identified statistics event of a case (domain/statistics.hpp): municipality, year, gender,
/// age band, channel and who made contact, never an identity.
domain::StatEvent stat_for(const ClientView& v, domain::StatEventType type, Date on);
Status write_stat(store::Tx& tx, long long operation_id, domain::StatEvent e);

/// One change to a loaded case: sets the row's new values and writes its statistics event.
using CaseChange =
    std::function<Status(store::Tx& tx, Loaded& loaded, const ClientView& before, const domain::OperationConfig& cfg)>;

/// Runs `change` on a case in one write transaction: the access policy allows `need`; the version
/// the user saw is still current; the row is written at the next version with its statistics event
/// and audit entry; the case after the change is returned.
Result<ClientView> change_case(const Services& s, const Actor& actor, const std::string& client_id, int version,
                               domain::CaseNeed need, const char* record_kind, const CaseChange& change);

/// A case's work records (mapping, contact log, …) as a use case reaches them: loaded for
/// CaseNeed::kWork, with the case opened (for the statistics events the records feed) and the
/// operation's rules.
struct WorkContext {
  Loaded& loaded;
  const ClientView& client;
  const domain::OperationConfig& config;
  const std::string& client_id() const { return loaded.row.id; }
};
using WorkStep = std::function<Status(store::Tx& tx, WorkContext& work)>;

/// Runs `step` in one transaction (a write one when `write`) once the access policy allows the
/// actor CaseNeed::kWork on the case; a refusal is logged and passed on. The step writes its own
/// audit entry inside the transaction.
Status with_work(const Services& s, const Actor& actor, const std::string& client_id, bool write, const WorkStep& step);

/// Seals a value of a work record, bound to the client, the table's column and the record.
std::string seal_record(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                        const std::string& record_id, std::string_view value);
Result<std::string> open_record(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                                const std::string& record_id, const std::string& sealed);
/// An optional text of a work record: sealed as seal_record() does, or none when it is empty.
std::optional<std::string> seal_optional(const WorkContext& w, std::string_view column, const std::string& record_id,
                                         const std::string& value);
/// The text of an optional sealed column, or "" when it has none.
Result<std::string> open_optional(const WorkContext& w, std::string_view column, const std::string& record_id,
                                  const std::optional<std::string>& sealed);

Result<domain::CaseState> transition(domain::CaseState from, domain::CaseAction action, bool accepted = true);
std::string state_code(domain::CaseState s);

}  // namespace ombud::services::internal
