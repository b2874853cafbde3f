// src/services/consent_service.cpp
#include "services/consent_service.hpp"

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "domain/vocabulary.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/internal/network.hpp"
#include "services/reference_service.hpp"
#include "store/consents.hpp"
#include "store/network_entries.hpp"

namespace ombud::services {

namespace {

using internal::WorkContext;

constexpr std::string_view kMatterColumn = "consents.matter_ct";
constexpr std::string_view kNameColumn = internal::kNetworkNameColumn;

Result<domain::Consent> parse_consent(const ConsentInput& in, Date today, bool is_new) {
  std::vector<FieldError> errors;
  domain::Consent c;
  for (const auto& code : in.scopes) {
    auto scope = domain::parse_code(domain::kConsentScopes, trim(code));
    if (!scope) {
      errors.push_back({"scopes", "field.invalid"});
      break;
    }
    if (std::find(c.scopes.begin(), c.scopes.end(), *scope) == c.scopes.end()) c.scopes.push_back(*scope);
  }
  if (trim(in.form).empty()) {
    errors.push_back({"form", "field.required"});
  } else if (auto f = domain::parse_code(domain::kConsentForms, trim(in.form))) {
    c.form = *f;
  } else {
    errors.push_back({"form", "field.invalid"});
  }
  if (trim(in.from).empty()) {
    c.from = today;
  } else if (auto d = parse_date(trim(in.from))) {
    c.from = *d;
  } else {
    errors.push_back({"from", "date.invalid"});
  }
  if (!trim(in.until).empty()) {
    c.until = parse_date(trim(in.until));
    if (!c.until) errors.push_back({"until", "date.invalid"});
  }
  c.matter = std::string(trim(in.matter));
  for (auto& err : domain::validate_consent(c, today, is_new)) {
    bool already = false;
    for (const auto& e : errors)
      already = already || e.field == err.field;
    if (!already) errors.push_back(std::move(err));
  }
  if (trim(in.network_id).empty()) errors.insert(errors.begin(), {"network_id", "field.required"});
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  return c;
}

std::string scopes_text(const domain::Consent& c) {
  std::string out;
  for (auto scope : c.scopes)
    out += (out.empty() ? "" : " ") + std::string(domain::code_of(domain::kConsentScopes, scope));
  return out;
}

void fill_row(store::ConsentRow& row, const WorkContext& w, const domain::Consent& c) {
  row.scopes = scopes_text(c);
  row.matter_ct.reset();
  if (!c.matter.empty())
    row.matter_ct = internal::seal_record(w.loaded.key, kMatterColumn, w.client_id(), row.id, c.matter);
  row.given_as = std::string(domain::code_of(domain::kConsentForms, c.form));
  row.valid_from = format_date(c.from);
  row.valid_until = c.until ? std::optional(format_date(*c.until)) : std::nullopt;
}

Result<ConsentRecord> record_of(const WorkContext& w, const store::ConsentRow& r, const store::NetworkRow& whom,
                                Date today) {
  ConsentRecord out;
  out.id = r.id;
  out.network_id = r.network_id;
  out.network_name = OMBUD_TRY(internal::open_record(w.loaded.key, kNameColumn, whom.client_id, whom.id, whom.name_ct));
  out.network_kind = domain::parse_code(domain::kNetworkKinds, whom.kind).value_or(domain::NetworkKind::kPrivate);
  out.terms = internal::consent_terms(r);
  if (r.matter_ct) {
    out.terms.matter = OMBUD_TRY(internal::open_record(w.loaded.key, kMatterColumn, r.client_id, r.id, *r.matter_ct));
  }
  out.state = domain::consent_state(out.terms, today);
  out.version = r.version;
  return out;
}

// Whom a consent is for: someone in this client's network map.
Result<store::NetworkRow> whom(soci::session& sql, const WorkContext& w, const std::string& network_id) {
  auto row = OMBUD_TRY(store::find_network_entry(sql, w.client_id(), std::string(trim(network_id))));
  if (!row) return fail(Error::field("network_id", "consent.network_unknown"));
  return *row;
}

Result<store::ConsentRow> find(soci::session& sql, const WorkContext& w, const std::string& id) {
  auto row = OMBUD_TRY(store::find_consent(sql, w.client_id(), id));
  if (!row) return fail(Error::not_found("consent.not_found"));
  return *row;
}

Result<ConsentRecord> reread(soci::session& sql, const WorkContext& w, const store::ConsentRow& row, Date today) {
  const auto person = OMBUD_TRY(whom(sql, w, row.network_id));
  return record_of(w, row, person, today);
}

Status audited(store::Tx& tx, const Services& s, const Actor& actor, const char* action, const std::string& client_id,
               const std::string& id) {
  return audit(tx, s, AuditSubject::of(actor), AuditEvent{action, "consent", client_id, id, "ok"});
}

// A change to one stored consent, in a write transaction, at the version the user saw.
using ConsentChange = std::function<Status(store::ConsentRow& row, WorkContext& w, soci::session& sql)>;
Result<ConsentRecord> change(const Services& s, const Actor& actor, const std::string& client_id,
                             const std::string& consent_id, int version, const char* action,
                             const ConsentChange& apply) {
  ConsentRecord out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::ConsentRow row = OMBUD_TRY(find(tx.sql(), w, consent_id));
    if (row.version != version) return fail(Error::conflict("consent.changed"));
    OMBUD_CHECK(apply(row, w, tx.sql()));
    if (!OMBUD_TRY(store::update_consent(tx.sql(), row))) return fail(Error::conflict("consent.changed"));
    OMBUD_CHECK(audited(tx, s, actor, action, client_id, row.id));
    row.version += 1;
    out = OMBUD_TRY(reread(tx.sql(), w, row, today(s)));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

}  // namespace

Result<std::vector<ConsentRecord>> consents(const Services& s, const Actor& actor, const std::string& client_id) {
  std::vector<ConsentRecord> out;
  const Date on = today(s);
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    auto network = OMBUD_TRY(store::list_network(tx.sql(), client_id));
    for (const auto& r : OMBUD_TRY(store::list_consents(tx.sql(), client_id))) {
      auto it = std::find_if(network.begin(), network.end(), [&](const auto& n) { return n.id == r.network_id; });
      if (it != network.end()) out.push_back(OMBUD_TRY(record_of(w, r, *it, on)));
    }
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "consent", client_id, "", "ok"}));
  return out;
}

