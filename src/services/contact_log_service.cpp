// src/services/contact_log_service.cpp
#include "services/contact_log_service.hpp"

#include <map>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/input.hpp"
#include "services/internal/network.hpp"
#include "services/reference_service.hpp"
#include "store/consents.hpp"
#include "store/contact_log.hpp"
#include "store/network_entries.hpp"
#include "store/stat_events.hpp"

namespace ombud::services {

namespace {

using internal::WorkContext;

constexpr std::string_view kNoteColumn = "contact_log.note_ct";

// The entry the input describes, or every field error at once.
Result<domain::ContactEntry> parse_entry(const ContactEntryInput& in, Date today) {
  std::vector<FieldError> errors;
  domain::ContactEntry e;
  e.on = internal::parse_past_date(in.date, "date", today, std::nullopt, errors);
  if (trim(in.kind).empty()) {
    errors.push_back({"kind", "field.required"});
  } else if (auto k = domain::parse_code(domain::kContactKinds, trim(in.kind))) {
    e.kind = *k;
  } else {
    errors.push_back({"kind", "field.invalid"});
  }
  if (!trim(in.place).empty()) e.place = std::string(trim(in.place));
  if (!trim(in.letter).empty()) e.letter = std::string(trim(in.letter));
  if (trim(in.counterpart).empty()) {
    if (trim(in.network_id).empty()) errors.push_back({"counterpart", "field.required"});
  } else if (auto c = domain::parse_code(domain::kCounterparts, trim(in.counterpart))) {
    e.counterpart = *c;
  } else {
    errors.push_back({"counterpart", "field.invalid"});
  }
  long long minutes = 0;
  if (trim(in.minutes).empty()) {
    errors.push_back({"minutes", "field.required"});
  } else if (!parse_int(trim(in.minutes), minutes) || minutes < 1 || minutes > domain::kMaxContactMinutes) {
    errors.push_back({"minutes", "log.minutes_invalid"});
  } else {
    e.minutes = static_cast<int>(minutes);
  }
  e.note = std::string(trim(in.note));
  for (auto& err : domain::validate_contact_entry(e, today)) {
    bool already = false;
    for (const auto& f : errors)
      already = already || f.field == err.field;
    if (!already) errors.push_back(std::move(err));
  }
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  return e;
}

// Whom in the network the entry names: someone in this client's map, whose category the entry
// takes (a different counterpart sent with them is refused).
Status resolve_network(soci::session& sql, const WorkContext& w, const ContactEntryInput& in, domain::ContactEntry& e,
                       std::optional<std::string>& network_id) {
  network_id.reset();
  const std::string id(trim(in.network_id));
  if (id.empty()) return {};
  auto row = OMBUD_TRY(store::find_network_entry(sql, w.client_id(), id));
  if (!row) return fail(Error::field("network_id", "log.counterpart_unknown"));
  const auto theirs = domain::counterpart_of(
      domain::parse_code(domain::kNetworkKinds, row->kind).value_or(domain::NetworkKind::kPrivate));
  if (!trim(in.counterpart).empty() && e.counterpart != theirs) {
    return fail(Error::field("counterpart", "log.counterpart_mismatch"));
  }
  e.counterpart = theirs;
  network_id = row->id;
  return {};
}

// The names of the client's network and the consents given for them, for the entries of a page.
class NetworkNames {
 public:
  static Result<NetworkNames> load(soci::session& sql, const WorkContext& w) {
    NetworkNames out(OMBUD_TRY(store::list_consents(sql, w.client_id())));
    for (const auto& r : OMBUD_TRY(store::list_network(sql, w.client_id()))) {
      NetworkChoice c;
      c.id = r.id;
      c.name =
          OMBUD_TRY(internal::open_record(w.loaded.key, internal::kNetworkNameColumn, r.client_id, r.id, r.name_ct));
      c.kind = domain::parse_code(domain::kNetworkKinds, r.kind).value_or(domain::NetworkKind::kPrivate);
      out.names_[r.id] = c.name;
      out.people_.push_back(std::move(c));
    }
    return out;
  }
  const std::vector<NetworkChoice>& people() const { return people_; }
  void describe(ContactLogEntry& e) const {
    if (!e.network_id) return;
    auto it = names_.find(*e.network_id);
    if (it == names_.end()) return;
    e.network_name = it->second;
    e.consent = consents_.standing(*e.network_id, e.on);
  }

