// src/services/case_service.cpp
#include "services/case_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "crypto/aead.hpp"
#include "crypto/secret.hpp"
#include "domain/statistics.hpp"
#include "services/admin_service.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "store/accounts.hpp"
#include "store/clients.hpp"
#include "store/operations.hpp"

namespace ombud::services {

namespace {

using domain::CaseAction;
using domain::CaseState;
using store::ClientRow;

constexpr int kKeyVersion = 1;

crypto::FieldAd ad(std::string_view column, const std::string& client_id) {
  return crypto::FieldAd{"clients", column, client_id, client_id, kKeyVersion};
}

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

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return parse_date(*s);
}

// What a case needs beyond its row: the unwrapped key, the booked ombud and the rules.
struct Loaded {
  ClientRow row;
  crypto::DataKey key;
  std::vector<long long> booked;
};

// ---- Access ---------------------------------------------------------------------------------

using domain::CaseNeed;

// What the access policy needs of a stored case.
domain::CaseStanding standing_of(const ClientRow& row, const std::vector<long long>& booked) {
  domain::CaseStanding c;
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
      operation_id, v.state, v.recorded_by, v.primary_ombud_id, v.orientation_on.has_value(), v.orientation_ombud};
}

// The data key of a client row (or list line) read with its wrapped key.
template <typename Row>
Result<crypto::DataKey> key_of(const Services& s, const Row& row) {
  if (!row.wrapped_key || !row.key_version || !row.kek_version) return fail(Error::not_found("client.not_found"));
  return unwrap_client_key(s, row.id, *row.key_version, *row.kek_version, *row.wrapped_key);
}

// Marks a refusal: the caller logs it once its transaction is over (a write transaction holds
// the writer lock that the audit entry needs).
constexpr const char* kDenied = "client access denied";

// Loads a case for `need`. Not visible, or not in the actor's operation: kNotFound.
Result<Loaded> load(const Services& s, soci::session& sql, const Actor& actor, const std::string& id, CaseNeed need) {
  auto row = OMBUD_TRY(store::find_client(sql, actor.operation_id, id));
  std::vector<long long> booked;
  if (row) booked = OMBUD_TRY(store::orientation_ombud(sql, id));
  // A client the actor may not see does not exist for them (404); one they see but may not act on
  // in this way is forbidden (403). Both refusals are logged.
  if (!row || !domain::may(actor.principal(), standing_of(*row, booked), CaseNeed::kRead)) {
    Error e = Error::not_found("client.not_found");
    e.detail = kDenied;
    return fail(e);
  }
  if (!domain::may(actor.principal(), standing_of(*row, booked), need)) {
    Error e = Error::forbidden();
    e.detail = kDenied;
    return fail(e);
  }
  auto key = key_of(s, *row);
  if (!key) return fail(key.error());
  return Loaded{std::move(*row), std::move(*key), std::move(booked)};
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

// ---- Rows and views -----------------------------------------------------------------------

Result<std::map<std::string, std::string>> municipality_names(soci::session& sql, long long operation_id) {
  std::map<std::string, std::string> out;
  for (const auto& m : OMBUD_TRY(store::list_municipalities(sql, operation_id)))
    out[m.code] = m.name;
  return out;
}

std::string assessment_to_json(const ClientView::Assessment& a) {
  auto yn = [](const std::optional<bool>& b) { return b ? nlohmann::json(*b) : nlohmann::json(nullptr); };
  nlohmann::json j = {
      {"outcome", std::string(domain::code_of(domain::kOutcomes, a.outcome))},
      {"reason", a.reason ? std::string(domain::code_of(domain::kDeclineReasons, *a.reason)) : std::string()},
      {"significant_disability", yn(a.criteria.significant_disability)},
      {"complex_needs", yn(a.criteria.complex_needs)},
      {"own_will", yn(a.criteria.own_will)},
      {"no_substance_abuse", yn(a.criteria.no_substance_abuse)}};
  return j.dump();
}

std::optional<ClientView::Assessment> assessment_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  ClientView::Assessment a;
  a.outcome = domain::parse_code(domain::kOutcomes, j.value("outcome", std::string()))
                  .value_or(domain::AssessmentOutcome::kInTargetGroup);
  a.reason = domain::parse_code(domain::kDeclineReasons, j.value("reason", std::string()));
  auto yn = [&](const char* k) -> std::optional<bool> {
    if (!j.contains(k) || j[k].is_null()) return std::nullopt;
    return j[k].get<bool>();
  };
  a.criteria.significant_disability = yn("significant_disability");
  a.criteria.complex_needs = yn("complex_needs");
  a.criteria.own_will = yn("own_will");
  a.criteria.no_substance_abuse = yn("no_substance_abuse");
  return a;
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
  if (r.orientation_place) v.orientation_place = domain::parse_code(domain::kPlaces, *r.orientation_place);
  v.orientation_trusted_person = r.orientation_trusted_person.value_or(0) == 1;
  v.orientation_ombud = booked;
  v.orientation_held_on = opt_date(r.orientation_held_on);
  v.orientation_deadline = domain::orientation_deadline(v.first_contact_on, config);
  v.queue_entered_on = opt_date(r.queue_entered_on);
  v.primary_ombud_id = r.primary_ombud_id;
  v.assigned_on = opt_date(r.assigned_on);
  v.paused_on = opt_date(r.paused_on);
  v.ended_on = opt_date(r.ended_on);
  v.version = r.version;
  return v;
}

