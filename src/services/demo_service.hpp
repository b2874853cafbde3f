// src/services/demo_service.hpp
//
// The demo operation: three member municipalities, two ombud, a samordnare, a ledningsgrupp
// member and an admin — all clearly fictitious.
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

struct DemoResult {
  long long operation_id = 0;
  std::vector<DemoLogin> logins;
};

/// Creates the demo operation and its users, all with `password`.
Result<DemoResult> create_demo(const Services& s, const AuditSubject& who, const std::string& password);

}  // namespace ombud::services