Result<ConsentRecord> consent(const Services& s, const Actor& actor, const std::string& client_id,
                              const std::string& consent_id) {
  ConsentRecord out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    const auto row = OMBUD_TRY(find(tx.sql(), w, consent_id));
    out = OMBUD_TRY(reread(tx.sql(), w, row, today(s)));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "consent", client_id, consent_id, "ok"}));
  return out;
}

Result<ConsentRecord> add_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                  const ConsentInput& in) {
  const Date on = today(s);
  auto terms = OMBUD_TRY(parse_consent(in, on, true));
  ConsentRecord out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::NetworkRow person = OMBUD_TRY(whom(tx.sql(), w, in.network_id));
    store::ConsentRow row;
    row.id = crypto::random_id();
    row.client_id = client_id;
    row.network_id = person.id;
    row.created_by = actor.user_id;
    row.created_at = s.clock.now();
    fill_row(row, w, terms);
    OMBUD_CHECK(store::insert_consent(tx.sql(), row));
    OMBUD_CHECK(audited(tx, s, actor, "create", client_id, row.id));
    out = OMBUD_TRY(record_of(w, row, person, on));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Result<ConsentRecord> edit_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                   const std::string& consent_id, const ConsentInput& in) {
  auto terms = OMBUD_TRY(parse_consent(in, today(s), false));
  return change(s, actor, client_id, consent_id, in.version, "update",
                [&](store::ConsentRow& row, WorkContext& w, soci::session& sql) -> Status {
                  row.network_id = OMBUD_TRY(whom(sql, w, in.network_id)).id;
                  fill_row(row, w, terms);
                  return {};
                });
}

Result<ConsentRecord> revoke_consent(const Services& s, const Actor& actor, const std::string& client_id,
                                     const std::string& consent_id, int version) {
  return change(s, actor, client_id, consent_id, version, "revoke",
                [&](store::ConsentRow& row, WorkContext&, soci::session&) -> Status {
                  if (row.revoked_on) return fail(Error::conflict("consent.already_revoked"));
                  row.revoked_on = format_date(today(s));
                  return {};
                });
}

Status remove_consent(const Services& s, const Actor& actor, const std::string& client_id,
                      const std::string& consent_id, int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::ConsentRow row = OMBUD_TRY(find(tx.sql(), w, consent_id));
    if (row.version != version) return fail(Error::conflict("consent.changed"));
    OMBUD_CHECK(store::delete_consent(tx.sql(), client_id, row.id));
    return audited(tx, s, actor, "delete", client_id, row.id);
  });
}

}  // namespace ombud::services
