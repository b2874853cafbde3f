// src/services/document_service.cpp
//
// Gathers a document through the areas' own use cases, so each part is read with the same access
// check and the same opening of its sealed text as its page; then records that it was made.
#include "services/document_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "services/audit_service.hpp"
#include "services/internal/case_core.hpp"
#include "services/reference_service.hpp"

namespace ombud::services {

bool ClientCopy::has(std::string_view part) const {
  return std::find(parts.begin(), parts.end(), part) != parts.end();
}

namespace {

Result<std::vector<ContactLogEntry>> log_since(const Services& s, const Actor& actor, const std::string& client_id,
                                               const std::optional<Date>& from) {
  std::vector<ContactLogEntry> out;
  for (int page = 1;; ++page) {
    auto log = OMBUD_TRY(contact_log(s, actor, client_id, page, kMaxLogPerPage));
    bool older = false;
    for (auto& e : log.entries) {
      if (from && e.on < *from) {
        older = true;
        break;
      }
      out.push_back(std::move(e));
    }
    if (older || page >= log.pages()) break;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

Result<ClientView> copy_client(const Services& s, const Actor& actor, const std::string& client_id) {
  std::optional<ClientView> out;
  OMBUD_CHECK(internal::with_work(s, actor, client_id, false, [&](store::Tx&, internal::WorkContext& w) -> Status {
    out = w.client;
    return {};
  }));
  return std::move(*out);
}

Result<ClientCopy> client_copy(const Services& s, const Actor& actor, const std::string& client_id,
                               const CopyInput& input) {
  ClientCopy copy;
  copy.made_on = today(s);
  std::vector<FieldError> errors;
  for (const auto& part : input.parts) {
    const std::string code(trim(part));
    if (code.empty()) continue;
    if (std::find(kCopyParts.begin(), kCopyParts.end(), code) == kCopyParts.end()) {
      errors.push_back({"parts", "field.invalid"});
      break;
    }
    if (!copy.has(code)) copy.parts.push_back(code);
  }
  if (errors.empty() && copy.parts.empty()) errors.push_back({"parts", "copy.nothing_chosen"});
  if (!trim(input.log_from).empty()) {
    copy.log_from = parse_date(trim(input.log_from));
    if (!copy.log_from) {
      errors.push_back({"log_from", "field.invalid"});
    } else if (*copy.log_from > copy.made_on) {
      errors.push_back({"log_from", "copy.from_ahead"});
    }
  }
  copy.notes = input.notes;
  // Access is judged first: a refusal is answered (and logged) before the input is.
  copy.client = OMBUD_TRY(copy_client(s, actor, client_id));
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));

  copy.ombud_name = OMBUD_TRY(staff_name(s, actor, copy.client.primary_ombud_id));
  // Sorted into the order kCopyParts gives them.
  std::vector<std::string> ordered;
  for (const auto part : kCopyParts)
    if (copy.has(part)) ordered.emplace_back(part);
  copy.parts = std::move(ordered);
  if (copy.has("kartlaggning")) copy.mapping = OMBUD_TRY(needs_mapping(s, actor, client_id));
  if (copy.has("plan")) copy.plan = OMBUD_TRY(action_plan(s, actor, client_id));
  if (copy.has("natverk")) copy.network = OMBUD_TRY(network_map(s, actor, client_id));
  if (copy.has("samtycken")) copy.consents = OMBUD_TRY(consents(s, actor, client_id));
  if (copy.has("kontaktlogg")) copy.log = OMBUD_TRY(log_since(s, actor, client_id, copy.log_from));
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"copy", "client_copy", client_id, "", "ok"}));
  return copy;
}

Result<domain::LetterKind> letter_kind(std::string_view code) {
  auto kind = domain::parse_code(domain::kLetterKinds, code);
  if (!kind) return fail(Error::not_found("letter.not_found"));
  return *kind;
}

Result<LetterData> letter(const Services& s, const Actor& actor, const std::string& client_id, std::string_view kind,
                          domain::LetterValues values) {
  LetterData out;
  out.made_on = today(s);
  out.client = OMBUD_TRY(copy_client(s, actor, client_id));
  out.kind = OMBUD_TRY(letter_kind(kind));
  for (auto& [name, text] : values.text)
    text = std::string(trim(text));
  auto errors = domain::validate_letter(domain::letter_template(out.kind), values);
  if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));
  if (auto it = values.text.find("personnummer"); it != values.text.end() && !it->second.empty()) {
    it->second = domain::normalise_personal_number(it->second).value_or(it->second);
  }
  out.values = std::move(values);
  out.ombud_name = OMBUD_TRY(staff_name(s, actor, out.client.primary_ombud_id));
  OMBUD_CHECK(audit_now(
      s, AuditSubject::of(actor),
      AuditEvent{"print", "letter", client_id, std::string(domain::code_of(domain::kLetterKinds, out.kind)), "ok"}));
  return out;
}

Result<FullmaktData> fullmakt(const Services& s, const Actor& actor, const std::string& client_id,
                              const std::string& consent_id) {
  FullmaktData out;
  out.made_on = today(s);
  out.client = OMBUD_TRY(copy_client(s, actor, client_id));
  out.consent = OMBUD_TRY(consent(s, actor, client_id, consent_id));
  // A revoked or expired consent is not signed again; a new one is made instead.
  if (out.consent.state == domain::ConsentState::kRevoked || out.consent.state == domain::ConsentState::kExpired) {
    return fail(Error::conflict("consent.not_in_force"));
  }
  out.ombud_name = OMBUD_TRY(staff_name(s, actor, out.client.primary_ombud_id));
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"print", "fullmakt", client_id, consent_id, "ok"}));
  return out;
}

}  // namespace ombud::services
