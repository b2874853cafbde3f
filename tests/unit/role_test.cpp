// tests/unit/role_test.cpp
#include "domain/role.hpp"

#include <set>

#include <gtest/gtest.h>

#include "crypto/secret.hpp"
#include "services/user_service.hpp"

namespace ombud {
namespace {

using domain::Permission;
using domain::Role;

TEST(Roles, NamesRoundTrip) {
  for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    EXPECT_EQ(domain::parse_role(domain::role_name(r)), r);
  }
  EXPECT_FALSE(domain::parse_role("root"));
}

TEST(Roles, UndeclaredIsRefusedForEveryone) {
  for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    EXPECT_FALSE(domain::role_allows(r, Permission::kUndeclared));
    EXPECT_TRUE(domain::role_allows(r, Permission::kSignedIn));
  }
}

TEST(Roles, LedningsgruppLansstyrelseAndAdminNeverReachClientData) {
  for (Role r : {Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin}) {
    for (Permission p : {Permission::kViewClient, Permission::kRecordContact, Permission::kAssess,
                         Permission::kBookOrientation, Permission::kViewQueue, Permission::kAssign,
                         Permission::kChangeClientStatus, Permission::kEditClientDetails}) {
      EXPECT_FALSE(domain::role_allows(r, p)) << domain::role_name(r) << " " << domain::permission_name(p);
    }
  }
}

TEST(Roles, OnlyAdminManagesUsers) {
  EXPECT_TRUE(domain::role_allows(Role::kAdmin, Permission::kManageUsers));
  EXPECT_FALSE(domain::role_allows(Role::kSamordnare, Permission::kManageUsers));
  EXPECT_FALSE(domain::role_allows(Role::kOmbud, Permission::kManageUsers));
}

TEST(Roles, AOneTimePasswordOpensOnlyItsReplacementAndLoggingOut) {
  for (Role r : {Role::kOmbud, Role::kSamordnare, Role::kLedningsgrupp, Role::kLansstyrelse, Role::kAdmin})
    EXPECT_TRUE(domain::role_allows(r, Permission::kOwnAccount));
  EXPECT_TRUE(domain::open_while_password_must_change(Permission::kOwnAccount));
  EXPECT_TRUE(domain::open_while_password_must_change(Permission::kPublic));
  for (Permission p : {Permission::kSignedIn, Permission::kManageUsers, Permission::kViewClient,
                       Permission::kRecordContact, Permission::kViewOperationConfig, Permission::kUndeclared}) {
    EXPECT_FALSE(domain::open_while_password_must_change(p)) << domain::permission_name(p);
  }
}

TEST(OneTimePasswords, AreReadableRandomAndPassThePolicy) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string pw = services::make_one_time_password("anna.berg");
    ASSERT_EQ(pw.size(), 19U) << pw;
    EXPECT_EQ(pw.find_first_of("01ilo"), std::string::npos) << "no look-alikes: " << pw;
    EXPECT_TRUE(services::check_password_policy(pw, "anna.berg")) << pw;
    seen.insert(pw);
  }
  EXPECT_EQ(seen.size(), 200U);
}

struct PolicyCase {
  const char* password;
  const char* username;
  const char* expected;  // "" for accepted
};

class PasswordPolicy : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PasswordPolicy, JudgesAsExpected) {
  const auto& c = GetParam();
  auto r = services::check_password_policy(c.password, c.username);
  if (std::string(c.expected).empty()) {
    EXPECT_TRUE(r) << c.password << ": " << r.error().fields.at(0).message_key;
  } else {
    ASSERT_FALSE(r) << c.password;
    EXPECT_EQ(r.error().fields.at(0).message_key, c.expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PasswordPolicy,
                         ::testing::Values(PolicyCase{"kort", "", "password.too_short"},
                                           PolicyCase{"elva tecken", "", "password.too_short"},
                                           PolicyCase{"Blåbärssylt-och-pannkakor", "", ""},
                                           PolicyCase{"ombud1-Blåbärssylt", "ombud1", "password.contains_username"},
                                           PolicyCase{"password1234", "", "password.too_common"},
                                           PolicyCase{"Password1234!", "", "password.too_common"},
                                           PolicyCase{"123456789012", "", "password.too_common"},
                                           PolicyCase{"aaaaaaaaaaaa", "", "password.too_common"},
                                           PolicyCase{"qwertyuiop123", "", "password.too_common"},
                                           PolicyCase{"tolv tecken å", "", ""},
                                           PolicyCase{"ett\x01kontrolltecken", "", "password.invalid_characters"}));

TEST(PasswordPolicyLength, AcceptsExactly128AndRefuses129Characters) {
  std::string base = "Lingonsylt-";
  std::string p128;
  while (p128.size() < 128)
    p128 += base;
  p128.resize(128);
  EXPECT_TRUE(services::check_password_policy(p128, ""));
  EXPECT_FALSE(services::check_password_policy(p128 + "x", ""));
}

}  // namespace
}  // namespace ombud
