// src/services/internal/case_core.cpp
#include "services/internal/case_core.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "crypto/aead.hpp"
#include "crypto/secret.hpp"
#include "domain/queue.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "services/internal/assessment_codec.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/keys.hpp"
#include "services/reference_service.hpp"
#include "store/client_keys.hpp"
#include "store/client_moves.hpp"
#include "store/covers.hpp"
#include "store/orientation_ombud.hpp"
#include "store/stat_events.hpp"
#include "store/users.hpp"

namespace ombud::services::internal {

using domain::CaseAction;
using domain::CaseNeed;
using domain::CaseState;

namespace {

constexpr int kKeyVersion = 1;

crypto::FieldAd ad(std::string_view column, const std::string& client_id) {
  return crypto::FieldAd{"clients", column, client_id, client_id, kKeyVersion};
}

// Marks a refusal: the caller logs it once its transaction is over (a write transaction holds
// the writer lock that the audit entry needs).
constexpr const char* kDenied = "client access denied";

}  // namespace

std::string seal(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                 std::string_view value) {
  return crypto::seal_field(key.view(), value, ad(column, client_id));
}

Result<std::string> open(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                         const std::string& sealed) {
  auto plain = crypto::open_field(key.view(), sealed, ad(column, client_id));
  if (!plain) {
    // A value that does not open where it is stored was tampered with or moved: never shown.
    return fail(Error::internal("client field failed to open: clients." + std::string(column)));
  }
  return plain;
}

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return parse_date(*s);
}

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// What the access policy needs of a stored case.
domain::CaseStanding standing_of(const ClientRow& row, const std::vector<long long>& booked,
                                 const std::vector<long long>& covering) {
  domain::CaseStanding c;
  c.covering_ombud = covering;
  c.operation_id = row.operation_id;
  c.state = domain::parse_code(domain::kCaseStates, row.state).value_or(CaseState::kDeclined);
  c.recorded_by = row.recorded_by;
  c.primary_ombud_id = row.primary_ombud_id;
  c.orientation_booked = row.orientation_on.has_value();
  c.orientation_ombud = booked;
  return c;
}

domain::CaseStanding standing_of(long long operation_id, const ClientView& v) {
  return domain::CaseStanding{
      operation_id,        v.state,         v.recorded_by, v.primary_ombud_id, v.orientation_on.has_value(),
      v.orientation_ombud, v.covering_ombud};
}

Result<crypto::DataKey> key_of(const Services& s, const std::string& client_id, const std::optional<int>& key_version,
                               const std::optional<int>& kek_version, const std::optional<std::string>& wrapped) {
  if (!wrapped || !key_version || !kek_version) return fail(Error::not_found("client.not_found"));
  return unwrap_client_key(s, client_id, *key_version, *kek_version, *wrapped);
}

// Loads a case for `need`. Not visible, or not in the actor's operation: kNotFound.
Result<Loaded> load(const Services& s, soci::session& sql, const Actor& actor, const std::string& id, CaseNeed need) {
  auto row = OMBUD_TRY(store::find_client(sql, actor.operation_id, id));
  std::vector<long long> booked;
  std::vector<long long> covering;
  std::optional<Date> actor_until;
  if (row) {
    booked = OMBUD_TRY(store::orientation_ombud(sql, id));
    for (const auto& c : OMBUD_TRY(store::covering_ombud(sql, id, format_date(today(s))))) {
      covering.push_back(c.ombud_id);
      if (c.ombud_id == actor.user_id) actor_until = parse_date(c.ends_on);
    }
  }
  // A client the actor may not see does not exist for them (404); one they see but may not act on
  // in this way is forbidden (403). Both refusals are logged.
  if (!row || !domain::may(actor.principal(), standing_of(*row, booked, covering), CaseNeed::kRead)) {
    Error e = Error::not_found("client.not_found");
    e.detail = kDenied;
    return fail(e);
  }
  const domain::CaseStanding standing = standing_of(*row, booked, covering);
  if (!domain::may(actor.principal(), standing, need)) {
    Error e = Error::forbidden();
    e.detail = kDenied;
    return fail(e);
  }
  auto key = key_of(s, *row);
  if (!key) return fail(key.error());
  const bool covered = domain::by_cover(actor.principal(), standing);
  return Loaded{std::move(*row), std::move(*key), std::move(booked), std::move(covering), actor_until, covered};
}

