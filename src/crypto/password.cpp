// src/crypto/password.cpp
#include "crypto/password.hpp"

#include <sodium.h>

#include <algorithm>

#include "crypto/secret.hpp"

namespace ombud::crypto {

namespace {
class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<64>& s) : s_(s) { s_.acquire(); }
  ~SlotGuard() { s_.release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  std::counting_semaphore<64>& s_;
};
}  // namespace

PasswordHasher::PasswordHasher(int max_concurrent, HashStrength strength) : slots_(std::clamp(max_concurrent, 1, 64)) {
  init();
  if (strength == HashStrength::kInteractive) {
    opslimit_ = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    memlimit_ = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  } else {
    opslimit_ = crypto_pwhash_OPSLIMIT_MIN;
    memlimit_ = crypto_pwhash_MEMLIMIT_MIN;
  }
  auto dummy = hash(random_token(16));
  dummy_hash_ = dummy ? *dummy : std::string();
}

Result<std::string> PasswordHasher::hash(std::string_view password) {
  SlotGuard guard(slots_);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), opslimit_, memlimit_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(Error::internal("password hashing ran out of memory"));
  }
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view stored, std::string_view password) {
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  std::string s(stored);  // crypto_pwhash_str_verify needs a terminated string.
  SlotGuard guard(slots_);
  return crypto_pwhash_str_verify(s.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_dummy(std::string_view password) {
  (void)verify(dummy_hash_, password);
}

bool PasswordHasher::needs_rehash(std::string_view stored) const {
  std::string s(stored);
  return crypto_pwhash_str_needs_rehash(s.c_str(), opslimit_, memlimit_) != 0;
}

}  // namespace ombud::crypto
