// src/store/network_entries.cpp
#include "store/network_entries.hpp"

#include "store/client_records.hpp"

namespace ombud::store {

namespace {
using R = NetworkRow;
const Table<R> kNetwork("network_entries", {
                                               column<&R::id>("id", Written::kOnInsert),
                                               column<&R::client_id>("client_id", Written::kOnInsert),
                                               column<&R::kind>("kind"),
                                               column<&R::name_ct>("name_ct"),
                                               column<&R::does_ct>("does_ct"),
                                               column<&R::contact_agreed>("contact_agreed"),
                                               column<&R::contact_ct>("contact_ct"),
                                               column<&R::created_by>("created_by", Written::kOnInsert),
                                               column<&R::created_at>("created_at", Written::kOnInsert),
                                               column<&R::version>("version", Written::kOnInsert),
                                           });
const ClientRecords<R> kRecords("network", kNetwork, "created_at, id");
}  // namespace

Result<std::vector<NetworkRow>> list_network(soci::session& sql, const std::string& client_id) {
  return kRecords.list(sql, client_id);
}

Result<std::optional<NetworkRow>> find_network_entry(soci::session& sql, const std::string& client_id,
                                                     const std::string& id) {
  return kRecords.find(sql, client_id, id);
}

Status insert_network_entry(soci::session& sql, const NetworkRow& row) {
  return kRecords.insert(sql, row);
}

Result<bool> update_network_entry(soci::session& sql, const NetworkRow& row) {
  return kRecords.update(sql, row);
}

Status delete_network_entry(soci::session& sql, const std::string& client_id, const std::string& id) {
  return kRecords.remove(sql, client_id, id);
}

}  // namespace ombud::store
