// src/services/contact_log_service.hpp
//
// The contact log (kontaktlogg) of an assignment: dated entries of the work done with and for the
// client, made together with the client. Only the client's ombud reaches it (CaseNeed::kWork).
// Each entry feeds one de-identified statistics event (kind, counterpart category, minutes) that
// follows the entry when it is edited or removed. A note is sealed with the client's key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/letters.hpp"
#include "domain/network.hpp"
#include "domain/vocabulary.hpp"
#include "domain/work.hpp"
#include "services/context.hpp"

namespace ombud::services {

struct ContactLogEntry {
  std::string id;
  Date on;
  domain::ContactKind kind = domain::ContactKind::kMeeting;
  std::optional<domain::Place> place;
  std::optional<domain::LetterKind> letter;  // the kind of letter written, for a "skrivelse"
  domain::Counterpart counterpart = domain::Counterpart::kClientOnly;
  std::optional<std::string> network_id;  // whom in the network map it was with, if named
  std::string network_name;
  domain::ConsentStanding consent = domain::ConsentStanding::kMissing;  // for them, on the entry's date
  int minutes = 0;
  std::string note;
  long long recorded_by = 0;
  int version = 1;
};

/// An entry as a form or the API sends it; every value as text, checked by the service.
struct ContactEntryInput {
  std::string date;  // YYYY-MM-DD; empty is today
  std::string kind;
  std::string place;        // a kPlaces code, only for a meeting; may be empty
  std::string letter;       // a kLetterKinds code, only for a letter written together; may be empty
  std::string counterpart;  // may be empty when network_id is given: the category is theirs
  std::string network_id;   // someone in this client's network map, or ""
  std::string minutes;
  std::string note;
  int version = 0;  // the version the user edited (edits and removals)
};

/// Someone in the client's network map, as the log's form offers them.
struct NetworkChoice {
  std::string id;
  std::string name;
  domain::NetworkKind kind = domain::NetworkKind::kPrivate;
};

struct ContactLog {
  std::vector<ContactLogEntry> entries;  // newest first
  std::vector<NetworkChoice> network;    // whom an entry may name
  long long total = 0;
  long long total_minutes = 0;
  int page = 1;
  int limit = 20;
  int pages() const { return total == 0 ? 1 : static_cast<int>((total + limit - 1) / limit); }
};
inline constexpr int kMaxLogPerPage = 100;

/// One page of the log (1-based; a page past the end is empty). Logged with the ids shown.
Result<ContactLog> contact_log(const Services& s, const Actor& actor, const std::string& client_id, int page,
                               int limit);
Result<ContactLogEntry> contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                      const std::string& entry_id);
/// A network_id of no one in this client's map is refused ("network_id": "log.counterpart_unknown"),
/// and so is a counterpart other than theirs ("counterpart": "log.counterpart_mismatch").
Result<ContactLogEntry> add_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                          const ContactEntryInput& input);
/// A stale version is refused ("log.changed") and nothing is overwritten.
Result<ContactLogEntry> edit_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                                           const std::string& entry_id, const ContactEntryInput& input);
Status remove_contact_entry(const Services& s, const Actor& actor, const std::string& client_id,
                            const std::string& entry_id, int version);

}  // namespace ombud::services
