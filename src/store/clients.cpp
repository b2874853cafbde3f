// src/store/clients.cpp
#include "store/clients.hpp"

#include <algorithm>

#include "crypto/secret.hpp"
#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

namespace {

// A nullable value bound to a statement: SOCI 4.0 has no std::optional, only indicators.
template <typename T>
struct Nullable {
  T value{};
  soci::indicator ind = soci::i_null;

  void set(const std::optional<T>& o) {
    ind = o ? soci::i_ok : soci::i_null;
    value = o.value_or(T{});
  }
  std::optional<T> get() const { return ind == soci::i_ok ? std::optional<T>(value) : std::nullopt; }
};

// Every column of a client, and its wrapped key (one query instead of one per client).
constexpr const char* kColumns =
    "c.id, c.operation_id, c.code, c.state, c.municipality_code, c.channel, c.contact_by, c.first_contact_on, "
    "c.own_wish_on, c.recorded_by, c.alias_ct, c.reach_ct, c.birth_year_ct, c.gender_ct, c.priorities_ct, "
    "c.assessment_ct, c.assessed_on, c.assessed_by, c.orientation_on, c.orientation_place, "
    "c.orientation_trusted_person, c.orientation_booked_by, c.orientation_held_on, c.queue_entered_on, "
    "c.primary_ombud_id, c.assigned_on, c.paused_on, c.ended_on, c.version, c.created_at, c.updated_at, "
    "k.key_version, k.kek_version, k.wrapped FROM clients c LEFT JOIN client_keys k ON k.client_id = c.id";

// Every column of a client row, as statement bindings.
struct ClientBinding {
  std::string id;
  long long operation_id = 0;
  std::string code;
  std::string state;
  std::string municipality_code;
  std::string channel;
  std::string contact_by;
  std::string first_contact_on;
  Nullable<std::string> own_wish_on;
  long long recorded_by = 0;
  Nullable<std::string> alias_ct;
  Nullable<std::string> reach_ct;
  std::string birth_year_ct;
  std::string gender_ct;
  Nullable<std::string> priorities_ct;
  Nullable<std::string> assessment_ct;
  Nullable<std::string> assessed_on;
  Nullable<long long> assessed_by;
  Nullable<std::string> orientation_on;
  Nullable<std::string> orientation_place;
  Nullable<int> orientation_trusted_person;
  Nullable<long long> orientation_booked_by;
  Nullable<std::string> orientation_held_on;
  Nullable<std::string> queue_entered_on;
  Nullable<long long> primary_ombud_id;
  Nullable<std::string> assigned_on;
  Nullable<std::string> paused_on;
  Nullable<std::string> ended_on;
  int version = 0;
  long long created_at = 0;
  long long updated_at = 0;
  Nullable<int> key_version;
  Nullable<int> kek_version;
  Nullable<std::string> wrapped_key;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(operation_id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(state));
    st.exchange(soci::into(municipality_code));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(contact_by));
    st.exchange(soci::into(first_contact_on));
    st.exchange(soci::into(own_wish_on.value, own_wish_on.ind));
    st.exchange(soci::into(recorded_by));
    st.exchange(soci::into(alias_ct.value, alias_ct.ind));
    st.exchange(soci::into(reach_ct.value, reach_ct.ind));
    st.exchange(soci::into(birth_year_ct));
    st.exchange(soci::into(gender_ct));
    st.exchange(soci::into(priorities_ct.value, priorities_ct.ind));
    st.exchange(soci::into(assessment_ct.value, assessment_ct.ind));
    st.exchange(soci::into(assessed_on.value, assessed_on.ind));
    st.exchange(soci::into(assessed_by.value, assessed_by.ind));
    st.exchange(soci::into(orientation_on.value, orientation_on.ind));
    st.exchange(soci::into(orientation_place.value, orientation_place.ind));
    st.exchange(soci::into(orientation_trusted_person.value, orientation_trusted_person.ind));
    st.exchange(soci::into(orientation_booked_by.value, orientation_booked_by.ind));
    st.exchange(soci::into(orientation_held_on.value, orientation_held_on.ind));
    st.exchange(soci::into(queue_entered_on.value, queue_entered_on.ind));
    st.exchange(soci::into(primary_ombud_id.value, primary_ombud_id.ind));
    st.exchange(soci::into(assigned_on.value, assigned_on.ind));
    st.exchange(soci::into(paused_on.value, paused_on.ind));
    st.exchange(soci::into(ended_on.value, ended_on.ind));
    st.exchange(soci::into(version));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(key_version.value, key_version.ind));
    st.exchange(soci::into(kek_version.value, kek_version.ind));
    st.exchange(soci::into(wrapped_key.value, wrapped_key.ind));
  }

  // The mutable columns, in the order of kUpdateSet.
  void use_mutable(soci::statement& st) {
    st.exchange(soci::use(state));
    st.exchange(soci::use(municipality_code));
    st.exchange(soci::use(own_wish_on.value, own_wish_on.ind));
    st.exchange(soci::use(alias_ct.value, alias_ct.ind));
    st.exchange(soci::use(reach_ct.value, reach_ct.ind));
    st.exchange(soci::use(birth_year_ct));
    st.exchange(soci::use(gender_ct));
    st.exchange(soci::use(priorities_ct.value, priorities_ct.ind));
    st.exchange(soci::use(assessment_ct.value, assessment_ct.ind));
    st.exchange(soci::use(assessed_on.value, assessed_on.ind));
    st.exchange(soci::use(assessed_by.value, assessed_by.ind));
    st.exchange(soci::use(orientation_on.value, orientation_on.ind));
    st.exchange(soci::use(orientation_place.value, orientation_place.ind));
    st.exchange(soci::use(orientation_trusted_person.value, orientation_trusted_person.ind));
    st.exchange(soci::use(orientation_booked_by.value, orientation_booked_by.ind));
    st.exchange(soci::use(orientation_held_on.value, orientation_held_on.ind));
    st.exchange(soci::use(queue_entered_on.value, queue_entered_on.ind));
    st.exchange(soci::use(primary_ombud_id.value, primary_ombud_id.ind));
    st.exchange(soci::use(assigned_on.value, assigned_on.ind));
    st.exchange(soci::use(paused_on.value, paused_on.ind));
    st.exchange(soci::use(ended_on.value, ended_on.ind));
    st.exchange(soci::use(updated_at));
  }

  void load(const ClientRow& r) {
    id = r.id;
    operation_id = r.operation_id;
    code = r.code;
    state = r.state;
    municipality_code = r.municipality_code;
    channel = r.channel;
    contact_by = r.contact_by;
    first_contact_on = r.first_contact_on;
    own_wish_on.set(r.own_wish_on);
    recorded_by = r.recorded_by;
    alias_ct.set(r.alias_ct);
    reach_ct.set(r.reach_ct);
    birth_year_ct = r.birth_year_ct;
    gender_ct = r.gender_ct;
    priorities_ct.set(r.priorities_ct);
    assessment_ct.set(r.assessment_ct);
    assessed_on.set(r.assessed_on);
    assessed_by.set(r.assessed_by);
    orientation_on.set(r.orientation_on);
    orientation_place.set(r.orientation_place);
    orientation_trusted_person.set(r.orientation_trusted_person);
    orientation_booked_by.set(r.orientation_booked_by);
    orientation_held_on.set(r.orientation_held_on);
    queue_entered_on.set(r.queue_entered_on);
    primary_ombud_id.set(r.primary_ombud_id);
    assigned_on.set(r.assigned_on);
    paused_on.set(r.paused_on);
    ended_on.set(r.ended_on);
    version = r.version;
    created_at = r.created_at;
    updated_at = r.updated_at;
  }

  ClientRow row() const {
    ClientRow r;
    r.id = id;
    r.operation_id = operation_id;
    r.code = code;
    r.state = state;
    r.municipality_code = municipality_code;
    r.channel = channel;
    r.contact_by = contact_by;
    r.first_contact_on = first_contact_on;
    r.own_wish_on = own_wish_on.get();
    r.recorded_by = recorded_by;
    r.alias_ct = alias_ct.get();
    r.reach_ct = reach_ct.get();
    r.birth_year_ct = birth_year_ct;
    r.gender_ct = gender_ct;
    r.priorities_ct = priorities_ct.get();
    r.assessment_ct = assessment_ct.get();
    r.assessed_on = assessed_on.get();
    r.assessed_by = assessed_by.get();
    r.orientation_on = orientation_on.get();
    r.orientation_place = orientation_place.get();
    r.orientation_trusted_person = orientation_trusted_person.get();
    r.orientation_booked_by = orientation_booked_by.get();
    r.orientation_held_on = orientation_held_on.get();
    r.queue_entered_on = queue_entered_on.get();
    r.primary_ombud_id = primary_ombud_id.get();
    r.assigned_on = assigned_on.get();
    r.paused_on = paused_on.get();
    r.ended_on = ended_on.get();
    r.version = version;
    r.created_at = created_at;
    r.updated_at = updated_at;
    r.key_version = key_version.get();
    r.kek_version = kek_version.get();
    r.wrapped_key = wrapped_key.get();
    return r;
  }
};

