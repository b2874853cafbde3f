// src/services/config_service.cpp
#include "services/config_service.hpp"

#include <nlohmann/json.hpp>

#include "domain/access.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "services/internal/reference.hpp"
#include "store/operation_configs.hpp"
#include "store/users.hpp"

namespace ombud::services {

using nlohmann::json;

std::string config_to_json(const domain::OperationConfig& c) {
  json groups = json::array();
  for (const auto& g : c.priority_groups) {
    json j = {{"key", g.key}, {"label", g.label}, {"weight_days", g.weight_days}};
    j["age_from"] = g.age_from ? json(*g.age_from) : json(nullptr);
    j["age_to"] = g.age_to ? json(*g.age_to) : json(nullptr);
    groups.push_back(j);
  }
  json calls = json::array();
  for (const auto& k : c.crisis_contacts)
    calls.push_back({{"label", k.label}, {"number", k.number}, {"note", k.note}});
  json j = {{"min_age", c.min_age},
            {"max_age", c.max_age ? json(*c.max_age) : json(nullptr)},
            {"require_own_will", c.require_own_will},
            {"exclude_substance_abuse", c.exclude_substance_abuse},
            {"orientation_ombud_count", c.orientation_ombud_count},
            {"orientation_deadline_days", c.orientation_deadline_days},
            {"deadline_day_kind", c.deadline_day_kind == domain::DayKind::kWorking ? "working" : "calendar"},
            {"deadline_warning_days", c.deadline_warning_days},
            {"priority_groups", groups},
            {"acute_help_text", c.acute_help_text},
            {"crisis_contacts", calls},
            {"complaints_contact", c.complaints_contact}};
  json areas = json::array();
  for (const auto& a : c.life_areas)
    areas.push_back({{"key", a.key}, {"label", a.label}});
  j["life_areas"] = areas;
  j["max_active_goals"] = c.max_active_goals;
  return j.dump();
}

Result<domain::OperationConfig> config_from_json(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail(Error::internal("stored configuration is not JSON"));
  try {
    domain::OperationConfig c;
    c.min_age = j.value("min_age", 18);
    if (j.contains("max_age") && !j["max_age"].is_null()) c.max_age = j["max_age"].get<int>();
    c.require_own_will = j.value("require_own_will", false);
    c.exclude_substance_abuse = j.value("exclude_substance_abuse", false);
    c.orientation_ombud_count = j.value("orientation_ombud_count", 2);
    c.orientation_deadline_days = j.value("orientation_deadline_days", 21);
    c.deadline_day_kind = j.value("deadline_day_kind", std::string("calendar")) == "working"
                              ? domain::DayKind::kWorking
                              : domain::DayKind::kCalendar;
    c.deadline_warning_days = j.value("deadline_warning_days", 6);
    for (const auto& g : j.value("priority_groups", json::array())) {
      domain::PriorityGroup p;
      p.key = g.at("key").get<std::string>();
      p.label = g.at("label").get<std::string>();
      p.weight_days = g.at("weight_days").get<int>();
      if (g.contains("age_from") && !g["age_from"].is_null()) p.age_from = g["age_from"].get<int>();
      if (g.contains("age_to") && !g["age_to"].is_null()) p.age_to = g["age_to"].get<int>();
      c.priority_groups.push_back(std::move(p));
    }
    c.acute_help_text = j.value("acute_help_text", std::string());
    // Rules saved before the crisis numbers existed get the nationwide ones.
    if (!j.contains("crisis_contacts")) c.crisis_contacts = domain::default_crisis_contacts();
    for (const auto& k : j.value("crisis_contacts", json::array())) {
      c.crisis_contacts.push_back(
          {k.at("label").get<std::string>(), k.value("number", std::string()), k.value("note", std::string())});
    }
    c.complaints_contact = j.value("complaints_contact", std::string());
    c.max_active_goals = j.value("max_active_goals", 1);
    // Rules saved before the needs mapping existed keep the default life areas.
    if (j.contains("life_areas")) {
      c.life_areas.clear();
      for (const auto& a : j["life_areas"])
        c.life_areas.push_back({a.at("key").get<std::string>(), a.at("label").get<std::string>()});
    }
    return c;
  } catch (const json::exception&) {
    return fail(Error::internal("stored configuration has a wrong field"));
  }
}

namespace {

bool same_except_priorities(domain::OperationConfig a, domain::OperationConfig b) {
  a.priority_groups.clear();
  b.priority_groups.clear();
  return config_to_json(a) == config_to_json(b);
}

}  // namespace

Result<VersionedConfig> current_config(const Services& s, long long operation_id) {
  return OMBUD_TRY(internal::reference(s, operation_id))->config;
}

Result<int> change_config(const Services& s, const Actor& actor, const domain::OperationConfig& config,
                          int expected_version) {
  if (auto errors = domain::validate_config(config); !errors.empty()) {
    return fail(Error::invalid("error.invalid_input", std::move(errors)));
  }
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto latest = OMBUD_TRY(store::latest_config(tx->sql(), actor.operation_id));
  int current = latest ? latest->version : 0;
  if (current != expected_version) return fail(Error::conflict("config.changed_meanwhile"));
  const domain::ConfigScope scope = domain::config_scope(actor.role);
  if (scope != domain::ConfigScope::kAll) {
    domain::OperationConfig before;
    if (latest) before = OMBUD_TRY(config_from_json(latest->config));
    if (scope != domain::ConfigScope::kPriorities || !same_except_priorities(before, config)) {
      // The refusal is logged once the transaction has let go of the connection.
      tx.reset();
      (void)audit_now(s, AuditSubject::of(actor), AuditEvent{"denied", "operation_config", {}, "", "denied"});
      return fail(Error::forbidden("config.priorities_only"));
    }
  }
  store::ConfigRow row{current + 1, s.clock.now(), actor.user_id, config_to_json(config)};
  if (auto inserted = store::insert_config(tx->sql(), actor.operation_id, row); !inserted) {
    // On PostgreSQL two saves can both read the same version; the second insert then meets the
    // first one's version number.
    if (inserted.error().code == ErrorCode::kConflict) return fail(Error::conflict("config.changed_meanwhile"));
    return fail(inserted.error());
  }
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor),
                    AuditEvent{"update", "operation_config", {}, std::to_string(row.version), "ok"}));
  OMBUD_CHECK(tx->commit());
  return row.version;
}

Status initialise_config(const Services& s, long long operation_id, const domain::OperationConfig& config) {
  if (auto errors = domain::validate_config(config); !errors.empty()) {
    return fail(Error::invalid("error.invalid_input", std::move(errors)));
  }
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  auto latest = OMBUD_TRY(store::latest_config(tx->sql(), operation_id));
  if (latest) return fail(Error::conflict("config.changed_meanwhile"));
  OMBUD_CHECK(store::insert_config(tx->sql(), operation_id,
                                   store::ConfigRow{1, s.clock.now(), std::nullopt, config_to_json(config)}));
  return tx->commit();
}

Result<std::vector<VersionedConfig>> config_history(const Services& s, const Actor& actor, int limit) {
  auto ref = OMBUD_TRY(internal::reference(s, actor.operation_id));
  auto conn = s.db.acquire();
  std::vector<VersionedConfig> out;
  for (const auto& r : OMBUD_TRY(store::config_history(conn.sql(), actor.operation_id, limit)))
    out.push_back(OMBUD_TRY(internal::versioned_config(r, ref->staff)));
  return out;
}

}  // namespace ombud::services
