// src/store/contact_log.cpp
#include "store/contact_log.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace ombud::store {

namespace {
using R = ContactLogRow;
const Table<R> kLog("contact_log", {
                                       column<&R::id>("id", Written::kOnInsert),
                                       column<&R::client_id>("client_id", Written::kOnInsert),
                                       column<&R::happened_on>("happened_on"),
                                       column<&R::kind>("kind"),
                                       column<&R::place>("place"),
                                       column<&R::counterpart>("counterpart"),
                                       column<&R::minutes>("minutes"),
                                       column<&R::note_ct>("note_ct"),
                                       column<&R::stat_id>("stat_id", Written::kOnInsert),
                                       column<&R::recorded_by>("recorded_by", Written::kOnInsert),
                                       column<&R::created_at>("created_at", Written::kOnInsert),
                                       column<&R::version>("version", Written::kOnInsert),
                                   });
}  // namespace

Status insert_contact_entry(soci::session& sql, const ContactLogRow& row) {
  return guarded("contact_log.insert", [&]() -> Status {
    kLog.insert_row(sql, row);
    return {};
  });
}

Result<std::optional<ContactLogRow>> find_contact_entry(soci::session& sql, const std::string& client_id,
                                                        const std::string& id) {
  return guarded("contact_log.find", [&]() -> Result<std::optional<ContactLogRow>> {
    return kLog.select_one(sql, " WHERE client_id = :c AND id = :id", client_id, id);
  });
}

Result<bool> update_contact_entry(soci::session& sql, const ContactLogRow& row) {
  return guarded("contact_log.update", [&]() -> Result<bool> {
    return kLog.update_row(sql, row, ", version = version + 1 WHERE client_id = :c AND id = :id AND version = :v",
                           row.client_id, row.id, row.version) == 1;
  });
}

Status delete_contact_entry(soci::session& sql, const std::string& client_id, const std::string& id) {
  return guarded("contact_log.delete", [&]() -> Status {
    sql << "DELETE FROM contact_log WHERE client_id = :c AND id = :id", soci::use(client_id), soci::use(id);
    return {};
  });
}

Result<ContactLogPage> list_contact_log(soci::session& sql, const std::string& client_id, int limit, int offset) {
  return guarded("contact_log.list", [&]() -> Result<ContactLogPage> {
    ContactLogPage page;
    page.rows =
        kLog.select_rows(sql, " WHERE client_id = :c ORDER BY happened_on DESC, created_at DESC, id LIMIT :l OFFSET :o",
                         client_id, limit, offset);
    soci::indicator ind = soci::i_ok;
    sql << "SELECT COUNT(*), SUM(minutes) FROM contact_log WHERE client_id = :c", soci::into(page.total),
        soci::into(page.total_minutes, ind), soci::use(client_id);
    if (ind != soci::i_ok) page.total_minutes = 0;
    return page;
  });
}

}  // namespace ombud::store
