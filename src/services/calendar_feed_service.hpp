// src/services/calendar_feed_service.hpp
//
// The ombud's calendar feed (iCalendar) for the phone's calendar. Everything in it is handed to a
// calendar provider, so an event carries a neutral title, its times and the place's category
// only: no name, no client code, no address, and a random event id. The feed is reached by a
// token in its address, kept only as a hash; the ombud can make a new one (the old one stops
// working) or revoke it, and it is dead when the account is disabled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/vocabulary.hpp"
#include "services/context.hpp"

namespace ombud::services {

/// Makes the actor's feed and returns its token, shown once; a feed they had stops working.
Result<std::string> make_calendar_feed(const Services& s, const Actor& actor);
Status revoke_calendar_feed(const Services& s, const Actor& actor);
/// When the actor's feed was made, if they have one.
Result<std::optional<UnixSeconds>> calendar_feed_made(const Services& s, const Actor& actor);

struct FeedEvent {
  std::string uid;  // random, stable for the appointment
  UnixSeconds starts_at = 0;
  UnixSeconds ends_at = 0;
  domain::Place place = domain::Place::kOther;
  int sequence = 0;  // the appointment's edits, so calendars take a change
};
struct Feed {
  UnixSeconds made_at = 0;  // now, for DTSTAMP
  std::vector<FeedEvent> events;
};

/// The feed of the token's owner: their appointments from 30 days back to a year ahead. An
/// unknown or revoked token, or a disabled account, finds nothing ("calendar.feed_not_found");
/// `address` is the caller's, for the audit log.
Result<Feed> calendar_feed(const Services& s, const std::string& token, const std::string& address);

}  // namespace ombud::services
