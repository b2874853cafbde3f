// src/store/audit.cpp
#include "store/audit.hpp"

#include "crypto/secret.hpp"
#include "store/columns.hpp"
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

const Table<AuditEntry> kAudit("audit_log", {
                                                column<&AuditEntry::seq>("seq"),
                                                column<&AuditEntry::at>("at"),
                                                column<&AuditEntry::user_id>("user_id"),
                                                column<&AuditEntry::username>("username"),
                                                column<&AuditEntry::role>("role"),
                                                column<&AuditEntry::action>("action"),
                                                column<&AuditEntry::record_kind>("record_kind"),
                                                column<&AuditEntry::client_id>("client_id"),
                                                column<&AuditEntry::subject_ids>("subject_ids"),
                                                column<&AuditEntry::outcome>("outcome"),
                                                column<&AuditEntry::address>("address"),
                                                column<&AuditEntry::prev_hash>("prev_hash"),
                                                column<&AuditEntry::hash>("hash"),
                                            });

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
  AuditEntry row;
  explicit AuditInsert(soci::session& sql) : CachedStatement(sql) {
    kAudit.use_inserted(st, row);
    prepare(kAudit.insert());
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
    q->row = e;
    q->st.execute(true);
    return {};
  });
}

Result<AuditChainReport> verify_audit_chain(soci::session& sql) {
  return guarded("audit.verify", [&]() -> Result<AuditChainReport> {
    AuditChainReport report;
    AuditEntry e;
    soci::statement st(sql);
    kAudit.into(st, e);
    prepare_bound(st, kAudit.select() + " ORDER BY seq");
    std::string prev = kGenesis;
    long long expected_seq = 1;
    if (st.execute(true)) {
      do {
        ++report.entries;
        if (report.first_bad_seq) continue;
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
    AuditEntry row;
    soci::statement st(sql);
    kAudit.into(st, row);
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
    prepare_bound(st, kAudit.select() + where + " ORDER BY seq DESC LIMIT :l");
    std::vector<AuditEntry> out;
    collect(st, out, row);
    return out;
  });
}

}  // namespace ombud::store
