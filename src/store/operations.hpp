// src/store/operations.hpp
//
// The PO operation (PO-verksamhet), its member municipalities, and the key-file checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

struct OperationRecord {
  long long id = 0;
  std::string name;
  std::string time_zone;
  UnixSeconds created_at = 0;
};

struct MunicipalityRecord {
  long long id = 0;
  long long operation_id = 0;
  std::string code;  // kommunkod, e.g. "0882"
  std::string name;
};

Result<long long> insert_operation(soci::session& sql, const OperationRecord& op);
Result<std::optional<OperationRecord>> find_operation(soci::session& sql, long long id);
Result<std::vector<OperationRecord>> list_operations(soci::session& sql);
Result<long long> insert_municipality(soci::session& sql, const MunicipalityRecord& m);
Result<std::vector<MunicipalityRecord>> list_municipalities(soci::session& sql, long long operation_id);

struct KekCheck {
  int version = 0;
  std::string check_value;
};
Status insert_kek_check(soci::session& sql, int version, const std::string& check, UnixSeconds now);
Result<std::vector<KekCheck>> list_kek_checks(soci::session& sql);

struct ClientKeyRecord {
  std::string client_id;
  int key_version = 1;
  int kek_version = 1;
  std::string wrapped;
};
Status insert_client_key(soci::session& sql, const ClientKeyRecord& k);
Result<std::optional<ClientKeyRecord>> find_client_key(soci::session& sql, const std::string& client_id);
/// Up to `limit` keys not wrapped by `kek_version`, for re-wrapping during a rotation.
Result<std::vector<ClientKeyRecord>> client_keys_not_at(soci::session& sql, int kek_version, int limit);
Status update_client_key_wrap(soci::session& sql, const std::string& client_id, int kek_version,
                              const std::string& wrapped);
/// How many client keys each KEK version wraps.
Result<std::vector<std::pair<int, long long>>> count_client_keys_by_kek(soci::session& sql);

}  // namespace ombud::store
