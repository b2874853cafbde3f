// src/store/calendar_feeds.hpp
//
// The calendar_feeds table: at most one calendar feed per user, known by the hash of its token.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ombud::store {

/// Sets the user's feed to the token with this hash; a feed they had before stops working.
Status replace_calendar_feed(soci::session& sql, long long user_id, const std::string& token_hash, UnixSeconds now);
Status delete_calendar_feed(soci::session& sql, long long user_id);
/// When the user's feed was made, if they have one.
Result<std::optional<UnixSeconds>> calendar_feed_made(soci::session& sql, long long user_id);
/// The user whose feed has a token with this hash.
Result<std::optional<long long>> calendar_feed_user(soci::session& sql, const std::string& token_hash);

}  // namespace ombud::store
