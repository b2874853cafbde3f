// src/services/internal/reference.cpp
#include "services/internal/reference.hpp"

#include <mutex>

#include "domain/access.hpp"
#include "store/database.hpp"
#include "store/municipalities.hpp"
#include "store/operation_configs.hpp"
#include "store/operations.hpp"
#include "store/users.hpp"

namespace ombud::services {

// The reference data of each operation this process has served, newest version seen.
struct ReferenceCache {
  std::mutex mutex;
  std::map<long long, std::shared_ptr<const internal::Reference>> by_operation;
};

std::shared_ptr<ReferenceCache> make_reference_cache() {
  return std::make_shared<ReferenceCache>();
}

namespace internal {

std::vector<StaffMember> Reference::contact_takers() const {
  std::vector<StaffMember> out;
  for (const auto& m : staff) {
    if (!m.disabled && domain::role_allows(m.role, domain::Permission::kRecordContact)) out.push_back(m);
  }
  return out;
}

namespace {

Result<std::shared_ptr<const Reference>> load_reference(soci::session& sql, long long operation_id, long long version) {
  auto r = std::make_shared<Reference>();
  r->version = version;
  for (const auto& u : OMBUD_TRY(store::list_users(sql, operation_id)))
    r->staff.push_back(StaffMember{u.id, u.display_name, u.role, u.disabled});
  for (const auto& m : OMBUD_TRY(store::list_municipalities(sql, operation_id))) {
    r->municipalities.emplace_back(m.code, m.name);
    r->municipality_names[m.code] = m.name;
  }
  auto row = OMBUD_TRY(store::latest_config(sql, operation_id));
  // Never configured: the built-in rules, with their help texts (never a blank acute text).
  r->config = row ? OMBUD_TRY(versioned_config(*row, r->staff)) : VersionedConfig{0, domain::default_config(), 0, ""};
  return std::shared_ptr<const Reference>(std::move(r));
}

}  // namespace

Result<VersionedConfig> versioned_config(const store::ConfigRow& row, const std::vector<StaffMember>& staff) {
  VersionedConfig v;
  v.version = row.version;
  v.config = OMBUD_TRY(config_from_json(row.config));
  v.changed_at = row.created_at;
  for (const auto& m : staff) {
    if (row.created_by && m.id == *row.created_by) v.changed_by = m.display_name;
  }
  return v;
}

std::vector<StaffMember> Reference::active_ombud() const {
  std::vector<StaffMember> out;
  for (const auto& m : staff) {
    if (m.role == domain::Role::kOmbud && !m.disabled) out.push_back(m);
  }
  return out;
}

namespace {
Result<std::shared_ptr<const Reference>> reference_via(const Services& s, soci::session& sql, long long operation_id,
                                                       bool may_keep) {
  const long long version = OMBUD_TRY(store::reference_version(sql, operation_id));
  ReferenceCache& cache = *s.reference_cache;
  {
    std::lock_guard lock(cache.mutex);
    auto it = cache.by_operation.find(operation_id);
    if (it != cache.by_operation.end() && it->second->version == version) return it->second;
  }
  // Read outside the lock. What is read is at least as new as `version` (read first), so keeping
  // it under `version` can only make a later request read again.
  auto loaded = OMBUD_TRY(load_reference(sql, operation_id, version));
  if (may_keep) {
    std::lock_guard lock(cache.mutex);
    auto& slot = cache.by_operation[operation_id];
    if (!slot || slot->version <= version) slot = loaded;
  }
  return loaded;
}
}  // namespace

Result<std::shared_ptr<const Reference>> reference(const Services& s, long long operation_id) {
  auto conn = s.db.acquire();
  return reference_via(s, conn.sql(), operation_id, true);
}

Result<std::shared_ptr<const Reference>> reference(const Services& s, store::Tx& tx, long long operation_id) {
  return reference_via(s, tx.sql(), operation_id, tx.mode() == store::Tx::Mode::kRead);
}

}  // namespace internal
}  // namespace ombud::services
