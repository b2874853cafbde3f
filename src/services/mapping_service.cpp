// src/services/mapping_service.cpp
#include "services/mapping_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "domain/work.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/case_core.hpp"
#include "services/reference_service.hpp"
#include "store/needs.hpp"
#include "store/stat_events.hpp"

namespace ombud::services {

namespace {

using internal::WorkContext;

constexpr std::string_view kWordsColumn = "needs.words_ct";

Result<NeedsMapping> mapping_of(soci::session& sql, const WorkContext& w) {
  std::map<std::string, store::NeedRow> stored;
  for (auto& r : OMBUD_TRY(store::list_needs(sql, w.client_id())))
    stored.emplace(r.area, std::move(r));
  NeedsMapping m;
  auto add = [&](const std::string& key, const std::string& label) -> Status {
    NeedView v{key, label, "", false, 0};
    if (auto it = stored.find(key); it != stored.end()) {
      const store::NeedRow& r = it->second;
      if (r.words_ct)
        v.words = OMBUD_TRY(internal::open_record(w.loaded.key, kWordsColumn, r.client_id, r.area, *r.words_ct));
      v.wants_help = r.wants_help;
      v.version = r.version;
      m.updated_at = std::max(m.updated_at.value_or(0), r.updated_at);
      stored.erase(it);
    }
    m.areas.push_back(std::move(v));
    return {};
  };
  for (const auto& a : w.config.life_areas)
    OMBUD_CHECK(add(a.key, a.label));
  // An area the rules no longer list keeps what was said about it until the client removes it.
  std::vector<std::string> rest;
  for (const auto& [key, row] : stored)
    rest.push_back(key);
  for (const auto& key : rest)
    OMBUD_CHECK(add(key, key));
  return m;
}

}  // namespace

Result<NeedsMapping> needs_mapping(const Services& s, const Actor& actor, const std::string& client_id) {
  NeedsMapping out;
  Status done = internal::with_work(s, actor, client_id, false, [&](store::Tx& tx, WorkContext& w) -> Status {
    out = OMBUD_TRY(mapping_of(tx.sql(), w));
    return {};
  });
  if (!done) return fail(done.error());
  OMBUD_CHECK(audit_now(s, AuditSubject::of(actor), AuditEvent{"read", "needs", client_id, "", "ok"}));
  return out;
}

Result<NeedsMapping> save_needs_mapping(const Services& s, const Actor& actor, const std::string& client_id,
                                        const std::vector<NeedInput>& areas) {
  NeedsMapping out;
  const Date on = today(s);
  Status done = internal::with_work(s, actor, client_id, true, [&](store::Tx& tx, WorkContext& w) -> Status {
    std::map<std::string, store::NeedRow> stored;
    for (auto& r : OMBUD_TRY(store::list_needs(tx.sql(), client_id)))
      stored.emplace(r.area, std::move(r));
    std::set<std::string> known;
    for (const auto& a : w.config.life_areas)
      known.insert(a.key);
    std::vector<FieldError> errors;
    std::set<std::string> seen;
    for (const auto& in : areas) {
      const std::string field = "areas." + in.area + ".words";
      if ((known.count(in.area) == 0 && stored.count(in.area) == 0) || !seen.insert(in.area).second) {
        errors.push_back({"areas", "mapping.area_unknown"});
        continue;
      }
      std::string_view words = trim(in.words);
      if (!is_clean_utf8(words, true)) {
        errors.push_back({field, "field.invalid"});
      } else if (utf8_length(words) > domain::kMaxOwnWordsLength) {
        errors.push_back({field, "mapping.words_too_long"});
      }
    }
    if (!errors.empty()) return fail(Error::invalid("error.invalid_input", std::move(errors)));

    std::string changed;
    for (const auto& in : areas) {
      const std::string words(trim(in.words));
      auto it = stored.find(in.area);
      const bool exists = it != stored.end();
      if ((exists ? it->second.version : 0) != in.version) return fail(Error::conflict("mapping.changed"));
      store::NeedRow row = exists ? it->second : store::NeedRow{client_id, in.area};
      const std::string before_words =
          exists && row.words_ct
              ? OMBUD_TRY(internal::open_record(w.loaded.key, kWordsColumn, client_id, in.area, *row.words_ct))
              : std::string();
      if (!exists && words.empty() && !in.wants_help) continue;  // nothing said about the area
      if (exists && before_words == words && row.wants_help == in.wants_help) continue;
      row.words_ct.reset();
      if (!words.empty()) row.words_ct = internal::seal_record(w.loaded.key, kWordsColumn, client_id, in.area, words);
      // The statistics follow the mapping: one event while help is wanted with the area.
      if (in.wants_help && !row.stat_id) {
        row.stat_id = crypto::random_id();
        domain::StatEvent ev = internal::stat_for(w.client, domain::StatEventType::kHelpWanted, on);
        ev.operation_id = w.loaded.row.operation_id;
        ev.activity = in.area;
        OMBUD_CHECK(store::insert_stat_event(tx.sql(), *row.stat_id, ev));
      } else if (!in.wants_help && row.stat_id) {
        OMBUD_CHECK(store::delete_stat_event(tx.sql(), *row.stat_id));
        row.stat_id.reset();
      }
      row.wants_help = in.wants_help;
      row.updated_by = actor.user_id;
      row.updated_at = s.clock.now();
      if (exists) {
        if (!OMBUD_TRY(store::update_need(tx.sql(), row))) return fail(Error::conflict("mapping.changed"));
      } else {
        OMBUD_CHECK(store::insert_need(tx.sql(), row));
      }
      changed += (changed.empty() ? "" : " ") + in.area;
    }
    if (!changed.empty()) {
      OMBUD_CHECK(audit(tx, s, AuditSubject::of(actor), AuditEvent{"update", "needs", client_id, changed, "ok"}));
    }
    out = OMBUD_TRY(mapping_of(tx.sql(), w));
    return {};
  });
  if (!done) return fail(done.error());
  return out;
}

}  // namespace ombud::services