// ---- Input parsing ----------------------------------------------------------------------------

// Parses a date a user gave for something that has happened: not in the future, not before
// `not_before` (the first contact). "" means today.
Date parse_past_date(const std::string& text, const char* field, Date today, std::optional<Date> not_before,
                     std::vector<FieldError>& errors) {
  std::string_view t = trim(text);
  if (t.empty()) return today;
  auto d = parse_date(t);
  if (!d) {
    errors.push_back({field, "date.invalid"});
    return today;
  }
  if (std::chrono::sys_days{*d} > std::chrono::sys_days{today}) {
    errors.push_back({field, "date.in_future"});
  } else if (not_before && std::chrono::sys_days{*d} < std::chrono::sys_days{*not_before}) {
    errors.push_back({field, "date.before_first_contact"});
  }
  return *d;
}

std::optional<bool> parse_yes_no(const std::string& v, const char* field, std::vector<FieldError>& errors) {
  if (v == "ja") return true;
  if (v == "nej") return false;
  if (!v.empty()) errors.push_back({field, "field.invalid"});
  return std::nullopt;
}

void check_text(const std::string& value, const char* field, std::size_t max_chars, bool multiline,
                std::vector<FieldError>& errors) {
  if (!is_clean_utf8(value, multiline)) {
    errors.push_back({field, "field.invalid"});
  } else if (utf8_length(value) > max_chars) {
    errors.push_back({field, "field.too_long"});
  }
}

Status invalid_if(std::vector<FieldError>& errors) {
  if (errors.empty()) return {};
  return fail(Error::invalid("error.invalid_input", std::move(errors)));
}

Result<std::vector<store::UserRecord>> operation_ombud(soci::session& sql, long long operation_id) {
  auto users = OMBUD_TRY(store::list_users(sql, operation_id));
  std::erase_if(users, [](const store::UserRecord& u) { return u.role != domain::Role::kOmbud || u.disabled; });
  return users;
}

// ---- Statistics ---------------------------------------------------------------------------

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

// ---- A change to a case ---------------------------------------------------------------------

// Runs `change` on a loaded case in one write transaction: the version the user saw must still be
// current; the row is written with the next version; `change` adds its statistics event; the
// access is logged.
template <typename Change>
Result<ClientView> change_case(const Services& s, const Actor& actor, const std::string& client_id, int version,
                               CaseNeed need, const char* record_kind, Change&& change) {
  auto cfg = OMBUD_TRY(current_config(s, actor.operation_id));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto found = load(s, tx->sql(), actor, client_id, need);
  if (!found) {
    tx.reset();
    return fail(refused(s, actor, client_id, found.error()));
  }
  Loaded& loaded = *found;
  if (loaded.row.version != version) return fail(Error::conflict("error.conflict"));
  auto names = OMBUD_TRY(municipality_names(tx->sql(), actor.operation_id));
  ClientView before = OMBUD_TRY(to_view(loaded.row, loaded.key, loaded.booked, names, cfg.config));
  OMBUD_CHECK(change(*tx, loaded, before, cfg.config));
  OMBUD_CHECK(store::update_client(tx->sql(), loaded.row, s.clock.now()));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"update", record_kind, client_id, "", "ok"}));
  loaded.row.version += 1;
  std::vector<long long> booked = OMBUD_TRY(store::orientation_ombud(tx->sql(), client_id));
  ClientView after = OMBUD_TRY(to_view(loaded.row, loaded.key, booked, names, cfg.config));
  OMBUD_CHECK(tx->commit());
  return after;
}

Result<CaseState> transition(CaseState from, CaseAction action, bool accepted = true) {
  return domain::next_state(from, action, accepted);
}

std::string state_code(CaseState s) {
  return std::string(domain::code_of(domain::kCaseStates, s));
}

}  // namespace

Date today(const Services& s) {
  return local_date(s.clock.now());
}

std::vector<CaseAction> available_actions(const Actor& actor, const ClientView& v) {
  const domain::CaseStanding standing = standing_of(actor.operation_id, v);
  std::vector<CaseAction> out;
  auto offer = [&](CaseAction a, CaseNeed need) {
    if (domain::action_allowed(v.state, a) && domain::may(actor.principal(), standing, need)) out.push_back(a);
  };
  offer(CaseAction::kConfirmOwnWish, CaseNeed::kIntake);
  offer(CaseAction::kAssess, CaseNeed::kIntake);
  offer(CaseAction::kReferAcute, CaseNeed::kIntake);
  offer(CaseAction::kBookOrientation, CaseNeed::kIntake);
  if (v.orientation_on) offer(CaseAction::kRecordOrientation, CaseNeed::kRecordOrientation);
  offer(CaseAction::kSetPriorities, CaseNeed::kIntake);
  offer(CaseAction::kAssign, CaseNeed::kAssign);
  offer(CaseAction::kReassign, CaseNeed::kAssign);
  offer(CaseAction::kPause, CaseNeed::kChangeStatus);
  offer(CaseAction::kResume, CaseNeed::kChangeStatus);
  offer(CaseAction::kWithdraw, CaseNeed::kChangeStatus);
  return out;
}