Result<std::vector<ClientView::Move>> moves_of(soci::session& sql, const std::string& client_id,
                                               const std::map<std::string, std::string>& names) {
  auto name = [&](const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? std::string() : it->second;
  };
  std::vector<ClientView::Move> out;
  for (const auto& m : OMBUD_TRY(store::list_client_moves(sql, client_id))) {
    out.push_back({parse_date(m.moved_on).value_or(Date{}), m.from_municipality, m.to_municipality,
                   name(m.from_municipality), name(m.to_municipality)});
  }
  return out;
}

// Logs a refused access (after the transaction that found it is closed) and passes the error on.
Error refused(const Services& s, const Actor& actor, const std::string& client_id, Error e) {
  if (e.detail == kDenied) {
    e.detail.clear();
    // The id comes from the address: log it only when it has the form of a real one, so that
    // whatever else was typed there (a name, say) never reaches the log.
    bool well_formed = crypto::is_random_id(client_id);
    (void)audit_now(s, AuditSubject::of(actor),
                    AuditEvent{"denied", "client", well_formed ? std::optional(client_id) : std::nullopt,
                               well_formed ? "" : "malformed_id", "denied"});
  }
  return e;
}

Result<ClientView> to_view(const ClientRow& r, const crypto::DataKey& key, const std::vector<long long>& booked,
                           const std::map<std::string, std::string>& names, const domain::OperationConfig& config) {
  ClientView v;
  v.id = r.id;
  v.code = r.code;
  v.state = domain::parse_code(domain::kCaseStates, r.state).value_or(CaseState::kDeclined);
  v.municipality_code = r.municipality_code;
  if (auto it = names.find(r.municipality_code); it != names.end()) v.municipality_name = it->second;
  v.channel = domain::parse_code(domain::kChannels, r.channel).value_or(domain::Channel::kPhone);
  v.contact_by = domain::parse_code(domain::kContactBy, r.contact_by).value_or(domain::ContactBy::kSelf);
  v.first_contact_on = parse_date(r.first_contact_on).value_or(Date{});
  v.own_wish_on = opt_date(r.own_wish_on);
  if (r.own_wish_how) v.own_wish_how = domain::parse_code(domain::kOwnWishWays, *r.own_wish_how);
  v.own_wish_received_by = r.own_wish_received_by;
  v.recorded_by = r.recorded_by;
  if (r.alias_ct) v.alias = OMBUD_TRY(open(key, "alias_ct", r.id, *r.alias_ct));
  if (r.reach_ct) v.reach = OMBUD_TRY(open(key, "reach_ct", r.id, *r.reach_ct));
  long long by = 0;
  if (!parse_int(OMBUD_TRY(open(key, "birth_year_ct", r.id, r.birth_year_ct)), by)) {
    return fail(Error::internal("stored birth year malformed"));
  }
  v.birth_year = static_cast<int>(by);
  v.gender = domain::parse_code(domain::kGenders, OMBUD_TRY(open(key, "gender_ct", r.id, r.gender_ct)))
                 .value_or(domain::Gender::kNotStated);
  if (r.priorities_ct) {
    std::string p = OMBUD_TRY(open(key, "priorities_ct", r.id, *r.priorities_ct));
    for (auto part : split(p, ',')) {
      if (!part.empty()) v.priority_keys.emplace_back(part);
    }
  }
  if (r.assessment_ct)
    v.assessment = assessment_from_json(OMBUD_TRY(open(key, "assessment_ct", r.id, *r.assessment_ct)));
  v.assessed_on = opt_date(r.assessed_on);
  v.orientation_on = opt_date(r.orientation_on);
  v.orientation_time = r.orientation_time.value_or("");
  if (r.orientation_place) v.orientation_place = domain::parse_code(domain::kPlaces, *r.orientation_place);
  v.orientation_trusted_person = r.orientation_trusted_person.value_or(false);
  v.orientation_ombud = booked;
  v.orientation_held_on = opt_date(r.orientation_held_on);
  v.orientation_deadline =
      domain::orientation_deadline(domain::deadline_start(v.first_contact_on, v.own_wish_on), config);
  v.queue_entered_on = opt_date(r.queue_entered_on);
  v.primary_ombud_id = r.primary_ombud_id;
  v.assigned_on = opt_date(r.assigned_on);
  v.paused_on = opt_date(r.paused_on);
  v.ended_on = opt_date(r.ended_on);
  if (r.end_reason) v.end_reason = domain::parse_code(domain::kWithdrawReasons, *r.end_reason);
  v.version = r.version;
  return v;
}