 private:
  explicit NetworkNames(const std::vector<store::ConsentRow>& consents) : consents_(consents) {}
  std::map<std::string, std::string> names_;
  std::vector<NetworkChoice> people_;
  internal::ConsentsByEntry consents_;
};

// The entry's statistics event: the case's de-identified frame, the entry's kind, whom it was with
// and the minutes.
domain::StatEvent stat_of(const WorkContext& w, const domain::ContactEntry& e) {
  domain::StatEvent ev = internal::stat_for(w.client, domain::StatEventType::kContactLogged, e.on);
  ev.operation_id = w.loaded.row.operation_id;
  ev.activity = std::string(domain::code_of(domain::kContactKinds, e.kind));
  ev.counterpart = std::string(domain::code_of(domain::kCounterparts, e.counterpart));
  ev.minutes = e.minutes;
  return ev;
}

void fill_row(store::ContactLogRow& row, const WorkContext& w, const domain::ContactEntry& e,
              const std::optional<std::string>& network_id) {
  row.happened_on = format_date(e.on);
  row.kind = std::string(domain::code_of(domain::kContactKinds, e.kind));
  row.place = e.place;
  row.letter = e.letter;
  row.counterpart = std::string(domain::code_of(domain::kCounterparts, e.counterpart));
  row.network_id = network_id;
  row.minutes = e.minutes;
  row.note_ct.reset();
  if (!e.note.empty()) row.note_ct = internal::seal_record(w.loaded.key, kNoteColumn, w.client_id(), row.id, e.note);
}

Result<ContactLogEntry> entry_of(const WorkContext& w, const store::ContactLogRow& r) {
  ContactLogEntry e;
  e.id = r.id;
  e.on = parse_date(r.happened_on).value_or(Date{});
  e.kind = domain::parse_code(domain::kContactKinds, r.kind).value_or(domain::ContactKind::kMeeting);
  if (r.place) e.place = domain::parse_code(domain::kPlaces, *r.place);
  if (r.letter) e.letter = domain::parse_code(domain::kLetterKinds, *r.letter);
  e.counterpart = domain::parse_code(domain::kCounterparts, r.counterpart).value_or(domain::Counterpart::kOther);
  e.network_id = r.network_id;
  e.minutes = r.minutes;
  if (r.note_ct) e.note = OMBUD_TRY(internal::open_record(w.loaded.key, kNoteColumn, r.client_id, r.id, *r.note_ct));
  e.recorded_by = r.recorded_by;
  e.version = r.version;
  return e;
}

// The entry of this client, or "log.not_found": an id of another client's entry finds nothing.
Result<store::ContactLogRow> find(soci::session& sql, const WorkContext& w, const std::string& entry_id) {
  auto row = OMBUD_TRY(store::find_contact_entry(sql, w.client_id(), entry_id));
  if (!row) return fail(Error::not_found("log.not_found"));
  return *row;
}

}  // namespace

Result<ContactLog> contact_log(const Services& s, const Actor& actor, const std::string& client_id, int page,
                               int limit) {
  ContactLog log;
  log.page = std::max(page, 1);
  log.limit = std::clamp(limit, 1, kMaxLogPerPage);
  std::string shown;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    auto rows = OMBUD_TRY(store::list_contact_log(tx.sql(), client_id, log.limit, (log.page - 1) * log.limit));
    log.total = rows.total;
    log.total_minutes = rows.total_minutes;
    const auto names = OMBUD_TRY(NetworkNames::load(tx.sql(), w));
    log.network = names.people();
    for (const auto& r : rows.rows) {
      log.entries.push_back(OMBUD_TRY(entry_of(w, r)));
      names.describe(log.entries.back());
      shown += (shown.empty() ? "" : " ") + r.id;
    }
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "contact_log", client_id, shown, "ok"}));
  return log;
}

