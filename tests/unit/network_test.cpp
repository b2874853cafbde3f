// tests/unit/network_test.cpp
//
// The rules of the network map and the consents (domain/network.hpp): contact details only with
// the client's agreement, a consent's dates, and where the consents leave the ombud on a day.
#include "domain/network.hpp"

#include <gtest/gtest.h>

namespace ombud {
namespace {

using domain::Consent;
using domain::ConsentStanding;
using domain::ConsentState;

Date d(const char* text) {
  return *parse_date(text);
}

std::vector<std::string> keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors)
    out.push_back(e.field + ":" + e.message_key);
  return out;
}

Consent consent(const char* from, std::optional<const char*> until = std::nullopt,
                std::optional<const char*> revoked = std::nullopt) {
  Consent c;
  c.scopes = {domain::ConsentScope::kContact};
  c.from = d(from);
  if (until) c.until = d(*until);
  if (revoked) c.revoked_on = d(*revoked);
  return c;
}

TEST(NetworkMap, ContactDetailsAreKeptOnlyWhenTheClientAgrees) {
  domain::NetworkEntry e{domain::NetworkKind::kGodMan, "Gode mannen", "", false, "070-1234567"};
  EXPECT_EQ(keys(domain::validate_network_entry(e)), std::vector<std::string>{"contact:network.contact_not_agreed"});
  e.contact_agreed = true;
  EXPECT_TRUE(domain::validate_network_entry(e).empty());
  e.name = "  ";
  EXPECT_EQ(keys(domain::validate_network_entry(e)), std::vector<std::string>{"name:field.required"});
  e.name = std::string(domain::kMaxNetworkNameLength + 1, 'a');
  EXPECT_EQ(keys(domain::validate_network_entry(e)), std::vector<std::string>{"name:field.too_long"});
}

TEST(NetworkMap, EachKindHasItsPartOfTheMapAndItsStatisticsCategory) {
  EXPECT_EQ(domain::group_of(domain::NetworkKind::kForsakringskassan), domain::NetworkGroup::kAuthority);
  EXPECT_EQ(domain::group_of(domain::NetworkKind::kLandlord), domain::NetworkGroup::kAuthority);
  EXPECT_EQ(domain::group_of(domain::NetworkKind::kForvaltare), domain::NetworkGroup::kProfessional);
  EXPECT_EQ(domain::group_of(domain::NetworkKind::kPrivate), domain::NetworkGroup::kPrivate);
  EXPECT_EQ(domain::counterpart_of(domain::NetworkKind::kForvaltare), domain::Counterpart::kGuardian);
  EXPECT_EQ(domain::counterpart_of(domain::NetworkKind::kContactPerson), domain::Counterpart::kSupportStaff);
  EXPECT_EQ(domain::counterpart_of(domain::NetworkKind::kPrivate), domain::Counterpart::kPrivateNetwork);
}

TEST(Consents, AConsentNeedsAScopeAndAnEndThatFollowsItsStart) {
  const Date today = d("2026-11-23");
  Consent c = consent("2026-11-23", "2027-06-30");
  EXPECT_TRUE(domain::validate_consent(c, today, true).empty());
  c.scopes.clear();
  EXPECT_EQ(keys(domain::validate_consent(c, today, true)), std::vector<std::string>{"scopes:consent.scope_required"});
  Consent backwards = consent("2026-12-01", "2026-11-30");
  EXPECT_EQ(keys(domain::validate_consent(backwards, today, true)),
            std::vector<std::string>{"until:consent.until_before_from"});
  Consent past = consent("2026-01-01", "2026-06-30");
  EXPECT_EQ(keys(domain::validate_consent(past, today, true)), std::vector<std::string>{"until:consent.until_past"});
  EXPECT_TRUE(domain::validate_consent(past, today, false).empty()) << "an old consent can still be corrected";
}

TEST(Consents, AConsentHoldsFromItsFirstToItsLastDayUnlessRevoked) {
  Consent c = consent("2026-11-23", "2026-12-31");
  EXPECT_EQ(domain::consent_state(c, d("2026-11-22")), ConsentState::kNotYetValid);
  EXPECT_EQ(domain::consent_state(c, d("2026-11-23")), ConsentState::kValid);
  EXPECT_EQ(domain::consent_state(c, d("2026-12-31")), ConsentState::kValid) << "the last day counts";
  EXPECT_EQ(domain::consent_state(c, d("2027-01-01")), ConsentState::kExpired);
  c.revoked_on = d("2026-12-01");
  EXPECT_EQ(domain::consent_state(c, d("2026-11-30")), ConsentState::kValid) << "valid before the revocation";
  EXPECT_EQ(domain::consent_state(c, d("2026-12-01")), ConsentState::kRevoked) << "and not from its day";
  EXPECT_EQ(domain::consent_state(consent("2026-01-01"), d("2036-01-01")), ConsentState::kValid) << "open-ended";
}

TEST(Consents, TheStandingIsValidIfAnyConsentHoldsAndOtherwiseSaysWhy) {
  const Date on = d("2027-02-01");
  const Consent expired = consent("2026-01-01", "2026-12-31");
  const Consent revoked = consent("2026-01-01", std::nullopt, "2026-06-01");
  const Consent valid = consent("2027-01-01", "2027-12-31");
  const Consent later = consent("2027-03-01");
  EXPECT_EQ(domain::standing_of({}, on), ConsentStanding::kMissing);
  EXPECT_EQ(domain::standing_of({&expired, &revoked, &valid}, on), ConsentStanding::kValid);
  EXPECT_EQ(domain::standing_of({&revoked, &expired}, on), ConsentStanding::kExpired);
  EXPECT_EQ(domain::standing_of({&revoked}, on), ConsentStanding::kRevoked);
  EXPECT_EQ(domain::standing_of({&revoked, &later}, on), ConsentStanding::kNotYetValid);
}

}  // namespace
}  // namespace ombud
