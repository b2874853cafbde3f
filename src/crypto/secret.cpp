// src/crypto/secret.cpp
#include "crypto/secret.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace ombud::crypto {

bool init() {
  static const bool kOk = sodium_init() >= 0;
  return kOk;
}

void disable_core_dumps() {
  rlimit none{0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

Secret::Secret() {
  init();
  data_ = static_cast<unsigned char*>(sodium_malloc(kSize));
  if (data_ == nullptr) throw std::bad_alloc();
  sodium_memzero(data_, kSize);
}

Secret::~Secret() {
  if (data_ != nullptr) sodium_free(data_);
}

Secret::Secret(Secret&& other) noexcept : data_(other.data_) {
  other.data_ = nullptr;
}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = other.data_;
    other.data_ = nullptr;
  }
  return *this;
}

Secret Secret::random() {
  Secret s;
  randombytes_buf(s.data_, kSize);
  return s;
}

Result<Secret> Secret::from_bytes(std::span<const unsigned char> bytes) {
  if (bytes.size() != kSize) return fail(Error::internal("secret of wrong length"));
  Secret s;
  std::memcpy(s.data_, bytes.data(), kSize);
  return s;
}

DataKey::DataKey(KeyView bytes) {
  std::memcpy(bytes_, bytes.data(), kSize);
}

DataKey::~DataKey() {
  sodium_memzero(bytes_, kSize);
}

DataKey& DataKey::operator=(const DataKey& other) {
  if (this != &other) std::memcpy(bytes_, other.bytes_, kSize);
  return *this;
}

DataKey DataKey::random() {
  init();
  DataKey k;
  randombytes_buf(k.bytes_, kSize);
  return k;
}

std::string random_bytes(std::size_t n) {
  init();
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string random_token(std::size_t bytes) {
  std::string raw = random_bytes(bytes);
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string one_time_password() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  constexpr std::uint32_t kSize = sizeof(kAlphabet) - 1;
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kAlphabet[randombytes_uniform(kSize)];
  }
  return out;
}

std::string random_id() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string raw = random_bytes(16);
  std::string out;
  out.reserve(26);
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : raw) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31U]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31U]);
  return out;
}

bool is_random_id(std::string_view s) {
  return s.size() == 26 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'); });
}

std::string hash_hex(std::string_view data) {
  init();
  unsigned char h[crypto_generichash_BYTES];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  char hex[sizeof h * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return std::string(hex, sizeof h * 2);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string to_base64(std::string_view bytes) {
  init();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> from_base64(std::string_view text) {
  init();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return fail(Error::internal("malformed base64"));
  }
  out.resize(len);
  return out;
}

Result<std::string> from_base64_public(std::string_view text) {
  // 0–63 for the alphabet's characters, 64 for anything else.
  static constexpr auto kValue = [] {
    std::array<unsigned char, 256> t{};
    t.fill(64);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (unsigned char i = 0; i < 64; ++i)
      t[static_cast<unsigned char>(alphabet[i])] = i;
    return t;
  }();
  if (text.size() % 4 != 0) return fail(Error::internal("malformed base64"));
  std::size_t pad = 0;
  if (!text.empty() && text.back() == '=') pad = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    unsigned v[4];
    for (std::size_t k = 0; k < 4; ++k) {
      const bool padded = last && k >= 4 - pad;
      v[k] = padded ? 0 : kValue[static_cast<unsigned char>(text[i + k])];
      if (padded ? text[i + k] != '=' : v[k] == 64) return fail(Error::internal("malformed base64"));
    }
    const unsigned n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    out += static_cast<char>((n >> 16) & 0xFF);
    if (!last || pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
    if (!last || pad < 1) out += static_cast<char>(n & 0xFF);
    // The bits a padded group leaves over must be zero, as to_base64() writes them.
    if (last && ((pad == 1 && (n & 0xFF) != 0) || (pad == 2 && (n & 0xFFFF) != 0))) {
      return fail(Error::internal("malformed base64"));
    }
  }
  return out;
}

}  // namespace ombud::crypto
