// bench/micro/main.cpp
//
// The entry point of ombud_micro_bench: libsodium must be initialised before any benchmark runs.
#include <benchmark/benchmark.h>

#include "crypto/secret.hpp"

int main(int argc, char** argv) {
  if (!ombud::crypto::init()) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
