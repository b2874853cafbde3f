// src/store/calendar_feeds.cpp
#include "store/calendar_feeds.hpp"

#include "store/database.hpp"

namespace ombud::store {

Status replace_calendar_feed(soci::session& sql, long long user_id, const std::string& token_hash, UnixSeconds now) {
  return guarded("calendar_feeds.replace", [&]() -> Status {
    sql << "DELETE FROM calendar_feeds WHERE user_id = :u", soci::use(user_id);
    sql << "INSERT INTO calendar_feeds(user_id, token_hash, created_at) VALUES(:u, :h, :t)", soci::use(user_id),
        soci::use(token_hash), soci::use(now);
    return {};
  });
}

Status delete_calendar_feed(soci::session& sql, long long user_id) {
  return guarded("calendar_feeds.delete", [&]() -> Status {
    sql << "DELETE FROM calendar_feeds WHERE user_id = :u", soci::use(user_id);
    return {};
  });
}

Result<std::optional<UnixSeconds>> calendar_feed_made(soci::session& sql, long long user_id) {
  return guarded("calendar_feeds.made", [&]() -> Result<std::optional<UnixSeconds>> {
    UnixSeconds made = 0;
    sql << "SELECT created_at FROM calendar_feeds WHERE user_id = :u", soci::use(user_id), soci::into(made);
    if (!sql.got_data()) return std::optional<UnixSeconds>();
    return std::optional<UnixSeconds>(made);
  });
}

Result<std::optional<long long>> calendar_feed_user(soci::session& sql, const std::string& token_hash) {
  return guarded("calendar_feeds.user", [&]() -> Result<std::optional<long long>> {
    long long user = 0;
    sql << "SELECT user_id FROM calendar_feeds WHERE token_hash = :h", soci::use(token_hash), soci::into(user);
    if (!sql.got_data()) return std::optional<long long>();
    return std::optional<long long>(user);
  });
}

}  // namespace ombud::store
