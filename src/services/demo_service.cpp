// src/services/demo_service.cpp
#include "services/demo_service.hpp"

#include "services/admin_service.hpp"
#include "services/user_service.hpp"

namespace ombud::services {

Result<DemoResult> create_demo(const Services& s, const AuditSubject& who, const std::string& password) {
  OMBUD_CHECK(check_password_policy(password, ""));
  OperationSpec spec;
  spec.name = "PO Norra Kalmar län (demo)";
  spec.municipalities = {{"0882", "Oskarshamn"}, {"0861", "Mönsterås"}, {"0821", "Högsby"}};
  DemoResult result;
  result.operation_id = OMBUD_TRY(create_operation(s, who, spec));
  const std::vector<DemoLogin> people = {
      {"ombud1", "ombud", "Ada Exempelsson"},
      {"ombud2", "ombud", "Bo Påhittsson"},
      {"samordnare", "samordnare", "Cecilia Testberg"},
      {"ledning", "ledningsgrupp", "David Provlund"},
      {"admin", "admin", "Eva Demodotter"},
  };
  for (const auto& p : people) {
    OMBUD_TRY(add_user(s, who, NewUser{result.operation_id, p.username, p.display_name, p.role, password}));
    result.logins.push_back(p);
  }
  return result;
}

}  // namespace ombud::services