bool may_edit_details(const Actor& actor, const ClientView& v) {
  return domain::details_editable(v.state) &&
         domain::may(actor.principal(), standing_of(actor.operation_id, v), CaseNeed::kEditDetails);
}

Result<std::map<long long, std::string>> staff_names(const Services& s, const Actor& actor) {
  auto conn = s.db.acquire();
  std::map<long long, std::string> out;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), actor.operation_id)))
    out[u.id] = u.display_name;
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> municipalities(const Services& s, long long operation_id) {
  auto conn = s.db.acquire();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : OMBUD_TRY(store::list_municipalities(conn.sql(), operation_id)))
    out.emplace_back(m.code, m.name);
  return out;
}

Result<std::vector<std::pair<long long, std::string>>> ombud_choices(const Services& s, const Actor& actor) {
  auto conn = s.db.acquire();
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& u : OMBUD_TRY(operation_ombud(conn.sql(), actor.operation_id)))
    out.emplace_back(u.id, u.display_name);
  return out;
}

Result<ClientView> record_contact(const Services& s, const Actor& actor, const NewContact& in) {
  const Date now = today(s);
  auto cfg = OMBUD_TRY(current_config(s, actor.operation_id));
  std::vector<FieldError> errors;
  Date contact_on = parse_past_date(in.contact_date, "contact_date", now, std::nullopt, errors);
  auto channel = domain::parse_code(domain::kChannels, in.channel);
  if (!channel) errors.push_back({"channel", in.channel.empty() ? "field.required" : "field.invalid"});
  auto contact_by = domain::parse_code(domain::kContactBy, in.contact_by);
  if (!contact_by) errors.push_back({"contact_by", in.contact_by.empty() ? "field.required" : "field.invalid"});
  auto gender = domain::parse_code(domain::kGenders, in.gender);
  if (!gender) errors.push_back({"gender", in.gender.empty() ? "field.required" : "field.invalid"});
  std::string alias(trim(in.alias));
  std::string reach(trim(in.reach));
  check_text(alias, "alias", 80, false, errors);
  check_text(reach, "reach", 300, true, errors);
  long long birth_year = 0;
  if (trim(in.birth_year).empty()) {
    errors.push_back({"birth_year", "field.required"});
  } else if (!parse_int(trim(in.birth_year), birth_year)) {
    errors.push_back({"birth_year", "contact.birth_year_invalid"});
  } else if (auto adult = domain::check_adult(static_cast<int>(birth_year), now, in.confirmed_adult, cfg.config);
             !adult) {
    errors.push_back(adult.error().fields.front());
  }
  auto conn_names = municipalities(s, actor.operation_id);
  if (!conn_names) return fail(conn_names.error());
  bool known =
      in.municipality == domain::kOtherMunicipality ||
      std::any_of(conn_names->begin(), conn_names->end(), [&](const auto& m) { return m.first == in.municipality; });
  if (!known)
    errors.push_back({"municipality", in.municipality.empty() ? "field.required" : "contact.municipality_unknown"});
  OMBUD_CHECK(invalid_if(errors));

  const bool self = *contact_by == domain::ContactBy::kSelf;
  const CaseState state = (self || in.own_wish) ? CaseState::kAssessment : CaseState::kFirstContact;

  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  const int year = static_cast<int>(contact_on.year());
  int number = OMBUD_TRY(store::next_client_number(tx->sql(), actor.operation_id, year));
  char code[32];
  std::snprintf(code, sizeof code, "K-%d-%03d", year, number);
  ClientRow row;
  row.id = crypto::random_id();
  row.operation_id = actor.operation_id;
  row.code = code;
  row.state = state_code(state);
  row.municipality_code = in.municipality;
  row.channel = in.channel;
  row.contact_by = in.contact_by;
  row.first_contact_on = format_date(contact_on);
  if (state == CaseState::kAssessment) row.own_wish_on = format_date(contact_on);
  row.recorded_by = actor.user_id;
  row.created_at = s.clock.now();
  crypto::DataKey key = OMBUD_TRY(create_client_key(s, *tx, row.id));
  if (!alias.empty()) row.alias_ct = seal(key, "alias_ct", row.id, alias);
  if (!reach.empty()) row.reach_ct = seal(key, "reach_ct", row.id, reach);
  row.birth_year_ct = seal(key, "birth_year_ct", row.id, std::to_string(birth_year));
  row.gender_ct = seal(key, "gender_ct", row.id, in.gender);
  OMBUD_CHECK(store::insert_client(tx->sql(), row));
  row.version = 1;
  auto names = OMBUD_TRY(municipality_names(tx->sql(), actor.operation_id));
  ClientView view = OMBUD_TRY(to_view(row, key, {}, names, cfg.config));
  OMBUD_CHECK(write_stat(*tx, actor.operation_id, stat_for(view, domain::StatEventType::kFirstContact, contact_on)));
  if (state == CaseState::kAssessment && !self) {
    OMBUD_CHECK(
        write_stat(*tx, actor.operation_id, stat_for(view, domain::StatEventType::kOwnWishConfirmed, contact_on)));
  }
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"create", "client", row.id, "", "ok"}));
  OMBUD_CHECK(tx->commit());
  return view;
}