constexpr const char* kUpdateSet =
    "state = :state, municipality_code = :mc, own_wish_on = :ow, alias_ct = :al, reach_ct = :re, "
    "birth_year_ct = :by, gender_ct = :ge, priorities_ct = :pr, assessment_ct = :as, assessed_on = :ason, "
    "assessed_by = :asby, orientation_on = :oon, orientation_place = :opl, orientation_trusted_person = :otp, "
    "orientation_booked_by = :obb, orientation_held_on = :oho, queue_entered_on = :qe, primary_ombud_id = :po, "
    "assigned_on = :aon, paused_on = :pon, ended_on = :eon, updated_at = :up, version = version + 1";

}  // namespace

Status insert_client(soci::session& sql, const ClientRow& row) {
  return guarded("client_rows.insert", [&]() -> Status {
    // The fixed columns first (at version 0); the update below writes the rest and makes it 1,
    // so that one statement lists the mutable columns.
    long long created = row.created_at;
    sql << "INSERT INTO clients(id, operation_id, code, state, municipality_code, channel, contact_by, "
           "first_contact_on, recorded_by, birth_year_ct, gender_ct, created_at, updated_at, version) "
           "VALUES(:id, :op, :code, :st, :mc, :ch, :cb, :fc, :rb, :by, :ge, :ca, :ua, 0)",
        soci::use(row.id), soci::use(row.operation_id), soci::use(row.code), soci::use(row.state),
        soci::use(row.municipality_code), soci::use(row.channel), soci::use(row.contact_by),
        soci::use(row.first_contact_on), soci::use(row.recorded_by), soci::use(row.birth_year_ct),
        soci::use(row.gender_ct), soci::use(created), soci::use(created);
    ClientRow initial = row;
    initial.version = 0;
    return update_client(sql, initial, row.created_at);
  });
}