Result<ContactLogEntry> contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                      const std::string& entry_id) {
  ContactLogEntry out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::ContactLogRow row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    out = OMBUD_TRY(entry_of(w, row));
    OMBUD_TRY(NetworkNames::load(tx.sql(), w)).describe(out);
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "contact_log", client_id, entry_id, "ok"}));
  return out;
}

Result<ContactLogEntry> add_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                          const ContactEntryInput& in) {
  auto entry = OMBUD_TRY(parse_entry(in, today(s)));
  ContactLogEntry out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    std::optional<std::string> network_id;
    OMBUD_CHECK(resolve_network(tx.sql(), w, in, entry, network_id));
    store::ContactLogRow row;
    row.id = crypto::random_id();
    row.client_id = client_id;
    row.stat_id = crypto::random_id();
    row.recorded_by = actor.user_id;
    row.created_at = s.clock.now();
    fill_row(row, w, entry, network_id);
    OMBUD_CHECK(store::insert_contact_entry(tx.sql(), row));
    OMBUD_CHECK(store::add_to_contact_totals(tx.sql(), client_id, 1, row.minutes));
    OMBUD_CHECK(store::insert_stat_event(tx.sql(), row.stat_id, stat_of(w, entry)));
    OMBUD_CHECK(audit(tx, s, AuditSubject::of(actor), AuditEvent{"create", "contact_log", client_id, row.id, "ok"}));
    out = OMBUD_TRY(entry_of(w, row));
    OMBUD_TRY(NetworkNames::load(tx.sql(), w)).describe(out);
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Result<ContactLogEntry> edit_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                           const std::string& entry_id, const ContactEntryInput& in) {
  auto entry = OMBUD_TRY(parse_entry(in, today(s)));
  ContactLogEntry out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::ContactLogRow row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    if (row.version != in.version) return fail(Error::conflict("log.changed"));
    std::optional<std::string> network_id;
    OMBUD_CHECK(resolve_network(tx.sql(), w, in, entry, network_id));
    const int minutes_before = row.minutes;
    fill_row(row, w, entry, network_id);
    OMBUD_CHECK(store::add_to_contact_totals(tx.sql(), client_id, 0, row.minutes - minutes_before));
    if (!OMBUD_TRY(store::update_contact_entry(tx.sql(), row))) return fail(Error::conflict("log.changed"));
    OMBUD_CHECK(store::update_stat_event(tx.sql(), row.stat_id, stat_of(w, entry)));
    // The log records that the entry changed, never what it said before.
    OMBUD_CHECK(audit(tx, s, AuditSubject::of(actor), AuditEvent{"update", "contact_log", client_id, row.id, "ok"}));
    row.version += 1;
    out = OMBUD_TRY(entry_of(w, row));
    OMBUD_TRY(NetworkNames::load(tx.sql(), w)).describe(out);
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Status remove_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& entry_id, int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::ContactLogRow row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    if (row.version != version) return fail(Error::conflict("log.changed"));
    OMBUD_CHECK(store::delete_contact_entry(tx.sql(), client_id, row.id));
    OMBUD_CHECK(store::add_to_contact_totals(tx.sql(), client_id, -1, -row.minutes));
    OMBUD_CHECK(store::delete_stat_event(tx.sql(), row.stat_id));
    return audit(tx, s, AuditSubject::of(actor), AuditEvent{"delete", "contact_log", client_id, row.id, "ok"});
  });
}

}  // namespace ombud::services