Status count_under_18_inquiry(const Services& s, const Actor& actor, const Under18Inquiry& in) {
  std::vector<FieldError> errors;
  if (!domain::parse_code(domain::kChannels, in.channel)) errors.push_back({"channel", "field.required"});
  if (!domain::parse_code(domain::kContactBy, in.contact_by)) errors.push_back({"contact_by", "field.required"});
  std::string municipality = in.municipality.empty() ? std::string(domain::kOtherMunicipality) : in.municipality;
  auto names = municipalities(s, actor.operation_id);
  if (!names) return fail(names.error());
  if (municipality != domain::kOtherMunicipality &&
      std::none_of(names->begin(), names->end(), [&](const auto& m) { return m.first == municipality; })) {
    errors.push_back({"municipality", "contact.municipality_unknown"});
  }
  OMBUD_CHECK(invalid_if(errors));
  domain::StatEvent e;
  e.municipality_code = municipality;
  e.year = static_cast<int>(today(s).year());
  e.type = domain::StatEventType::kInquiryUnder18;
  e.age_band = "0-17";
  e.channel = in.channel;
  e.contact_by = in.contact_by;
  e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kAge));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  OMBUD_CHECK(write_stat(*tx, actor.operation_id, e));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"create", "inquiry_under_18", {}, "", "ok"}));
  return tx->commit();
}

Result<ClientView> get_client(const Services& s, const Actor& actor, const std::string& client_id) {
  auto cfg = OMBUD_TRY(current_config(s, actor.operation_id));
  ClientView view;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    auto loaded = load(s, tx->sql(), actor, client_id, CaseNeed::kRead);
    if (!loaded) {
      tx.reset();
      return fail(refused(s, actor, client_id, loaded.error()));
    }
    auto names = OMBUD_TRY(municipality_names(tx->sql(), actor.operation_id));
    view = OMBUD_TRY(to_view(loaded->row, loaded->key, loaded->booked, names, cfg.config));
  }
  // Logged before the data is returned.
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "client", client_id, "", "ok"}));
  return view;
}

Result<ClientView> confirm_own_wish(const Services& s, const Actor& actor, const std::string& client_id,
                                    const OwnWishInput& in) {
  return change_case(s, actor, client_id, in.version, CaseNeed::kIntake, "own_wish",
                     [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
                       std::vector<FieldError> errors;
                       Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
                       OMBUD_CHECK(invalid_if(errors));
                       CaseState next = OMBUD_TRY(transition(v.state, CaseAction::kConfirmOwnWish));
                       l.row.state = state_code(next);
                       l.row.own_wish_on = format_date(on);
                       return write_stat(tx, actor.operation_id,
                                         stat_for(v, domain::StatEventType::kOwnWishConfirmed, on));
                     });
}

