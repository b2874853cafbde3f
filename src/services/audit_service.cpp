// src/services/audit_service.cpp
#include "services/audit_service.hpp"

#include <pwd.h>
#include <unistd.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "services/internal/audit.hpp"
#include "store/audit.hpp"

namespace ombud::services {

AuditSubject AuditSubject::command_line() {
  std::string who = "cli";
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr) who += ":" + std::string(pw->pw_name);
  return AuditSubject{std::nullopt, who, "system", "local"};
}

namespace {

store::AuditEntry entry_of(const Services& s, const AuditSubject& who, const AuditEvent& event) {
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
  return e;
}

}  // namespace

Status audit(store::Tx& tx, const Services& s, const AuditSubject& who, const AuditEvent& event) {
  store::AuditEntry e = entry_of(s, who, event);
  return store::append_audit(tx.sql(), tx.engine(), e);
}

// Group commit of the entries that stand alone (reads, lists, refusals). Each caller waits until
// its entry is committed; whoever finds no commit under way writes everything queued so far in
// one transaction. Under load a few requests share one commit.
struct AuditGroupCommit {
  struct Waiter {
    store::AuditEntry entry;
    Status result;
    bool done = false;
  };
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<Waiter*> queue;
  bool writing = false;
};

std::shared_ptr<AuditGroupCommit> make_audit_group_commit() {
  return std::make_shared<AuditGroupCommit>();
}

namespace {

Status write_batch(const Services& s, const std::vector<AuditGroupCommit::Waiter*>& batch) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite, store::Durability::kRelaxed));
  for (auto* w : batch)
    OMBUD_CHECK(store::append_audit(tx->sql(), tx->engine(), w->entry));
  return tx->commit();
}

}  // namespace

Status audit_now(const Services& s, const AuditSubject& who, const AuditEvent& event) {
  AuditGroupCommit::Waiter mine{entry_of(s, who, event), {}, false};
  AuditGroupCommit& g = *s.audit_group;
  std::unique_lock lock(g.mutex);
  g.queue.push_back(&mine);
  while (!mine.done) {
    if (g.writing) {
      g.cv.wait(lock);
      continue;
    }
    g.writing = true;
    std::vector<AuditGroupCommit::Waiter*> batch;
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
    for (auto* w : batch) {
      w->result = st;
      w->done = true;
    }
    g.writing = false;
    g.cv.notify_all();
  }
  return mine.result;
}

Result<AuditChainReport> verify_audit(const Services& s) {
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
  auto r = OMBUD_TRY(store::verify_audit_chain(tx->sql()));
  return AuditChainReport{r.entries, r.first_bad_seq, r.problem};
}

}  // namespace ombud::services
