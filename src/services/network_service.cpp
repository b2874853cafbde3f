// src/services/network_service.cpp
#include "services/network_service.hpp"

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

constexpr std::string_view kNameColumn = internal::kNetworkNameColumn;
constexpr std::string_view kDoesColumn = "network_entries.does_ct";
constexpr std::string_view kContactColumn = "network_entries.contact_ct";

Result<domain::NetworkEntry> parse_entry(const NetworkInput& in) {
  std::vector<FieldError> errors;
  domain::NetworkEntry e;
  if (trim(in.kind).empty()) {
    errors.push_back({"kind", "field.required"});
  } else if (auto k = domain::parse_code(domain::kNetworkKinds, trim(in.kind))) {
    e.kind = *k;
  } else {
    errors.push_back({"kind", "field.invalid"});
  }
  e.name = std::string(trim(in.name));
  e.does = std::string(trim(in.does));
  e.contact_agreed = in.contact_agreed;
  e.contact = std::string(trim(in.contact));
  for (auto& err : domain::validate_network_entry(e))
    errors.push_back(std::move(err));
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  return e;
}

void fill_row(store::NetworkRow& row, const WorkContext& w, const domain::NetworkEntry& e) {
  row.kind = std::string(domain::code_of(domain::kNetworkKinds, e.kind));
  row.name_ct = internal::seal_record(w.loaded.key, kNameColumn, w.client_id(), row.id, e.name);
  row.does_ct = internal::seal_optional(w, kDoesColumn, row.id, e.does);
  row.contact_agreed = e.contact_agreed;
  row.contact_ct = e.contact_agreed ? internal::seal_optional(w, kContactColumn, row.id, e.contact) : std::nullopt;
}

Result<NetworkPerson> person_of(const WorkContext& w, const store::NetworkRow& r,
                                const internal::ConsentsByEntry& consents, Date today) {
  NetworkPerson p;
  p.id = r.id;
  p.kind = domain::parse_code(domain::kNetworkKinds, r.kind).value_or(domain::NetworkKind::kPrivate);
  p.name = OMBUD_TRY(internal::open_record(w.loaded.key, kNameColumn, r.client_id, r.id, r.name_ct));
  p.does = OMBUD_TRY(internal::open_optional(w, kDoesColumn, r.id, r.does_ct));
  p.contact_agreed = r.contact_agreed;
  p.contact = OMBUD_TRY(internal::open_optional(w, kContactColumn, r.id, r.contact_ct));
  p.consent = consents.standing(r.id, today);
  p.consent_until = consents.until(r.id, today);
  p.version = r.version;
  return p;
}

Result<store::NetworkRow> find(soci::session& sql, const WorkContext& w, const std::string& id) {
  auto row = OMBUD_TRY(store::find_network_entry(sql, w.client_id(), id));
  if (!row) return fail(Error::not_found("network.not_found"));
  return *row;
}

Result<NetworkPerson> reread(soci::session& sql, const WorkContext& w, const store::NetworkRow& row, Date today) {
  internal::ConsentsByEntry consents(OMBUD_TRY(store::list_consents(sql, w.client_id())));
  return person_of(w, row, consents, today);
}

Status audited(store::Tx& tx, const Services& s, const Actor& actor, const char* action, const std::string& client_id,
               const std::string& id) {
  return audit(tx, s, AuditSubject::of(actor), AuditEvent{action, "network", client_id, id, "ok"});
}

}  // namespace

Result<NetworkMap> network_map(const Services& s, const Actor& actor, const std::string& client_id) {
  NetworkMap out;
  const Date on = today(s);
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    internal::ConsentsByEntry consents(OMBUD_TRY(store::list_consents(tx.sql(), client_id)));
    for (const auto& r : OMBUD_TRY(store::list_network(tx.sql(), client_id)))
      out.people.push_back(OMBUD_TRY(person_of(w, r, consents, on)));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "network", client_id, "", "ok"}));
  return out;
}

Result<NetworkPerson> network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                    const std::string& entry_id) {
  NetworkPerson out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    const auto row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    out = OMBUD_TRY(reread(tx.sql(), w, row, today(s)));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "network", client_id, entry_id, "ok"}));
  return out;
}

Result<NetworkPerson> add_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                        const NetworkInput& in) {
  auto entry = OMBUD_TRY(parse_entry(in));
  NetworkPerson out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    if (OMBUD_TRY(store::list_network(tx.sql(), client_id)).size() >= domain::kMaxNetworkEntries) {
      return fail(Error::conflict("network.too_many"));
    }
    store::NetworkRow row;
    row.id = crypto::random_id();
    row.client_id = client_id;
    row.created_by = actor.user_id;
    row.created_at = s.clock.now();
    fill_row(row, w, entry);
    OMBUD_CHECK(store::insert_network_entry(tx.sql(), row));
    OMBUD_CHECK(audited(tx, s, actor, "create", client_id, row.id));
    out = OMBUD_TRY(reread(tx.sql(), w, row, today(s)));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Result<NetworkPerson> edit_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                         const std::string& entry_id, const NetworkInput& in) {
  auto entry = OMBUD_TRY(parse_entry(in));
  NetworkPerson out;
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::NetworkRow row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    if (row.version != in.version) return fail(Error::conflict("network.changed"));
    fill_row(row, w, entry);
    if (!OMBUD_TRY(store::update_network_entry(tx.sql(), row))) return fail(Error::conflict("network.changed"));
    OMBUD_CHECK(audited(tx, s, actor, "update", client_id, row.id));
    row.version += 1;
    out = OMBUD_TRY(reread(tx.sql(), w, row, today(s)));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

Status remove_network_entry(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& entry_id, int version) {
  return internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    store::NetworkRow row = OMBUD_TRY(find(tx.sql(), w, entry_id));
    if (row.version != version) return fail(Error::conflict("network.changed"));
    OMBUD_CHECK(store::delete_network_entry(tx.sql(), client_id, row.id));
    return audited(tx, s, actor, "delete", client_id, row.id);
  });
}

}  // namespace ombud::services