Result<ClientView> assess(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssessmentInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kIntake, "assessment",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        const Date now = today(s);
        Date on = parse_past_date(in.date, "date", now, v.first_contact_on, errors);
        auto outcome = domain::parse_code(domain::kOutcomes, in.outcome);
        if (!outcome) errors.push_back({"outcome", in.outcome.empty() ? "field.required" : "field.invalid"});
        std::optional<domain::DeclineReason> reason;
        if (!in.reason.empty()) {
          reason = domain::parse_code(domain::kDeclineReasons, in.reason);
          if (!reason) errors.push_back({"reason", "field.invalid"});
        }
        domain::Criteria c;
        c.significant_disability = parse_yes_no(in.significant_disability, "significant_disability", errors);
        c.complex_needs = parse_yes_no(in.complex_needs, "complex_needs", errors);
        c.own_will = parse_yes_no(in.own_will, "own_will", errors);
        c.no_substance_abuse = parse_yes_no(in.no_substance_abuse, "no_substance_abuse", errors);
        OMBUD_CHECK(invalid_if(errors));
        domain::CaseFacts facts{v.birth_year, v.municipality_code != domain::kOtherMunicipality};
        OMBUD_CHECK(domain::check_assessment(cfg, facts, c, *outcome, reason, on));
        CaseAction action =
            *outcome == domain::AssessmentOutcome::kReferredAcute ? CaseAction::kReferAcute : CaseAction::kAssess;
        CaseState next = OMBUD_TRY(transition(v.state, action, *outcome == domain::AssessmentOutcome::kInTargetGroup));
        ClientView::Assessment a;
        a.outcome = *outcome;
        a.criteria = c;
        if (*outcome == domain::AssessmentOutcome::kDeclined) a.reason = reason;
        l.row.state = state_code(next);
        l.row.assessment_ct = seal(l.key, "assessment_ct", l.row.id, assessment_to_json(a));
        l.row.assessed_on = format_date(on);
        l.row.assessed_by = actor.user_id;
        domain::StatEvent e = stat_for(v, domain::StatEventType::kAssessedInTargetGroup, on);
        if (*outcome == domain::AssessmentOutcome::kDeclined) {
          e.type = domain::StatEventType::kDeclined;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, *reason));
        } else if (*outcome == domain::AssessmentOutcome::kReferredAcute) {
          e.type = domain::StatEventType::kReferredAcute;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kAcuteNeed));
        }
        e.days_waited = days_between(v.first_contact_on, on);
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> book_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                    const BookingInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kIntake, "orientation",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        std::optional<Date> on = parse_date(trim(in.date));
        if (!on) {
          errors.push_back({"date", in.date.empty() ? "field.required" : "date.invalid"});
        } else if (std::chrono::sys_days{*on} < std::chrono::sys_days{v.first_contact_on}) {
          errors.push_back({"date", "date.before_first_contact"});
        } else if (days_between(today(s), *on) > 365) {
          errors.push_back({"date", "orientation.too_far_ahead"});
        }
        auto place = domain::parse_code(domain::kPlaces, in.place);
        if (!place) errors.push_back({"place", in.place.empty() ? "field.required" : "field.invalid"});
        auto ombud = OMBUD_TRY(operation_ombud(tx.sql(), actor.operation_id));
        std::set<long long> chosen;
        bool bad = false;
        for (const auto& id_text : in.ombud) {
          long long id = 0;
          bool ok = parse_int(id_text, id) &&
                    std::any_of(ombud.begin(), ombud.end(), [&](const auto& u) { return u.id == id; });
          if (!ok) bad = true;
          chosen.insert(id);
        }
        if (bad) {
          errors.push_back({"ombud", "orientation.ombud_unknown"});
        } else if (static_cast<int>(chosen.size()) != cfg.orientation_ombud_count || chosen.size() != in.ombud.size()) {
          errors.push_back(
              {"ombud", cfg.orientation_ombud_count == 2 ? "orientation.two_ombud" : "orientation.ombud_count"});
        }
        OMBUD_CHECK(invalid_if(errors));
        OMBUD_TRY(transition(v.state, CaseAction::kBookOrientation));
        bool first_booking = !l.row.orientation_on;
        l.row.orientation_on = format_date(*on);
        l.row.orientation_place = in.place;
        l.row.orientation_trusted_person = in.trusted_person ? 1 : 0;
        l.row.orientation_booked_by = actor.user_id;
        OMBUD_CHECK(
            store::set_orientation_ombud(tx.sql(), client_id, std::vector<long long>(chosen.begin(), chosen.end())));
        if (!first_booking) return {};
        domain::StatEvent e = stat_for(v, domain::StatEventType::kOrientationBooked, today(s));
        e.days_waited = days_between(v.first_contact_on, *on);
        bool in_time = std::chrono::sys_days{*on} <= std::chrono::sys_days{v.orientation_deadline};
        e.reason_code = in_time ? "inom_tidsgrans" : "efter_tidsgrans";
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> record_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                      const OrientationHeldInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kRecordOrientation, "orientation",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        std::vector<FieldError> errors;
        if (!v.orientation_on) return fail(Error::conflict("orientation.not_booked"));
        Date held = parse_past_date(in.held_on, "held_on", today(s), v.first_contact_on, errors);
        bool wants = in.decision == "ko";
        if (!wants && in.decision != "avstar") {
          errors.push_back({"decision", in.decision.empty() ? "field.required" : "field.invalid"});
        }
        std::vector<std::string> keys;
        for (const auto& k : in.priorities) {
          const auto* g = domain::find_priority_group(cfg, k);
          if (g == nullptr || g->by_age()) {
            errors.push_back({"priorities", "field.invalid"});
            break;
          }
          keys.push_back(k);
        }
        OMBUD_CHECK(invalid_if(errors));
        CaseState next = OMBUD_TRY(transition(v.state, CaseAction::kRecordOrientation, wants));
        l.row.state = state_code(next);
        l.row.orientation_held_on = format_date(held);
        domain::StatEvent e = stat_for(v, domain::StatEventType::kOrientationHeld, held);
        e.days_waited = days_between(v.first_contact_on, held);
        e.reason_code = std::chrono::sys_days{held} <= std::chrono::sys_days{v.orientation_deadline}
                            ? "inom_tidsgrans"
                            : "efter_tidsgrans";
        OMBUD_CHECK(write_stat(tx, actor.operation_id, e));
        if (wants) {
          l.row.queue_entered_on = format_date(held);
          l.row.priorities_ct = seal(l.key, "priorities_ct", l.row.id, join(keys, ','));
          domain::StatEvent q = stat_for(v, domain::StatEventType::kQueued, held);
          q.days_waited = days_between(v.first_contact_on, held);
          return write_stat(tx, actor.operation_id, q);
        }
        l.row.ended_on = format_date(held);
        domain::StatEvent w = stat_for(v, domain::StatEventType::kWithdrawn, held);
        w.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kClientWithdrew));
        w.days_waited = days_between(v.first_contact_on, held);
        return write_stat(tx, actor.operation_id, w);
      });
}

