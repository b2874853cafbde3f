// src/services/document_service.hpp
//
// What is printed for the client, gathered from the work records: the client's own copy, a
// fullmakt to sign, and the letters written together with the client. The client chooses the
// parts of the copy (needs mapping, plan, network map, consents, contact log from a given day,
// with or without its notes). Nothing printed is stored; that it was made is audit-logged. Only
// the client's ombud reaches them (CaseNeed::kWork).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/letters.hpp"
#include "services/client_service.hpp"
#include "services/consent_service.hpp"
#include "services/contact_log_service.hpp"
#include "services/context.hpp"
#include "services/mapping_service.hpp"
#include "services/network_service.hpp"
#include "services/plan_service.hpp"

namespace ombud::services {

/// The parts of a copy, as forms and the API name them.
inline constexpr std::array<std::string_view, 5> kCopyParts = {"kartlaggning", "plan", "natverk", "samtycken",
                                                               "kontaktlogg"};

/// What the client chose to take home, as a form or the API sends it.
struct CopyInput {
  std::vector<std::string> parts;  // kCopyParts codes; at least one
  std::string log_from;            // YYYY-MM-DD or "" (the whole log)
  bool notes = false;              // the log's notes too
};

struct ClientCopy {
  ClientView client;
  std::string ombud_name;  // the client's ombud ("" when none is assigned)
  Date made_on;
  std::vector<std::string> parts;
  std::optional<Date> log_from;
  bool notes = false;
  NeedsMapping mapping;
  ActionPlan plan;
  NetworkMap network;
  std::vector<ConsentRecord> consents;
  std::vector<ContactLogEntry> log;  // oldest first
  bool has(std::string_view part) const;
};

/// The client for the copy's form, once the access policy lets the actor work with the case (a
/// refusal is audit-logged like any other).
Result<ClientView> copy_client(const Services& s, const Actor& actor, const std::string& client_id);

/// Refused: no part ("parts": "copy.nothing_chosen"), a part that is not one ("parts":
/// "field.invalid"), a first day that is not a date or lies ahead ("log_from").
Result<ClientCopy> client_copy(const Services& s, const Actor& actor, const std::string& client_id,
                               const CopyInput& input);

/// A consent as a fullmakt for the client to sign: whom it is for, what it allows, from and until
/// when, and who the ombud is. A revoked or expired consent is refused (conflict
/// "consent.not_in_force").
struct FullmaktData {
  ClientView client;
  std::string ombud_name;
  Date made_on;
  ConsentRecord consent;
};
/// A letter or an application written together with the client, as filled in on screen. Nothing
/// of it is stored; the printing is audit-logged with its kind only.
struct LetterData {
  ClientView client;
  std::string ombud_name;
  Date made_on;
  domain::LetterKind kind = domain::LetterKind::kGodMan;
  domain::LetterValues values;  // trimmed; a personnummer written as YYYYMMDD-NNNN or YYMMDD-NNNN
};

/// The kind named by a code, or "letter.not_found".
Result<domain::LetterKind> letter_kind(std::string_view code);
/// Refused: an unknown kind ("letter.not_found"), and the field errors of domain::validate_letter.
Result<LetterData> letter(const Services& s, const Actor& actor, const std::string& client_id, std::string_view kind,
                          domain::LetterValues values);

Result<FullmaktData> fullmakt(const Services& s, const Actor& actor, const std::string& client_id,
                              const std::string& consent_id);

}  // namespace ombud::services
