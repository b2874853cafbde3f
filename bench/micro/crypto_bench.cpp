// bench/micro/crypto_bench.cpp
//
// Field encryption (every personal field is sealed and opened with it), the unwrapping of a
// client's data key (once per client shown), and the token hash that every authenticated request
// computes to find its session.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "crypto/aead.hpp"
#include "crypto/keyring.hpp"
#include "crypto/secret.hpp"

namespace {

using ombud::crypto::FieldAd;
using ombud::crypto::Secret;

const FieldAd kAd{"clients", "name", "01hzx3k7q2m9c4v8b6n5t1r0wy", "01hzx3k7q2m9c4v8b6n5t1r0wy", 1};

std::string value_of_100_bytes() {
  std::string v = "Åsa Exempelsson, Storgatan 12 B, 572 31 Oskarshamn, tel 0491-123 45, ";
  while (v.size() < 100)
    v += 'x';
  v.resize(100);
  return v;
}

void BM_SealField100(benchmark::State& state) {
  const Secret key = Secret::random();
  const std::string value = value_of_100_bytes();
  for (auto _ : state) {
    std::string sealed = ombud::crypto::seal_field(key, value, kAd);
    benchmark::DoNotOptimize(sealed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 100);
}
BENCHMARK(BM_SealField100);

void BM_OpenField100(benchmark::State& state) {
  const Secret key = Secret::random();
  const std::string sealed = ombud::crypto::seal_field(key, value_of_100_bytes(), kAd);
  for (auto _ : state) {
    auto opened = ombud::crypto::open_field(key, sealed, kAd);
    if (!opened) {
      state.SkipWithError("open_field failed");
      break;
    }
    benchmark::DoNotOptimize(opened);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 100);
}
BENCHMARK(BM_OpenField100);

// authenticate() hashes the session cookie (43 characters) to look the session up.
void BM_SessionTokenHash(benchmark::State& state) {
  const std::string token = ombud::crypto::random_token(32);
  for (auto _ : state) {
    std::string h = ombud::crypto::hash_hex(token);
    benchmark::DoNotOptimize(h);
  }
}
BENCHMARK(BM_SessionTokenHash);

// A Secret lives in libsodium's guarded memory: sodium_malloc maps guard pages and locks them
// (several system calls), sodium_free unmaps them.
void BM_SecretAllocFree(benchmark::State& state) {
  for (auto _ : state) {
    Secret s;
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_SecretAllocFree);

// What a client list pays per client for its data key: KeyRing::unwrap (open + a new Secret).
void BM_ClientKeyUnwrap(benchmark::State& state) {
  std::string dir = (std::filesystem::temp_directory_path() / "bench-micro-keys-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) std::abort();
  const std::filesystem::path file = std::filesystem::path(dir) / "ombud.key";
  if (!ombud::crypto::KeyRing::create_file(file)) std::abort();
  auto ring = ombud::crypto::KeyRing::load(file);
  if (!ring) std::abort();
  const std::string ad = "client-key|01hzx3k7q2m9c4v8b6n5t1r0wy";
  const auto wrapped = (*ring)->wrap(Secret::random(), ad);
  for (auto _ : state) {
    auto key = (*ring)->unwrap(wrapped.kek_version, wrapped.sealed, ad);
    if (!key) {
      state.SkipWithError("unwrap failed");
      break;
    }
    benchmark::DoNotOptimize(key->view().data());
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}
BENCHMARK(BM_ClientKeyUnwrap);

}  // namespace
