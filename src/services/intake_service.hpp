// src/services/intake_service.hpp
//
// From first contact to the assessment (domain.md (c)): recording a contact, counting an inquiry
// about someone under 18, the person's own wish and the target-group assessment.
#pragma once

#include <string>

#include "services/client_service.hpp"

namespace ombud::services {

struct NewContact {
  std::string contact_date;  // YYYY-MM-DD; "" means today
  std::string channel;
  std::string contact_by;
  std::string alias;
  std::string reach;
  std::string municipality;  // kommunkod of a member municipality, or "0000" for another
  std::string birth_year;
  std::string gender;
  bool own_wish = false;         // when someone else made contact: the person asked for it
  bool confirmed_adult = false;  // in the year the person turns 18: the birthday has passed
};

struct Under18Inquiry {
  std::string channel;
  std::string contact_by;
  std::string municipality;  // optional
};

struct OwnWishInput {
  int version = 0;
  std::string date;
  std::string how;          // domain::kOwnWishWays: by phone, in person, in writing
  std::string received_by;  // the user id of whoever the person told; "" means the one recording it
};

struct AssessmentInput {
  int version = 0;
  std::string date;
  std::string outcome;  // "malgrupp", "nej", "akut"
  std::string reason;   // a decline reason code when "nej"
  // "ja" / "nej" / "" for each criterion.
  std::string significant_disability;
  std::string complex_needs;
  std::string own_will;
  std::string no_substance_abuse;
};

Result<ClientView> record_contact(const Services& s, const Actor& actor, const NewContact& input);

/// Counts an inquiry about someone under 18: a statistics event only, no case, no personal data.
Status count_under_18_inquiry(const Services& s, const Actor& actor, const Under18Inquiry& input);

Result<ClientView> confirm_own_wish(const Services& s, const Actor& actor, const std::string& client_id,
                                    const OwnWishInput& input);

Result<ClientView> assess(const Services& s, const Actor& actor, const std::string& client_id,
                          const AssessmentInput& input);

}  // namespace ombud::services