namespace {
struct FindClient : CachedStatement {
  ClientBinding b;
  std::string key;
  long long operation_id = 0;
  explicit FindClient(soci::session& sql) : CachedStatement(sql) {
    b.into(st);
    st.exchange(soci::use(key));
    st.exchange(soci::use(operation_id));
    prepare(std::string("SELECT ") + kColumns + " WHERE c.id = :id AND c.operation_id = :op");
  }
};

constexpr const char* kSummaryColumns =
    "c.id, c.code, c.state, c.municipality_code, c.first_contact_on, c.orientation_on, c.orientation_held_on, "
    "c.queue_entered_on, c.primary_ombud_id, c.alias_ct, c.birth_year_ct, c.priorities_ct, c.version, "
    "k.key_version, k.kek_version, k.wrapped";

// The text of a list query depends on how many states it filters and whether it is an ombud's
// own list, so each combination is its own cached statement.
struct ListClients : CachedStatement {
  std::string id;
  std::string code;
  std::string state;
  std::string municipality_code;
  std::string first_contact_on;
  Nullable<std::string> orientation_on;
  Nullable<std::string> orientation_held_on;
  Nullable<std::string> queue_entered_on;
  Nullable<long long> primary_ombud_id;
  Nullable<std::string> alias_ct;
  std::string birth_year_ct;
  Nullable<std::string> priorities_ct;
  int version = 0;
  Nullable<int> key_version;
  Nullable<int> kek_version;
  Nullable<std::string> wrapped_key;

  long long operation_id = 0;
  long long me = 0;
  std::vector<std::string> states;

