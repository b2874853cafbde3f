// src/store/consents.cpp
#include "store/consents.hpp"

#include "store/client_records.hpp"

namespace ombud::store {

namespace {
using R = ConsentRow;
const Table<R> kConsents("consents", {
                                         column<&R::id>("id", Written::kOnInsert),
                                         column<&R::client_id>("client_id", Written::kOnInsert),
                                         column<&R::network_id>("network_id"),
                                         column<&R::scopes>("scopes"),
                                         column<&R::matter_ct>("matter_ct"),
                                         column<&R::given_as>("given_as"),
                                         column<&R::valid_from>("valid_from"),
                                         column<&R::valid_until>("valid_until"),
                                         column<&R::revoked_on>("revoked_on"),
                                         column<&R::created_by>("created_by", Written::kOnInsert),
                                         column<&R::created_at>("created_at", Written::kOnInsert),
                                         column<&R::version>("version", Written::kOnInsert),
                                     });
const ClientRecords<R> kRecords("consents", kConsents, "network_id, created_at, id");
}  // namespace

Result<std::vector<ConsentRow>> list_consents(soci::session& sql, const std::string& client_id) {
  return kRecords.list(sql, client_id);
}

Result<std::optional<ConsentRow>> find_consent(soci::session& sql, const std::string& client_id,
                                               const std::string& id) {
  return kRecords.find(sql, client_id, id);
}

Status insert_consent(soci::session& sql, const ConsentRow& row) {
  return kRecords.insert(sql, row);
}

Result<bool> update_consent(soci::session& sql, const ConsentRow& row) {
  return kRecords.update(sql, row);
}

Status delete_consent(soci::session& sql, const std::string& client_id, const std::string& id) {
  return kRecords.remove(sql, client_id, id);
}

}  // namespace ombud::store
