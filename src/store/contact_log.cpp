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
                                       column<&R::network_id>("network_id"),
                                       column<&R::letter>("letter"),
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

Status add_to_contact_totals(soci::session& sql, const std::string& client_id, long long entries, long long minutes) {
  return guarded("contact_log.totals", [&]() -> Status {
    // An UPDATE first: the row exists for every client with an entry. (An upsert would check the
    // CHECK constraints on the negative values of a removal before it saw the conflict.)
    soci::statement st = (sql.prepare << "UPDATE contact_log_totals SET entries = entries + :e, minutes = minutes + :m "
                                         "WHERE client_id = :c",
                          soci::use(entries), soci::use(minutes), soci::use(client_id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      sql << "INSERT INTO contact_log_totals(client_id, entries, minutes) VALUES(:c, :e, :m)", soci::use(client_id),
          soci::use(entries), soci::use(minutes);
    }
    return {};
  });
}

Result<ContactLogPage> list_contact_log(soci::session& sql, const std::string& client_id, int limit, int offset) {
  return guarded("contact_log.list", [&]() -> Result<ContactLogPage> {
    ContactLogPage page;
    page.rows = kLog.select_rows(
        sql, " WHERE client_id = :c ORDER BY happened_on DESC, created_at DESC, id DESC LIMIT :l OFFSET :o", client_id,
        limit, offset);
    sql << "SELECT entries, minutes FROM contact_log_totals WHERE client_id = :c", soci::into(page.total),
        soci::into(page.total_minutes), soci::use(client_id);
    if (!sql.got_data()) page.total = page.total_minutes = 0;
    return page;
  });
}

}  // namespace ombud::store