  ListClients(soci::session& sql, std::size_t state_count, bool for_ombud) : CachedStatement(sql), states(state_count) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(state));
    st.exchange(soci::into(municipality_code));
    st.exchange(soci::into(first_contact_on));
    st.exchange(soci::into(orientation_on.value, orientation_on.ind));
    st.exchange(soci::into(orientation_held_on.value, orientation_held_on.ind));
    st.exchange(soci::into(queue_entered_on.value, queue_entered_on.ind));
    st.exchange(soci::into(primary_ombud_id.value, primary_ombud_id.ind));
    st.exchange(soci::into(alias_ct.value, alias_ct.ind));
    st.exchange(soci::into(birth_year_ct));
    st.exchange(soci::into(priorities_ct.value, priorities_ct.ind));
    st.exchange(soci::into(version));
    st.exchange(soci::into(key_version.value, key_version.ind));
    st.exchange(soci::into(kek_version.value, kek_version.ind));
    st.exchange(soci::into(wrapped_key.value, wrapped_key.ind));
    int branch = 0;
    // The state filter appears once per branch of the query, each time with placeholders of its
    // own (:s<branch>_<i>) that are bound to the same state values.
    auto state_filter = [&]() {
      std::string f;
      if (state_count == 0) return f;
      f = " AND c.state IN (";
      for (std::size_t i = 0; i < state_count; ++i) {
        f += (i == 0 ? ":s" : ", :s") + std::to_string(branch) + "_" + std::to_string(i);
        st.exchange(soci::use(states[i]));
      }
      ++branch;
      return f + ")";
    };
    const std::string from =
        std::string("SELECT ") + kSummaryColumns + " FROM clients c LEFT JOIN client_keys k ON k.client_id = c.id";
    std::string query;
    if (!for_ombud) {
      st.exchange(soci::use(operation_id));
      query = from + " WHERE c.operation_id = :op" + state_filter();
    } else {
      // What an ombud may see, as disjoint parts that are each an index lookup, so the list costs
      // the ombud's own cases rather than the whole operation's: own assignments; orientation
      // visits they are booked on (driven by the few cases awaiting a visit); and contacts they
      // recorded themselves, until the visit is booked.
      st.exchange(soci::use(me));
      st.exchange(soci::use(operation_id));
      query = from +
              " WHERE c.primary_ombud_id = :me1 AND +c.operation_id = :op1"
              " AND c.state IN ('aktiv', 'vilande', 'avslutning')" +
              state_filter();
      st.exchange(soci::use(operation_id));
      st.exchange(soci::use(me));
      query += " UNION ALL " + from +
               " JOIN orientation_ombud o ON o.client_id = c.id"
               " WHERE c.operation_id = :op2 AND c.state = 'orienteringsbesok' AND o.user_id = :me2" +
               state_filter();
      st.exchange(soci::use(me));
      st.exchange(soci::use(operation_id));
      query += " UNION ALL " + from +
               " WHERE c.recorded_by = :me3 AND +c.operation_id = :op3"
               " AND (c.state IN ('forsta_kontakt', 'bedomning')"
               "   OR (c.state = 'orienteringsbesok' AND c.orientation_on IS NULL))" +
               state_filter();
    }
    // No ORDER BY: given one, SQLite walks the whole operation in code order through the
    // (operation_id, code) index instead of using the selective ones; the rows are sorted below.
    prepare(query);
  }

  ClientSummary row() const {
    return ClientSummary{id,
                         code,
                         state,
                         municipality_code,
                         first_contact_on,
                         orientation_on.get(),
                         orientation_held_on.get(),
                         queue_entered_on.get(),
                         primary_ombud_id.get(),
                         alias_ct.get(),
                         birth_year_ct,
                         priorities_ct.get(),
                         version,
                         key_version.get(),
                         kek_version.get(),
                         wrapped_key.get()};
  }
};
}  // namespace

Result<std::optional<ClientRow>> find_client(soci::session& sql, long long operation_id, const std::string& id) {
  return guarded("client_rows.find", [&]() -> Result<std::optional<ClientRow>> {
    auto q = StatementCache::get<FindClient>(sql);
    q->key = id;
    q->operation_id = operation_id;
    if (!q->st.execute(true)) return std::optional<ClientRow>();
    return std::optional<ClientRow>(q->b.row());
  });
}

Status update_client(soci::session& sql, const ClientRow& row, UnixSeconds now) {
  return guarded("client_rows.update", [&]() -> Status {
    ClientBinding b;
    b.load(row);
    b.updated_at = now;
    soci::statement st(sql);
    b.use_mutable(st);
    st.exchange(soci::use(b.id));
    st.exchange(soci::use(b.version));
    st.alloc();
    st.prepare(std::string("UPDATE clients SET ") + kUpdateSet + " WHERE id = :id AND version = :v");
    st.define_and_bind();
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
    std::vector<ClientSummary> out;
    if (q->st.execute(true)) {
      do {
        out.push_back(q->row());
      } while (q->st.fetch());
    }
    std::sort(out.begin(), out.end(), [](const ClientSummary& a, const ClientSummary& b) { return a.code < b.code; });
    return out;
  });
}

