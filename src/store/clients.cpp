// src/store/clients.cpp
#include "store/clients.hpp"

#include <algorithm>

#include "store/columns.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

namespace {

constexpr const char* kFrom = "clients c LEFT JOIN client_keys k ON k.client_id = c.id";

// The columns lists read (ClientSummary), for the summary and for the whole row.
template <typename Row>
std::vector<Column<Row>> listed_columns() {
  return {
      column<&ClientSummary::id, Row>("id", Written::kOnInsert),
      column<&ClientSummary::code, Row>("code", Written::kOnInsert),
      column<&ClientSummary::state, Row>("state"),
      column<&ClientSummary::municipality_code, Row>("municipality_code"),
      column<&ClientSummary::first_contact_on, Row>("first_contact_on", Written::kOnInsert),
      column<&ClientSummary::own_wish_on, Row>("own_wish_on"),
      column<&ClientSummary::orientation_on, Row>("orientation_on"),
      column<&ClientSummary::orientation_held_on, Row>("orientation_held_on"),
      column<&ClientSummary::queue_entered_on, Row>("queue_entered_on"),
      column<&ClientSummary::primary_ombud_id, Row>("primary_ombud_id"),
      column<&ClientSummary::alias_ct, Row>("alias_ct"),
      column<&ClientSummary::birth_year_ct, Row>("birth_year_ct"),
      column<&ClientSummary::priorities_ct, Row>("priorities_ct"),
      column<&ClientSummary::version, Row>("version", Written::kOnInsert),  // updates bump it
      column<&ClientSummary::key_version, Row>("k.key_version", Written::kNever),
      column<&ClientSummary::kek_version, Row>("k.kek_version", Written::kNever),
      column<&ClientSummary::wrapped_key, Row>("k.wrapped", Written::kNever),
  };
}

const Table<ClientSummary> kListed("clients", kFrom, listed_columns<ClientSummary>());

const Table<ClientRow> kClients("clients", kFrom,
                                concat(listed_columns<ClientRow>(),
                                       {
                                           column<&ClientRow::operation_id>("operation_id", Written::kOnInsert),
                                           column<&ClientRow::channel>("channel", Written::kOnInsert),
                                           column<&ClientRow::contact_by>("contact_by", Written::kOnInsert),
                                           column<&ClientRow::recorded_by>("recorded_by", Written::kOnInsert),
                                           column<&ClientRow::reach_ct>("reach_ct"),
                                           column<&ClientRow::gender_ct>("gender_ct"),
                                           column<&ClientRow::assessment_ct>("assessment_ct"),
                                           column<&ClientRow::assessed_on>("assessed_on"),
                                           column<&ClientRow::assessed_by>("assessed_by"),
                                           column<&ClientRow::own_wish_how>("own_wish_how"),
                                           column<&ClientRow::own_wish_received_by>("own_wish_received_by"),
                                           column<&ClientRow::orientation_place>("orientation_place"),
                                           column<&ClientRow::orientation_time>("orientation_time"),
                                           column<&ClientRow::orientation_trusted_person>("orientation_trusted_person"),
                                           column<&ClientRow::orientation_booked_by>("orientation_booked_by"),
                                           column<&ClientRow::assigned_on>("assigned_on"),
                                           column<&ClientRow::paused_on>("paused_on"),
                                           column<&ClientRow::ended_on>("ended_on"),
                                           column<&ClientRow::end_reason>("end_reason"),
                                           column<&ClientRow::created_at>("created_at", Written::kOnInsert),
                                           column<&ClientRow::updated_at>("updated_at"),
                                       }));

struct FindClient {};

// What an ombud may see of the operation's cases (domain::case_list_scope kOwn; the policy is
// domain::may, and tests/store/access_filter_test.cpp proves the two agree). Disjoint parts that
// are each an index lookup, so the list costs the ombud's own cases rather than the whole
// operation's: own assignments; orientation visits they are booked on (driven by the few cases
// awaiting a visit); contacts they recorded themselves, until the visit is booked; and cases they
// cover for a colleague under a grant in force today (vikariat). Each part binds (ombud,
// operation) in the order of its placeholders; the last binds today three times after them.
constexpr const char* kVisibleToOmbud[] = {
    " WHERE c.primary_ombud_id = :me1 AND +c.operation_id = :op1"
    " AND c.state IN ('aktiv', 'vilande', 'avslutning')",
    " JOIN orientation_ombud o ON o.client_id = c.id"
    " WHERE o.user_id = :me2 AND c.operation_id = :op2 AND c.state = 'orienteringsbesok'",
    " WHERE c.recorded_by = :me3 AND +c.operation_id = :op3"
    " AND (c.state IN ('forsta_kontakt', 'bedomning')"
    "   OR (c.state = 'orienteringsbesok' AND c.orientation_on IS NULL))",
    " JOIN covers v ON v.client_id = c.id"
    " WHERE v.ombud_id = :me4 AND c.operation_id = :op4 AND v.starts_on <= :t4a AND v.ends_on >= :t4b"
    " AND (v.ended_on IS NULL OR v.ended_on > :t4c) AND c.state IN ('aktiv', 'vilande', 'avslutning')"
    " AND (c.primary_ombud_id IS NULL OR c.primary_ombud_id <> v.ombud_id)",
};
constexpr std::size_t kCoveredPart = 3;

// The text of a list query depends on how many states it filters and whether it is an ombud's
// own list, so each combination is its own cached statement.
struct ListClients : CachedStatement {
  ClientSummary row;
  long long operation_id = 0;
  long long me = 0;
  std::string today;
  std::vector<std::string> states;