Result<ClientView> set_priorities(const Services& s, const Actor& actor, const std::string& client_id,
                                  const PrioritiesInput& in) {
  return change_case(s, actor, client_id, in.version, CaseNeed::kIntake, "priorities",
                     [&](store::Tx&, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
                       OMBUD_TRY(transition(v.state, CaseAction::kSetPriorities));
                       std::vector<std::string> keys;
                       for (const auto& k : in.priorities) {
                         const auto* g = domain::find_priority_group(cfg, k);
                         if (g == nullptr || g->by_age()) return fail(Error::field("priorities", "field.invalid"));
                         if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
                       }
                       l.row.priorities_ct = seal(l.key, "priorities_ct", l.row.id, join(keys, ','));
                       return {};
                     });
}

Result<ClientView> assign(const Services& s, const Actor& actor, const std::string& client_id, const AssignInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kAssign, "assignment",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
        std::vector<FieldError> errors;
        const bool reassign = v.state == CaseState::kActive || v.state == CaseState::kPaused;
        std::optional<Date> not_before = reassign ? v.assigned_on : v.queue_entered_on;
        Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
        if (errors.empty() && not_before && std::chrono::sys_days{on} < std::chrono::sys_days{*not_before}) {
          errors.push_back({"date", reassign ? "assignment.before_current" : "assignment.before_queue"});
        }
        long long ombud_id = 0;
        auto ombud = OMBUD_TRY(operation_ombud(tx.sql(), actor.operation_id));
        if (!parse_int(in.ombud, ombud_id) ||
            std::none_of(ombud.begin(), ombud.end(), [&](const auto& u) { return u.id == ombud_id; })) {
          errors.push_back({"ombud", in.ombud.empty() ? "field.required" : "orientation.ombud_unknown"});
        }
        std::optional<domain::ReassignReason> reason = domain::parse_code(domain::kReassignReasons, in.reason);
        if (reassign && !reason) errors.push_back({"reason", "assignment.reason_required"});
        if (reassign && errors.empty() && v.primary_ombud_id == ombud_id) {
          errors.push_back({"ombud", "assignment.same_ombud"});
        }
        OMBUD_CHECK(invalid_if(errors));
        CaseState next = OMBUD_TRY(transition(v.state, reassign ? CaseAction::kReassign : CaseAction::kAssign));
        std::string date = format_date(on);
        std::string reason_code = reason ? std::string(domain::code_of(domain::kReassignReasons, *reason)) : "";
        if (reassign) OMBUD_CHECK(store::end_assignment(tx.sql(), client_id, date, reason_code));
        OMBUD_CHECK(store::insert_assignment(
            tx.sql(),
            store::AssignmentRow{0, client_id, ombud_id, date, std::nullopt,
                                 reassign ? std::optional<std::string>(reason_code) : std::nullopt, actor.user_id}));
        l.row.state = state_code(next);
        l.row.primary_ombud_id = ombud_id;
        l.row.assigned_on = date;
        domain::StatEvent e =
            stat_for(v, reassign ? domain::StatEventType::kReassigned : domain::StatEventType::kAssigned, on);
        if (reassign) {
          e.reason_code = reason_code;
        } else if (v.queue_entered_on) {
          e.days_waited = days_between(*v.queue_entered_on, on);
        }
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> update_details(const Services& s, const Actor& actor, const std::string& client_id,
                                  const DetailsInput& in) {
  auto names = municipalities(s, actor.operation_id);
  if (!names) return fail(names.error());
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kEditDetails, "details",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig& cfg) -> Status {
        if (!domain::details_editable(v.state)) return fail(Error::conflict("status.transition_forbidden"));
        std::vector<FieldError> errors;
        std::string alias(trim(in.alias));
        std::string reach(trim(in.reach));
        check_text(alias, "alias", 80, false, errors);
        check_text(reach, "reach", 300, true, errors);
        auto gender = domain::parse_code(domain::kGenders, in.gender);
        if (!gender) errors.push_back({"gender", in.gender.empty() ? "field.required" : "field.invalid"});
        long long birth_year = 0;
        if (!parse_int(trim(in.birth_year), birth_year)) {
          errors.push_back(
              {"birth_year", trim(in.birth_year).empty() ? "field.required" : "contact.birth_year_invalid"});
        } else if (birth_year != v.birth_year) {
          if (auto adult = domain::check_adult(static_cast<int>(birth_year), today(s), in.confirmed_adult, cfg);
              !adult) {
            errors.push_back(adult.error().fields.front());
          }
        }
        bool known =
            in.municipality == domain::kOtherMunicipality ||
            std::any_of(names->begin(), names->end(), [&](const auto& m) { return m.first == in.municipality; });
        if (!known) {
          errors.push_back(
              {"municipality", in.municipality.empty() ? "field.required" : "contact.municipality_unknown"});
        } else if (in.municipality == domain::kOtherMunicipality && v.municipality_code != in.municipality &&
                   v.state != CaseState::kFirstContact && v.state != CaseState::kAssessment) {
          // A move out of the area ends the case (domain.md, scenario 7); it is not a correction.
          errors.push_back({"municipality", "details.moved_out"});
        }
        OMBUD_CHECK(invalid_if(errors));
        l.row.alias_ct =
            alias.empty() ? std::nullopt : std::optional<std::string>(seal(l.key, "alias_ct", l.row.id, alias));
        l.row.reach_ct =
            reach.empty() ? std::nullopt : std::optional<std::string>(seal(l.key, "reach_ct", l.row.id, reach));
        l.row.birth_year_ct = seal(l.key, "birth_year_ct", l.row.id, std::to_string(birth_year));
        l.row.gender_ct = seal(l.key, "gender_ct", l.row.id, in.gender);
        if (in.municipality == v.municipality_code) return {};
        l.row.municipality_code = in.municipality;
        ClientView moved = v;
        moved.municipality_code = in.municipality;
        moved.birth_year = static_cast<int>(birth_year);
        moved.gender = *gender;
        domain::StatEvent e = stat_for(moved, domain::StatEventType::kMoved, today(s));
        e.reason_code = v.municipality_code;  // where the case counted before
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<ClientView> change_status(const Services& s, const Actor& actor, const std::string& client_id,
                                 const StatusInput& in) {
  return change_case(
      s, actor, client_id, in.version, CaseNeed::kChangeStatus, "status",
      [&](store::Tx& tx, Loaded& l, const ClientView& v, const domain::OperationConfig&) -> Status {
        std::vector<FieldError> errors;
        auto action = domain::parse_code(domain::kStatusActions, in.action);
        if (!action) errors.push_back({"action", in.action.empty() ? "field.required" : "field.invalid"});
        Date on = parse_past_date(in.date, "date", today(s), v.first_contact_on, errors);
        OMBUD_CHECK(invalid_if(errors));
        CaseAction a = *action == domain::StatusAction::kPause    ? CaseAction::kPause
                       : *action == domain::StatusAction::kResume ? CaseAction::kResume
                                                                  : CaseAction::kWithdraw;
        CaseState next = OMBUD_TRY(transition(v.state, a));
        l.row.state = state_code(next);
        domain::StatEvent e = stat_for(v, domain::StatEventType::kPaused, on);
        if (a == CaseAction::kPause) {
          l.row.paused_on = format_date(on);
        } else if (a == CaseAction::kResume) {
          e.type = domain::StatEventType::kResumed;
          if (v.paused_on) e.days_waited = days_between(*v.paused_on, on);
          l.row.paused_on.reset();
        } else {
          l.row.ended_on = format_date(on);
          e.type = next == CaseState::kClosing ? domain::StatEventType::kEnded : domain::StatEventType::kWithdrawn;
          e.reason_code = std::string(domain::code_of(domain::kDeclineReasons, domain::DeclineReason::kClientWithdrew));
          e.days_waited = days_between(v.first_contact_on, on);
          if (next == CaseState::kClosing) {
            OMBUD_CHECK(store::end_assignment(tx.sql(), client_id, format_date(on), "klienten_avslutade"));
          }
        }
        return write_stat(tx, actor.operation_id, e);
      });
}

Result<std::vector<ClientLine>> list_clients(const Services& s, const Actor& actor,
                                             const std::vector<CaseState>& states) {
  std::vector<ClientLine> lines;
  std::string ids;
  std::vector<store::ClientSummary> rows;
  std::map<std::string, std::string> names;
  {
    // Read under one snapshot; open the values after the connection is free again.
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    store::ClientFilter f;
    f.operation_id = actor.operation_id;
    for (auto st : states)
      f.states.push_back(state_code(st));
    switch (domain::case_list_scope(actor.role)) {
      case domain::ListScope::kOwn: f.visible_to_ombud = actor.user_id; break;
      case domain::ListScope::kOperation: break;
      case domain::ListScope::kNone: return fail(Error::forbidden());
    }
    rows = OMBUD_TRY(store::list_clients(tx->sql(), f));
    names = OMBUD_TRY(municipality_names(tx->sql(), actor.operation_id));
  }
  {
    lines.reserve(rows.size());
    for (const auto& r : rows) {
      ClientLine line;
      line.id = r.id;
      line.code = r.code;
      line.name = r.code;
      if (r.alias_ct) {
        auto key = OMBUD_TRY(key_of(s, r));
        line.name = OMBUD_TRY(open(key, "alias_ct", r.id, *r.alias_ct));
      }
      line.state = domain::parse_code(domain::kCaseStates, r.state).value_or(CaseState::kDeclined);
      if (auto it = names.find(r.municipality_code); it != names.end()) line.municipality_name = it->second;
      line.first_contact_on = parse_date(r.first_contact_on).value_or(Date{});
      line.orientation_on = opt_date(r.orientation_on);
      line.primary_ombud_id = r.primary_ombud_id;
      if (!ids.empty()) ids += ' ';
      ids += r.id;
      lines.push_back(std::move(line));
    }
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "client_list", {}, ids, "ok"}));
  return lines;
}