domain::StatEvent stat_for(const ClientView& v, domain::StatEventType type, Date on) {
  domain::StatEvent e;
  e.municipality_code = v.municipality_code;
  e.year = static_cast<int>(on.year());
  e.type = type;
  e.gender = std::string(domain::code_of(domain::kGenders, v.gender));
  e.age_band = domain::age_band(v.birth_year, e.year);
  e.channel = std::string(domain::code_of(domain::kChannels, v.channel));
  e.contact_by = std::string(domain::code_of(domain::kContactBy, v.contact_by));
  return e;
}

Status write_stat(store::Tx& tx, long long operation_id, domain::StatEvent e) {
  e.operation_id = operation_id;
  return store::insert_stat_event(tx.sql(), e);
}

// Runs `change` on a loaded case in one write transaction: the version the user saw must still be
// current; the row is written with the next version; `change` adds its statistics event; the
// access is logged.
Result<ClientView> change_case(const Services& s, const Actor& actor, const std::string& client_id, int version,
                               CaseNeed need, const char* record_kind, const CaseChange& change) {
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  const VersionedConfig& cfg = ref->config;
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto found = load(s, tx->sql(), actor, client_id, need);
  if (!found) {
    tx.reset();
    return fail(refused(s, actor, client_id, found.error()));
  }
  Loaded& loaded = *found;
  if (loaded.row.version != version) return fail(Error::conflict("error.conflict"));
  ClientView before = OMBUD_TRY(to_view(loaded.row, loaded.key, loaded.booked, ref->municipality_names, cfg.config));
  add_cover(before, loaded);
  OMBUD_CHECK(change(*tx, loaded, before, cfg.config));
  OMBUD_CHECK(store::update_client(tx->sql(), loaded.row, s.clock.now()));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"update", record_kind, client_id, "", "ok"}));
  loaded.row.version += 1;
  std::vector<long long> booked = OMBUD_TRY(store::orientation_ombud(tx->sql(), client_id));
  ClientView after = OMBUD_TRY(to_view(loaded.row, loaded.key, booked, ref->municipality_names, cfg.config));
  add_cover(after, loaded);
  after.moves = OMBUD_TRY(moves_of(tx->sql(), client_id, ref->municipality_names));
  OMBUD_CHECK(tx->commit());
  return after;
}

void add_cover(ClientView& v, const Loaded& loaded) {
  v.covering_ombud = loaded.covering;
  v.covered_until = loaded.actor_covers_until;
}

Status mark_covered_access(const Services& s, const Actor& actor, const Loaded& loaded) {
  if (!loaded.by_cover) return {};
  return audit_now(s, AuditSubject::of(actor), AuditEvent{"covered_access", "client", loaded.row.id, "", "ok"});
}

Status with_work(const Services& s, const Actor& actor, const std::string& client_id, bool write,
                 const WorkStep& step) {
  auto ref = OMBUD_TRY(reference(s, actor.operation_id));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, write ? store::Tx::Mode::kWrite : store::Tx::Mode::kRead));
  auto found = load(s, tx->sql(), actor, client_id, CaseNeed::kWork);
  if (!found) {
    tx.reset();
    return fail(refused(s, actor, client_id, found.error()));
  }
  const domain::OperationConfig& cfg = ref->config.config;
  ClientView client = OMBUD_TRY(to_view(found->row, found->key, found->booked, ref->municipality_names, cfg));
  add_cover(client, *found);
  WorkContext work{*found, client, cfg};
  OMBUD_CHECK(step(*tx, work));
  OMBUD_CHECK(tx->commit());
  tx.reset();
  return mark_covered_access(s, actor, *found);
}

std::string seal_record(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                        const std::string& record_id, std::string_view value) {
  return seal(key, std::string(column) + "/" + record_id, client_id, value);
}

Result<std::string> open_record(const crypto::DataKey& key, std::string_view column, const std::string& client_id,
                                const std::string& record_id, const std::string& sealed) {
  return open(key, std::string(column) + "/" + record_id, client_id, sealed);
}

std::optional<std::string> seal_optional(const WorkContext& w, std::string_view column, const std::string& record_id,
                                         const std::string& value) {
  if (value.empty()) return std::nullopt;
  return seal_record(w.loaded.key, column, w.client_id(), record_id, value);
}

Result<std::string> open_optional(const WorkContext& w, std::string_view column, const std::string& record_id,
                                  const std::optional<std::string>& sealed) {
  if (!sealed) return std::string();
  return open_record(w.loaded.key, column, w.client_id(), record_id, *sealed);
}

Result<CaseState> transition(CaseState from, CaseAction action, bool accepted) {
  return domain::next_state(from, action, accepted);
}

std::string state_code(CaseState s) {
  return std::string(domain::code_of(domain::kCaseStates, s));
}

}  // namespace ombud::services::internal
