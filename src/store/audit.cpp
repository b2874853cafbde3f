// src/store/audit.cpp
#include "store/audit.hpp"

#include "crypto/secret.hpp"
#include "store/statement_cache.hpp"

namespace ombud::store {

namespace {

const std::string kGenesis(64, '0');

void part(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
  out += '|';
}

struct AuditRow {
  long long seq = 0;
  long long at = 0;
  long long user_id = 0;
  soci::indicator user_ind = soci::i_null;
  std::string username;
  std::string role;
  std::string action;
  std::string record_kind;
  std::string client_id;
  soci::indicator client_ind = soci::i_null;
  std::string subject_ids;
  std::string outcome;
  std::string address;
  std::string prev_hash;
  std::string hash;

  // Calls f with each column's variable (and its indicator, where the column may be NULL), in
  // the order of kColumns.
  template <typename F>
  void each(F f) {
    f(seq);
    f(at);
    f(user_id, user_ind);
    f(username);
    f(role);
    f(action);
    f(record_kind);
    f(client_id, client_ind);
    f(subject_ids);
    f(outcome);
    f(address);
    f(prev_hash);
    f(hash);
  }

  void bind_into(soci::statement& st) {
    each([&](auto&... v) { st.exchange(soci::into(v...)); });
  }
  void bind_use(soci::statement& st) {
    each([&](auto&... v) { st.exchange(soci::use(v...)); });
  }

  void load(const AuditEntry& e) {
    seq = e.seq;
    at = e.at;
    user_id = e.user_id.value_or(0);
    user_ind = e.user_id ? soci::i_ok : soci::i_null;
    username = e.username;
    role = e.role;
    action = e.action;
    record_kind = e.record_kind;
    client_id = e.client_id.value_or("");
    client_ind = e.client_id ? soci::i_ok : soci::i_null;
    subject_ids = e.subject_ids;
    outcome = e.outcome;
    address = e.address;
    prev_hash = e.prev_hash;
    hash = e.hash;
  }

  AuditEntry entry() const {
    AuditEntry e;
    e.seq = seq;
    e.at = at;
    if (user_ind == soci::i_ok) e.user_id = user_id;
    e.username = username;
    e.role = role;
    e.action = action;
    e.record_kind = record_kind;
    if (client_ind == soci::i_ok) e.client_id = client_id;
    e.subject_ids = subject_ids;
    e.outcome = outcome;
    e.address = address;
    e.prev_hash = prev_hash;
    e.hash = hash;
    return e;
  }
};

constexpr const char* kColumns =
    "seq, at, user_id, username, role, action, record_kind, client_id, subject_ids, outcome, address, "
    "prev_hash, hash";

}  // namespace

std::string audit_entry_hash(const AuditEntry& e, const std::string& prev_hash) {
  std::string s = "ombud-audit-v1|";
  part(s, prev_hash);
  part(s, std::to_string(e.seq));
  part(s, std::to_string(e.at));
  part(s, e.user_id ? std::to_string(*e.user_id) : std::string("-"));
  part(s, e.username);
  part(s, e.role);
  part(s, e.action);
  part(s, e.record_kind);
  part(s, e.client_id ? *e.client_id : std::string("-"));
  part(s, e.subject_ids);
  part(s, e.outcome);
  part(s, e.address);
  return crypto::hash_hex(s);
}

namespace {
struct AuditTail : CachedStatement {
  long long seq = 0;
  std::string hash;
  explicit AuditTail(soci::session& sql) : CachedStatement(sql) {
    st.exchange(soci::into(seq));
    st.exchange(soci::into(hash));
    prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  }
};

struct AuditInsert : CachedStatement {
  AuditRow row;
  explicit AuditInsert(soci::session& sql) : CachedStatement(sql) {
    row.bind_use(st);
    prepare(std::string("INSERT INTO audit_log(") + kColumns +
            ") VALUES(:seq, :at, :uid, :un, :ro, :ac, :rk, :cid, :sids, :oc, :ad, :ph, :h)");
  }
};
}  // namespace

Status append_audit(soci::session& sql, Engine engine, AuditEntry& e) {
  return guarded("audit.append", [&]() -> Status {
    if (engine == Engine::kPostgres) {
      // Held until this transaction ends: one appender at a time across all instances.
      sql << "SELECT pg_advisory_xact_lock(7340093)";
    }
    long long last_seq = 0;
    std::string last_hash = kGenesis;
    {
      auto tail = StatementCache::get<AuditTail>(sql);
      if (tail->st.execute(true)) {
        last_seq = tail->seq;
        last_hash = tail->hash;
      }
    }
    e.seq = last_seq + 1;
    e.prev_hash = last_hash;
    e.hash = audit_entry_hash(e, last_hash);
    auto q = StatementCache::get<AuditInsert>(sql);
    q->row.load(e);
    q->st.execute(true);
    return {};
  });
}

Result<AuditChainReport> verify_audit_chain(soci::session& sql) {
  return guarded("audit.verify", [&]() -> Result<AuditChainReport> {
    AuditChainReport report;
    AuditRow row;
    soci::statement st(sql);
    row.bind_into(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
    st.define_and_bind();
    std::string prev = kGenesis;
    long long expected_seq = 1;
    if (st.execute(true)) {
      do {
        ++report.entries;
        if (report.first_bad_seq) continue;
        AuditEntry e = row.entry();
        if (e.seq != expected_seq) {
          report.first_bad_seq = expected_seq;
          report.problem = "entry missing (removed) before seq " + std::to_string(e.seq);
        } else if (e.prev_hash != prev) {
          report.first_bad_seq = e.seq;
          report.problem = "chain broken: the previous entry was altered, removed or reordered";
        } else if (audit_entry_hash(e, prev) != e.hash) {
          report.first_bad_seq = e.seq;
          report.problem = "entry altered: its content does not match its hash";
        }
        prev = e.hash;
        ++expected_seq;
      } while (st.fetch());
    }
    return report;
  });
}

Result<std::vector<AuditEntry>> list_audit(soci::session& sql, const AuditQuery& q) {
  return guarded("audit.list", [&]() -> Result<std::vector<AuditEntry>> {
    AuditRow row;
    soci::statement st(sql);
    row.bind_into(st);
    std::string where = " WHERE 1 = 1";
    long long before = q.before_seq;
    long long uid = q.user_id.value_or(0);
    std::string cid = q.client_id.value_or("");
    if (before > 0) {
      where += " AND seq < :b";
      st.exchange(soci::use(before));
    }
    if (q.user_id) {
      where += " AND user_id = :u";
      st.exchange(soci::use(uid));
    }
    if (q.client_id) {
      where += " AND client_id = :c";
      st.exchange(soci::use(cid));
    }
    int limit = q.limit;
    st.exchange(soci::use(limit));
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM audit_log" + where + " ORDER BY seq DESC LIMIT :l");
    st.define_and_bind();
    std::vector<AuditEntry> out;
    if (st.execute(true)) {
      do {
        out.push_back(row.entry());
      } while (st.fetch());
    }
    return out;
  });
}

}  // namespace ombud::store
