// src/services/calendar_feed_service.cpp
#include "services/calendar_feed_service.hpp"

#include "crypto/secret.hpp"
#include "domain/role.hpp"
#include "services/audit_service.hpp"
#include "services/internal/audit.hpp"
#include "store/appointments.hpp"
#include "store/calendar_feeds.hpp"
#include "store/database.hpp"
#include "store/users.hpp"

namespace ombud::services {

namespace {

constexpr UnixSeconds kDay = 86400;

Status check_may_keep_a_calendar(const Actor& actor) {
  if (!domain::role_allows(actor.role, domain::Permission::kRecordWork)) return fail(Error::forbidden());
  return {};
}

}  // namespace

Result<std::string> make_calendar_feed(const Services& s, const Actor& actor) {
  OMBUD_CHECK(check_may_keep_a_calendar(actor));
  const std::string token = crypto::random_token(32);
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  OMBUD_CHECK(store::replace_calendar_feed(tx->sql(), actor.user_id, crypto::hash_hex(token), s.clock.now()));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"create", "calendar_feed", std::nullopt, "", "ok"}));
  OMBUD_CHECK(tx->commit());
  return token;
}

Status revoke_calendar_feed(const Services& s, const Actor& actor) {
  OMBUD_CHECK(check_may_keep_a_calendar(actor));
  auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kWrite));
  OMBUD_CHECK(store::delete_calendar_feed(tx->sql(), actor.user_id));
  OMBUD_CHECK(audit(*tx, s, AuditSubject::of(actor), AuditEvent{"delete", "calendar_feed", std::nullopt, "", "ok"}));
  return tx->commit();
}

Result<std::optional<UnixSeconds>> calendar_feed_made(const Services& s, const Actor& actor) {
  OMBUD_CHECK(check_may_keep_a_calendar(actor));
  auto conn = s.db.acquire();
  return store::calendar_feed_made(conn.sql(), actor.user_id);
}

Result<Feed> calendar_feed(const Services& s, const std::string& token, const std::string& address) {
  Feed feed;
  feed.made_at = s.clock.now();
  std::optional<store::UserRecord> user;
  {
    auto tx = OMBUD_TRY(store::Tx::begin(s.db, store::Tx::Mode::kRead));
    // Only a token of the form random_token() gives is looked up at all.
    if (token.size() == 43) {
      if (auto owner = OMBUD_TRY(store::calendar_feed_user(tx->sql(), crypto::hash_hex(token)))) {
        user = OMBUD_TRY(store::find_user_by_id(tx->sql(), *owner));
      }
    }
    if (!user || user->disabled || !domain::role_allows(user->role, domain::Permission::kRecordWork)) {
      user.reset();
    } else {
      for (const auto& r : OMBUD_TRY(store::list_ombud_appointments(tx->sql(), user->id, feed.made_at - 30 * kDay,
                                                                    feed.made_at + 366 * kDay))) {
        FeedEvent e;
        e.uid = r.feed_uid;
        e.starts_at = r.starts_at;
        e.ends_at = r.starts_at + static_cast<UnixSeconds>(r.minutes) * 60;
        e.place = domain::parse_code(domain::kPlaces, r.place).value_or(domain::Place::kOther);
        e.sequence = r.version - 1;
        feed.events.push_back(e);
      }
    }
  }
  if (!user) {
    (void)audit_now(s, AuditSubject{std::nullopt, "", "", address},
                    AuditEvent{"denied", "calendar_feed", std::nullopt, "unknown_token", "denied"});
    return fail(Error::not_found("calendar.feed_not_found"));
  }
  OMBUD_CHECK(audit_now(s, AuditSubject{user->id, user->username, std::string(domain::role_name(user->role)), address},
                        AuditEvent{"read", "calendar_feed", std::nullopt, std::to_string(feed.events.size()), "ok"}));
  return feed;
}

}  // namespace ombud::services
