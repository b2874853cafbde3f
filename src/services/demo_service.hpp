// src/services/demo_service.hpp
//
// The demo operation: three member municipalities, ombud, a samordnare, a ledningsgrupp member and
// an admin, and clients at every stage of the lifecycle — all clearly fictitious. The clients are
// made through the same use cases as real work (so statistics and audit entries are real too),
// with dates spread over the past year.
#pragma once

#include <string>
#include <vector>

#include "services/context.hpp"

namespace ombud::services {

struct DemoLogin {
  std::string username;
  std::string role;
  std::string display_name;
};

struct DemoOptions {
  int ombud = 2;     // ombud1 … ombudN
  int clients = 16;  // spread over the stages
  // A work history for ombud1's first active client, for benchmarks: this many contact-log
  // entries over two years, a tenth as many goals (each with three steps; at most 20) and 30 per
  // 200 entries in the network map (at most 30). 0: none.
  int history = 0;
};

struct DemoResult {
  long long operation_id = 0;
  std::vector<DemoLogin> logins;
  int clients = 0;
  std::string history_client;  // the client given the history, if any
};

/// Creates the demo operation, its users (all with `password`) and its clients.
Result<DemoResult> create_demo(const Services& s, const AuditSubject& who, const std::string& password,
                               const DemoOptions& options = {});

}  // namespace ombud::services
