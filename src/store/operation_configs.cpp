// src/store/operation_configs.cpp
#include "store/operation_configs.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
const Table<ConfigRow> kConfigs("operation_configs",
                                {
                                    column<&ConfigRow::operation_id>("operation_id", Written::kOnInsert),
                                    column<&ConfigRow::version>("version", Written::kOnInsert),
                                    column<&ConfigRow::created_at>("created_at", Written::kOnInsert),
                                    column<&ConfigRow::created_by>("created_by", Written::kOnInsert),
                                    column<&ConfigRow::config>("config", Written::kOnInsert),
                                });

struct SelectConfigs {};

Result<std::vector<ConfigRow>> select_configs(soci::session& sql, long long operation_id, int limit) {
  return cached_rows<SelectConfigs>(sql, kConfigs, "", " WHERE operation_id = :op ORDER BY version DESC LIMIT :l",
                                    operation_id, limit);
}
}  // namespace

Status insert_config(soci::session& sql, long long operation_id, const ConfigRow& row) {
  return guarded("configs.insert", [&]() -> Status {
    ConfigRow r = row;
    r.operation_id = operation_id;
    kConfigs.insert_row(sql, r);
    return {};
  });
}

Result<std::optional<ConfigRow>> latest_config(soci::session& sql, long long operation_id) {
  return guarded("configs.latest", [&]() -> Result<std::optional<ConfigRow>> {
    auto rows = OMBUD_TRY(select_configs(sql, operation_id, 1));
    if (rows.empty()) return std::optional<ConfigRow>();
    return std::optional<ConfigRow>(rows.front());
  });
}

Result<std::vector<ConfigRow>> config_history(soci::session& sql, long long operation_id, int limit) {
  return guarded("configs.history",
                 [&]() -> Result<std::vector<ConfigRow>> { return select_configs(sql, operation_id, limit); });
}

}  // namespace ombud::store
