// src/crypto/aead.cpp
#include "crypto/aead.hpp"

#include <sodium.h>

namespace ombud::crypto {

namespace {
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// Length-prefixes each part so that no two different tuples encode alike.
void append_part(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += ':';
  out += part;
  out += '|';
}
}  // namespace

std::string FieldAd::encode() const {
  std::string out = "ombud-field-v1|";
  append_part(out, table);
  append_part(out, column);
  append_part(out, row_id);
  append_part(out, client_id);
  append_part(out, std::to_string(key_version));
  return out;
}

std::string seal(KeyView key, std::string_view plaintext, std::string_view ad) {
  init();
  std::string buf(kNonce + plaintext.size() + kTag, '\0');
  auto* out = reinterpret_cast<unsigned char*>(buf.data());
  randombytes_buf(out, kNonce);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonce, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, out, key.data());
  return to_base64(buf);
}

Result<std::string> open(KeyView key, std::string_view sealed, std::string_view ad) {
  auto raw = from_base64_public(sealed);  // a ciphertext: its decoding need not be constant-time
  if (!raw || raw->size() < kNonce + kTag) return fail(Error::internal("sealed value malformed"));
  const auto* in = reinterpret_cast<const unsigned char*>(raw->data());
  std::string plain(raw->size() - kNonce - kTag, '\0');
  unsigned long long plen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr, in + kNonce, raw->size() - kNonce,
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), in, key.data()) != 0) {
    return fail(Error::internal("sealed value failed authentication"));
  }
  plain.resize(plen);
  return plain;
}

}  // namespace ombud::crypto