  ListClients(soci::session& sql, std::size_t state_count, bool for_ombud) : CachedStatement(sql), states(state_count) {
    kListed.into(st, row);
    // The state filter appears once per part of the query, each time with placeholders of its
    // own (:s<part>_<i>) that are bound to the same state values.
    auto state_filter = [&](std::size_t part) {
      std::string f;
      if (state_count == 0) return f;
      f = " AND c.state IN (";
      for (std::size_t i = 0; i < state_count; ++i) {
        f += (i == 0 ? ":s" : ", :s") + std::to_string(part) + "_" + std::to_string(i);
        st.exchange(soci::use(states[i]));
      }
      return f + ")";
    };
    const std::string select = kListed.select("c");
    std::string query;
    if (!for_ombud) {
      st.exchange(soci::use(operation_id));
      query = select + " WHERE c.operation_id = :op" + state_filter(0);
    } else {
      for (std::size_t part = 0; part < std::size(kVisibleToOmbud); ++part) {
        st.exchange(soci::use(me));
        st.exchange(soci::use(operation_id));
        if (part == kCoveredPart) {
          for (int i = 0; i < 3; ++i)
            st.exchange(soci::use(today));
        }
        query += (part == 0 ? "" : " UNION ALL ") + select + kVisibleToOmbud[part] + state_filter(part);
      }
    }
    // No ORDER BY: given one, SQLite walks the whole operation in code order through the
    // (operation_id, code) index instead of using the selective ones; the rows are sorted below.
    prepare(query);
  }
};

}  // namespace

Status insert_client(soci::session& sql, const ClientRow& row) {
  return guarded("client_rows.insert", [&]() -> Status {
    ClientRow r = row;
    r.updated_at = r.created_at;
    kClients.insert_row(sql, r);
    return {};
  });
}

Result<std::optional<ClientRow>> find_client(soci::session& sql, long long operation_id, const std::string& id) {
  return guarded("client_rows.find", [&]() -> Result<std::optional<ClientRow>> {
    return cached_row<FindClient>(sql, kClients, "c", " WHERE c.id = :id AND c.operation_id = :op", id, operation_id);
  });
}

Status update_client(soci::session& sql, const ClientRow& row, UnixSeconds now) {
  return guarded("client_rows.update", [&]() -> Status {
    ClientRow r = row;
    r.updated_at = now;
    soci::statement st(sql);
    kClients.use_updated(st, r);
    st.exchange(soci::use(r.id));
    st.exchange(soci::use(r.version));
    prepare_bound(st, kClients.update() + ", version = version + 1 WHERE id = :id AND version = :v");
    st.execute(true);
    if (st.get_affected_rows() != 1) return fail(Error::conflict("error.conflict"));
    return {};
  });
}

Result<std::vector<ClientSummary>> list_clients(soci::session& sql, const ClientFilter& f) {
  return guarded("client_rows.list", [&]() -> Result<std::vector<ClientSummary>> {
    const bool for_ombud = f.visible_to_ombud.has_value();
    const int variant = static_cast<int>(f.states.size()) * 2 + (for_ombud ? 1 : 0);
    auto q = StatementCache::get<ListClients>(sql, variant, f.states.size(), for_ombud);
    q->operation_id = f.operation_id;
    for (std::size_t i = 0; i < f.states.size(); ++i)
      q->states[i] = f.states[i];
    q->me = f.visible_to_ombud.value_or(0);
    q->today = f.today;
    std::vector<ClientSummary> out;
    collect(q->st, out, q->row);
    std::sort(out.begin(), out.end(), [](const ClientSummary& a, const ClientSummary& b) { return a.code < b.code; });
    return out;
  });
}

struct OperationPage {};
struct OperationPageInState {};

Result<ClientPage> list_operation_clients(soci::session& sql, long long operation_id,
                                          const std::optional<std::string>& state, int limit, int offset) {
  return guarded("client_rows.page", [&]() -> Result<ClientPage> {
    ClientPage page;
    if (state) {
      page.rows = cached_rows<OperationPageInState>(
          sql, kListed, "c", " WHERE c.operation_id = :op AND c.state = :st ORDER BY c.code LIMIT :n OFFSET :o",
          operation_id, *state, limit, offset);
      sql << "SELECT COUNT(*) FROM clients WHERE operation_id = :op AND state = :st", soci::use(operation_id),
          soci::use(*state), soci::into(page.total);
    } else {
      page.rows = cached_rows<OperationPage>(sql, kListed, "c",
                                             " WHERE c.operation_id = :op ORDER BY c.code LIMIT :n OFFSET :o",
                                             operation_id, limit, offset);
      sql << "SELECT COUNT(*) FROM clients WHERE operation_id = :op", soci::use(operation_id), soci::into(page.total);
    }
    return page;
  });
}

Result<std::vector<CaseloadRow>> caseload(soci::session& sql, long long operation_id) {
  return guarded("client_rows.caseload", [&]() -> Result<std::vector<CaseloadRow>> {
    CaseloadRow r;
    soci::statement st = (sql.prepare << "SELECT primary_ombud_id, state, COUNT(*) FROM clients "
                                         "WHERE operation_id = :op AND primary_ombud_id IS NOT NULL "
                                         "AND state IN ('aktiv', 'vilande', 'avslutning') "
                                         "GROUP BY primary_ombud_id, state ORDER BY primary_ombud_id, state",
                          soci::use(operation_id), soci::into(r.ombud_id), soci::into(r.state), soci::into(r.count));
    std::vector<CaseloadRow> out;
    collect(st, out, r);
    return out;
  });
}

}  // namespace ombud::store