Result<int> next_client_number(soci::session& sql, long long operation_id, int year) {
  return guarded("client_rows.next_number", [&]() -> Result<int> {
    int next = 0;
    sql << "INSERT INTO code_counters(operation_id, year, next) VALUES(:op, :y, 1) "
           "ON CONFLICT (operation_id, year) DO UPDATE SET next = code_counters.next + 1 RETURNING next",
        soci::use(operation_id), soci::use(year), soci::into(next);
    return next;
  });
}

Status set_orientation_ombud(soci::session& sql, const std::string& client_id, const std::vector<long long>& users) {
  return guarded("orientation_ombud.set", [&]() -> Status {
    sql << "DELETE FROM orientation_ombud WHERE client_id = :c", soci::use(client_id);
    for (long long u : users) {
      sql << "INSERT INTO orientation_ombud(client_id, user_id) VALUES(:c, :u)", soci::use(client_id), soci::use(u);
    }
    return {};
  });
}

namespace {
struct OrientationOmbud : CachedStatement {
  std::string client_id;
  long long user = 0;
  explicit OrientationOmbud(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(user));
    st.exchange(soci::use(client_id));
    prepare("SELECT user_id FROM orientation_ombud WHERE client_id = :c ORDER BY user_id");
  }
};
}  // namespace

Result<std::vector<long long>> orientation_ombud(soci::session& sql, const std::string& client_id) {
  return guarded("orientation_ombud.list", [&]() -> Result<std::vector<long long>> {
    auto q = StatementCache::get<OrientationOmbud>(sql);
    q->client_id = client_id;
    std::vector<long long> out;
    if (q->st.execute(true)) {
      do {
        out.push_back(q->user);
      } while (q->st.fetch());
    }
    return out;
  });
}

Result<std::vector<std::pair<std::string, long long>>> all_orientation_ombud(soci::session& sql,
                                                                             long long operation_id) {
  return guarded("orientation_ombud.all", [&]() -> Result<std::vector<std::pair<std::string, long long>>> {
    std::string c;
    long long u = 0;
    soci::statement st = (sql.prepare << "SELECT o.client_id, o.user_id FROM orientation_ombud o "
                                         "JOIN clients c ON c.id = o.client_id WHERE c.operation_id = :op",
                          soci::use(operation_id), soci::into(c), soci::into(u));
    std::vector<std::pair<std::string, long long>> out;
    if (st.execute(true)) {
      do {
        out.emplace_back(c, u);
      } while (st.fetch());
    }
    return out;
  });
}

Status insert_assignment(soci::session& sql, const AssignmentRow& row) {
  return guarded("assignments.insert", [&]() -> Status {
    Nullable<std::string> reason;
    reason.set(row.change_reason);
    sql << "INSERT INTO assignments(client_id, ombud_id, started_on, change_reason, assigned_by) "
           "VALUES(:c, :o, :s, :r, :b)",
        soci::use(row.client_id), soci::use(row.ombud_id), soci::use(row.started_on),
        soci::use(reason.value, reason.ind), soci::use(row.assigned_by);
    return {};
  });
}

Status end_assignment(soci::session& sql, const std::string& client_id, const std::string& ended_on,
                      const std::string& change_reason) {
  return guarded("assignments.end", [&]() -> Status {
    sql << "UPDATE assignments SET ended_on = :e, change_reason = :r WHERE client_id = :c AND ended_on IS NULL",
        soci::use(ended_on), soci::use(change_reason), soci::use(client_id);
    return {};
  });
}

Result<std::vector<AssignmentRow>> list_assignments(soci::session& sql, const std::string& client_id) {
  return guarded("assignments.list", [&]() -> Result<std::vector<AssignmentRow>> {
    AssignmentRow r;
    Nullable<std::string> ended;
    Nullable<std::string> reason;
    soci::statement st = (sql.prepare << "SELECT id, client_id, ombud_id, started_on, ended_on, change_reason, "
                                         "assigned_by FROM assignments WHERE client_id = :c ORDER BY id",
                          soci::use(client_id), soci::into(r.id), soci::into(r.client_id), soci::into(r.ombud_id),
                          soci::into(r.started_on), soci::into(ended.value, ended.ind),
                          soci::into(reason.value, reason.ind), soci::into(r.assigned_by));
    std::vector<AssignmentRow> out;
    if (st.execute(true)) {
      do {
        AssignmentRow copy = r;
        copy.ended_on = ended.get();
        copy.change_reason = reason.get();
        out.push_back(copy);
      } while (st.fetch());
    }
    return out;
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
    if (st.execute(true)) {
      do {
        out.push_back(r);
      } while (st.fetch());
    }
    return out;
  });
}

