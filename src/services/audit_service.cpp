// src/services/audit_service.cpp
#include "services/audit_service.hpp"

#include <pwd.h>
#include <unistd.h>

#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace ombud::services {

AuditSubject AuditSubject::command_line() {
  std::string who = "cli";
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr) who += ":" + std::string(pw->pw_name);
  return AuditSubject{std::nullopt, who, "system", "local"};
}

Status audit(store::Tx& tx, const Services& s, const AuditSubject& who, const AuditEvent& event) {
  store::AuditEntry e;
  e.at = s.clock.now();
  e.user_id = who.user_id;
  e.username = who.username;
  e.role = who.role;
  e.action = event.action;
  e.record_kind = event.record_kind;
  e.client_id = event.client_id;
  e.subject_ids = event.subject_ids;
  e.outcome = event.outcome;
  e.address = who.address;
  return store::append_audit(tx.sql(), tx.engine(), e);
}

namespace {

// Group commit of the entries that stand alone (reads, lists, refusals). Each caller waits until
// its entry is committed; whoever finds no commit under way writes everything queued so far in
// one transaction. Under load a few requests share one commit.
struct Pending {
  store::AuditEntry entry;
  Status result;
  bool done = false;
};

struct GroupCommit {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<Pending*> queue;
  bool writing = false;
};

GroupCommit& group_commit(const Services& s) {
  // One queue per database.
  static std::mutex m;
  static std::map<const store::Database*, std::unique_ptr<GroupCommit>> all;
  std::lock_guard lock(m);
  auto& g = all[&s.db];
  if (!g) g = std::make_unique<GroupCommit>();
  return *g;
}

Status write_batch(const Services& s, const std::vector<Pending*>& batch) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  for (Pending* p : batch)
    OMBUD_CHECK(store::append_audit(tx->sql(), tx->engine(), p->entry));
  return tx->commit();
}

}  // namespace

Status audit_now(const Services& s, const AuditSubject& who, const AuditEvent& event) {
  Pending mine;
  mine.entry.at = s.clock.now();
  mine.entry.user_id = who.user_id;
  mine.entry.username = who.username;
  mine.entry.role = who.role;
  mine.entry.action = event.action;
  mine.entry.record_kind = event.record_kind;
  mine.entry.client_id = event.client_id;
  mine.entry.subject_ids = event.subject_ids;
  mine.entry.outcome = event.outcome;
  mine.entry.address = who.address;
  GroupCommit& g = group_commit(s);
  std::unique_lock lock(g.mutex);
  g.queue.push_back(&mine);
  while (!mine.done) {
    if (g.writing) {
      g.cv.wait(lock);
      continue;
    }
    g.writing = true;
    std::vector<Pending*> batch;
    batch.swap(g.queue);
    lock.unlock();
    Status st;
    try {
      st = write_batch(s, batch);
    } catch (const std::exception& e) {
      // Whatever happens, the waiting callers are answered and the next one may write.
      st = fail(Error::internal(std::string("audit group commit: ") + e.what()));
    }
    lock.lock();
    for (Pending* p : batch) {
      p->result = st;
      p->done = true;
    }
    g.writing = false;
    g.cv.notify_all();
  }
  return mine.result;
}

Result<store::AuditChainReport> verify_audit(const Services& s) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
  return store::verify_audit_chain(tx->sql());
}

}  // namespace ombud::services
