// src/services/orientation_service.hpp
//
// The orientation visit (domain.md (c)): booking it with the configured number of ombud,
// recording it and the client's decision, and the priority groups that place the client in the
// queue.
#pragma once

#include <string>
#include <vector>

#include "services/client_service.hpp"

namespace ombud::services {

struct BookingInput {
  int version = 0;
  std::string date;
  std::string time;  // time of day, "13.30" or "13:30"; optional
  std::string place;
  std::vector<std::string> ombud;  // user ids
  bool trusted_person = false;
};

struct OrientationHeldInput {
  int version = 0;
  std::string held_on;
  std::string decision;  // "ko" (wants an ombud) or "avstar"
  std::vector<std::string> priorities;
};

struct PrioritiesInput {
  int version = 0;
  std::vector<std::string> priorities;
};

Result<ClientView> book_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                    const BookingInput& input);

Result<ClientView> record_orientation(const Services& s, const Actor& actor, const std::string& client_id,
                                      const OrientationHeldInput& input);

Result<ClientView> set_priorities(const Services& s, const Actor& actor, const std::string& client_id,
                                  const PrioritiesInput& input);

}  // namespace ombud::services
