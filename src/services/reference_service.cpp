// src/services/reference_service.cpp
#include "services/reference_service.hpp"

#include <map>

#include "services/internal/case_core.hpp"
#include "store/municipalities.hpp"
#include "store/users.hpp"

namespace ombud::services {

using namespace internal;  // NOLINT(google-build-using-namespace): the case core

Date today(const Services& s) {
  return local_date(s.clock.now());
}

Result<std::map<long long, std::string>> staff_names(const Services& s, const Actor& actor) {
  auto conn = s.db.acquire();
  std::map<long long, std::string> out;
  for (const auto& u : OMBUD_TRY(store::list_users(conn.sql(), actor.operation_id)))
    out[u.id] = u.display_name;
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> municipalities(const Services& s, long long operation_id) {
  auto conn = s.db.acquire();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : OMBUD_TRY(store::list_municipalities(conn.sql(), operation_id)))
    out.emplace_back(m.code, m.name);
  return out;
}

Result<std::vector<std::pair<long long, std::string>>> ombud_choices(const Services& s, const Actor& actor) {
  auto conn = s.db.acquire();
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& u : OMBUD_TRY(operation_ombud(conn.sql(), actor.operation_id)))
    out.emplace_back(u.id, u.display_name);
  return out;
}

}  // namespace ombud::services
