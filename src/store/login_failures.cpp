// src/store/login_failures.cpp
#include "store/login_failures.hpp"

#include "store/database.hpp"

namespace ombud::store {

namespace {
const char* scope_name(ThrottleScope s) {
  return s == ThrottleScope::kAccount ? "account" : "address";
}
}  // namespace

Result<FailureWindow> login_failures_since(soci::session& sql, ThrottleScope scope, const std::string& subject,
                                           UnixSeconds since) {
  return guarded("throttle.count", [&]() -> Result<FailureWindow> {
    FailureWindow w;
    long long oldest = 0;
    soci::indicator ind = soci::i_null;
    std::string sc = scope_name(scope);
    long long s = since;
    sql << "SELECT COUNT(*), MIN(at) FROM login_failures WHERE scope = :sc AND subject = :su AND at >= :s",
        soci::use(sc), soci::use(subject), soci::use(s), soci::into(w.count), soci::into(oldest, ind);
    w.oldest = ind == soci::i_ok ? oldest : 0;
    return w;
  });
}

Status record_login_failure(soci::session& sql, ThrottleScope scope, const std::string& subject, UnixSeconds at) {
  return guarded("throttle.record", [&]() -> Status {
    std::string sc = scope_name(scope);
    long long t = at;
    sql << "INSERT INTO login_failures(scope, subject, at) VALUES(:sc, :su, :t)", soci::use(sc), soci::use(subject),
        soci::use(t);
    return {};
  });
}

Status clear_login_failures(soci::session& sql, ThrottleScope scope, const std::string& subject) {
  return guarded("throttle.clear", [&]() -> Status {
    std::string sc = scope_name(scope);
    sql << "DELETE FROM login_failures WHERE scope = :sc AND subject = :su", soci::use(sc), soci::use(subject);
    return {};
  });
}

Status purge_login_failures(soci::session& sql, UnixSeconds before) {
  return guarded("throttle.purge", [&]() -> Status {
    long long t = before;
    sql << "DELETE FROM login_failures WHERE at < :t", soci::use(t);
    return {};
  });
}

}  // namespace ombud::store
