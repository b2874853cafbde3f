// bench/micro/audit_bench.cpp
//
// The hash chain of the audit log: one entry hash per audited action (every read of a client).
#include <string>

#include <benchmark/benchmark.h>

#include "crypto/secret.hpp"
#include "store/audit.hpp"

namespace {

void BM_AuditEntryHash(benchmark::State& state) {
  ombud::store::AuditEntry e;
  e.seq = 123456;
  e.at = 1795425600;
  e.user_id = 17;
  e.username = "ombud1";
  e.role = "ombud";
  e.action = "list";
  e.record_kind = "client_list";
  e.client_id = "01hzx3k7q2m9c4v8b6n5t1r0wy";
  e.subject_ids = "01hzx3k7q2m9c4v8b6n5t1r0wy 01hzx3k7q2m9c4v8b6n5t1r0wz 01hzx3k7q2m9c4v8b6n5t1r0x0";
  e.outcome = "ok";
  e.address = "127.0.0.1";
  const std::string prev = ombud::crypto::hash_hex("the previous entry");
  for (auto _ : state) {
    std::string h = ombud::store::audit_entry_hash(e, prev);
    benchmark::DoNotOptimize(h);
  }
}
BENCHMARK(BM_AuditEntryHash);

}  // namespace