Result<QueueView> queue(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  auto cfg = OMBUD_TRY(current_config(s, actor.operation_id));
  QueueView view;
  view.config_version = cfg.version;
  std::vector<domain::QueueEntry> entries;
  std::map<std::string, std::pair<std::string, int>> extra;  // id -> (municipality name, version)
  std::vector<store::ClientSummary> rows;
  std::map<std::string, std::string> names;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    store::ClientFilter f;
    f.operation_id = actor.operation_id;
    f.states = {state_code(CaseState::kQueue)};
    rows = OMBUD_TRY(store::list_clients(tx->sql(), f));
    names = OMBUD_TRY(municipality_names(tx->sql(), actor.operation_id));
  }
  {
    entries.reserve(rows.size());
    for (const auto& r : rows) {
      auto key = OMBUD_TRY(key_of(s, r));
      domain::QueueEntry e;
      e.client_id = r.id;
      e.code = r.code;
      e.entered_on = opt_date(r.queue_entered_on).value_or(parse_date(r.first_contact_on).value_or(Date{}));
      long long by = 0;
      parse_int(OMBUD_TRY(open(key, "birth_year_ct", r.id, r.birth_year_ct)), by);
      e.birth_year = static_cast<int>(by);
      if (r.priorities_ct) {
        const std::string marked = OMBUD_TRY(open(key, "priorities_ct", r.id, *r.priorities_ct));
        for (auto part : split(marked, ',')) {
          if (!part.empty()) e.marked_groups.emplace_back(part);
        }
      }
      auto it = names.find(r.municipality_code);
      extra[r.id] = {it == names.end() ? std::string() : it->second, r.version};
      entries.push_back(std::move(e));
    }
  }
  std::string ids;
  for (const auto& p : domain::order_queue(entries, cfg.config, today(s))) {
    QueueLine line;
    line.position = p.position;
    line.client_id = p.entry->client_id;
    line.code = p.entry->code;
    line.entered_on = p.entry->entered_on;
    line.waited_days = p.waited_days;
    line.score = p.score;
    for (const auto* g : p.groups)
      line.groups.emplace_back(g->label, g->weight_days);
    line.municipality_name = extra[line.client_id].first;
    line.version = extra[line.client_id].second;
    if (!ids.empty()) ids += ' ';
    ids += line.client_id;
    view.lines.push_back(std::move(line));
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "queue", {}, ids, "ok"}));
  return view;
}