Status insert_config(soci::session& sql, long long operation_id, const ConfigRow& row) {
  return guarded("configs.insert", [&]() -> Status {
    Nullable<long long> by;
    by.set(row.created_by);
    long long at = row.created_at;
    sql << "INSERT INTO operation_configs(operation_id, version, created_at, created_by, config) "
           "VALUES(:op, :v, :at, :by, :c)",
        soci::use(operation_id), soci::use(row.version), soci::use(at), soci::use(by.value, by.ind),
        soci::use(row.config);
    return {};
  });
}

namespace {
struct SelectConfigs : CachedStatement {
  long long operation_id = 0;
  int limit = 0;
  ConfigRow r;
  long long at = 0;
  Nullable<long long> by;
  explicit SelectConfigs(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(r.version));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by.value, by.ind));
    st.exchange(soci::into(r.config));
    st.exchange(soci::use(operation_id));
    st.exchange(soci::use(limit));
    prepare(
        "SELECT version, created_at, created_by, config FROM operation_configs WHERE operation_id = :op "
        "ORDER BY version DESC LIMIT :l");
  }
};

Result<std::vector<ConfigRow>> select_configs(soci::session& sql, long long operation_id, int limit) {
  auto q = StatementCache::get<SelectConfigs>(sql);
  q->operation_id = operation_id;
  q->limit = limit;
  std::vector<ConfigRow> out;
  if (q->st.execute(true)) {
    do {
      ConfigRow copy = q->r;
      copy.created_at = q->at;
      copy.created_by = q->by.get();
      out.push_back(copy);
    } while (q->st.fetch());
  }
  return out;
}
}  // namespace

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

Status insert_stat_event(soci::session& sql, const domain::StatEvent& e) {
  return guarded("stat_events.insert", [&]() -> Status {
    std::string id = crypto::random_id();
    std::string type(domain::code_of(domain::kStatEventTypes, e.type));
    Nullable<int> days;
    days.set(e.days_waited);
    sql << "INSERT INTO stat_events(id, operation_id, municipality_code, year, event_type, gender, age_band, "
           "channel, contact_by, reason_code, days_waited) VALUES(:id, :op, :m, :y, :t, :g, :a, :ch, :cb, :r, :d)",
        soci::use(id), soci::use(e.operation_id), soci::use(e.municipality_code), soci::use(e.year), soci::use(type),
        soci::use(e.gender), soci::use(e.age_band), soci::use(e.channel), soci::use(e.contact_by),
        soci::use(e.reason_code), soci::use(days.value, days.ind);
    return {};
  });
}

Result<std::vector<domain::StatEvent>> list_stat_events(soci::session& sql, long long operation_id) {
  return guarded("stat_events.list", [&]() -> Result<std::vector<domain::StatEvent>> {
    domain::StatEvent e;
    std::string type;
    Nullable<int> days;
    soci::statement st =
        (sql.prepare << "SELECT operation_id, municipality_code, year, event_type, gender, age_band, channel, "
                        "contact_by, reason_code, days_waited FROM stat_events WHERE operation_id = :op "
                        "ORDER BY year, event_type, municipality_code",
         soci::use(operation_id), soci::into(e.operation_id), soci::into(e.municipality_code), soci::into(e.year),
         soci::into(type), soci::into(e.gender), soci::into(e.age_band), soci::into(e.channel),
         soci::into(e.contact_by), soci::into(e.reason_code), soci::into(days.value, days.ind));
    std::vector<domain::StatEvent> out;
    if (st.execute(true)) {
      do {
        domain::StatEvent copy = e;
        copy.type = domain::parse_code(domain::kStatEventTypes, type).value_or(domain::StatEventType::kFirstContact);
        copy.days_waited = days.get();
        out.push_back(copy);
      } while (st.fetch());
    }
    return out;
  });
}

}  // namespace ombud::store
