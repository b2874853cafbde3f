// src/services/auth_service.hpp
//
// Login, sessions and logout. Sessions live in the database (any instance can serve any request);
// the cookie carries a random 256-bit token of which only a hash is stored.
#pragma once

#include <optional>
#include <string>

#include "services/context.hpp"

namespace ombud::services {

struct LoginRequest {
  std::string username;
  std::string password;
  std::string address;                   // client address, for throttling and the audit log
  std::optional<std::string> old_token;  // the session cookie sent with the login, if any
};

struct LoginResult {
  std::string token;  // for the cookie; never stored
  Actor actor;
};

/// Checks credentials with throttling per account and per address. Unknown user and wrong password
/// give the same error and take the same time. A previous session sent along is ended, so the
/// session id is always new after login.
Result<LoginResult> login(const Services& s, const LoginRequest& request);

/// The actor behind a session token; kUnauthenticated ("session.expired") when the session is
/// missing, idle too long, past its absolute limit, or its user is disabled.
Result<Actor> authenticate(const Services& s, const std::string& token, const std::string& address);

Status logout(const Services& s, const Actor& actor);

/// The user replaces their password, giving the current one (a one-time password, or their own).
/// The new one must pass the policy and differ from the current one. Every other session of the
/// user ends; a wrong current password counts as a failed login (throttled the same way).
Status change_own_password(const Services& s, const Actor& actor, const std::string& current,
                           const std::string& new_password);

/// Removes expired sessions and old throttling rows; safe to run on every instance.
Status purge_expired(const Services& s);

}  // namespace ombud::services