Result<DeadlineView> deadlines(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  auto cfg = OMBUD_TRY(current_config(s, actor.operation_id));
  std::vector<domain::DeadlineCase> cases;
  {
    auto conn = s.db.acquire();
    store::ClientFilter f;
    f.operation_id = actor.operation_id;
    f.states = {state_code(CaseState::kFirstContact), state_code(CaseState::kAssessment),
                state_code(CaseState::kOrientation)};
    for (const auto& r : OMBUD_TRY(store::list_clients(conn.sql(), f))) {
      domain::DeadlineCase c;
      c.client_id = r.id;
      c.code = r.code;
      c.state = domain::parse_code(domain::kCaseStates, r.state).value_or(CaseState::kFirstContact);
      c.first_contact_on = parse_date(r.first_contact_on).value_or(Date{});
      c.booked_on = opt_date(r.orientation_on);
      cases.push_back(std::move(c));
    }
  }
  DeadlineView view;
  view.day_kind = cfg.config.deadline_day_kind;
  view.deadline_days = cfg.config.orientation_deadline_days;
  std::string ids;
  for (const auto& row : domain::deadline_overview(cases, cfg.config, today(s))) {
    view.lines.push_back(DeadlineLine{row.c->client_id, row.c->code, row.c->state, row.c->first_contact_on,
                                      row.deadline, row.days_left, row.status, row.c->booked_on});
    if (!ids.empty()) ids += ' ';
    ids += row.c->client_id;
  }
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"list", "deadlines", {}, ids, "ok"}));
  return view;
}

Result<std::vector<OmbudLoad>> caseload(const Services& s, const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kViewQueue)) return fail(Error::forbidden());
  auto conn = s.db.acquire();
  std::map<long long, OmbudLoad> loads;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), actor.operation_id))) {
    if (u.role != domain::Role::kOmbud) continue;
    loads[u.id] = OmbudLoad{u.id, u.display_name, u.disabled, 0, 0, 0, 0};
  }
  for (const auto& c : OMBUD_TRY(store::caseload(conn.sql(), actor.operation_id))) {
    auto it = loads.find(c.ombud_id);
    if (it == loads.end()) continue;
    int n = static_cast<int>(c.count);
    if (c.state == "aktiv") it->second.active += n;
    if (c.state == "vilande") it->second.paused += n;
    if (c.state == "avslutning") it->second.closing += n;
  }
  store::ClientFilter f;
  f.operation_id = actor.operation_id;
  f.states = {state_code(CaseState::kOrientation)};
  std::set<std::string> waiting;
  for (const auto& r : OMBUD_TRY(store::list_clients(conn.sql(), f))) {
    if (r.orientation_on && !r.orientation_held_on) waiting.insert(r.id);
  }
  for (const auto& [client, user] : OMBUD_TRY(store::all_orientation_ombud(conn.sql(), actor.operation_id))) {
    if (waiting.count(client) != 0) {
      if (auto it = loads.find(user); it != loads.end()) ++it->second.orientation_bookings;
    }
  }
  std::vector<OmbudLoad> out;
  for (auto& [id, load] : loads)
    out.push_back(load);
  std::sort(out.begin(), out.end(),
            [](const OmbudLoad& a, const OmbudLoad& b) { return a.display_name < b.display_name; });
  return out;
}

}  // namespace ombud::services
