// tests/unit/crypto_test.cpp
#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "crypto/aead.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/keyring.hpp"
#include "crypto/password.hpp"
#include "crypto/secret.hpp"
#include "support/test_env.hpp"

namespace ombud::crypto {
namespace {

FieldAd ad_for(std::string_view row, std::string_view client = "client-a") {
  return FieldAd{"clients", "alias", row, client, 1};
}

TEST(Aead, RoundTripKeepsTheValue) {
  Secret key = Secret::random();
  std::string plain = "Anna Andersson, tfn 070-123 45 67 — åäö";
  std::string sealed = seal_field(key, plain, ad_for("r1"));
  auto opened = open_field(key, sealed, ad_for("r1"));
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, plain);
  EXPECT_EQ(sealed.find("Anna"), std::string::npos);
}

TEST(Aead, SealingTwiceGivesDifferentCiphertexts) {
  Secret key = Secret::random();
  EXPECT_NE(seal_field(key, "x", ad_for("r1")), seal_field(key, "x", ad_for("r1")));
}

TEST(Aead, WrongKeyFailsCleanly) {
  Secret key = Secret::random();
  Secret other = Secret::random();
  std::string sealed = seal_field(key, "hemligt", ad_for("r1"));
  auto opened = open_field(other, sealed, ad_for("r1"));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
  EXPECT_EQ(opened.error().detail.find("hemligt"), std::string::npos);
}

TEST(Aead, TamperedCiphertextFails) {
  Secret key = Secret::random();
  std::string sealed = seal_field(key, "hemligt värde", ad_for("r1"));
  auto raw = *from_base64(sealed);
  raw[raw.size() / 2] = static_cast<char>(raw[raw.size() / 2] ^ 0x01);
  EXPECT_FALSE(open_field(key, to_base64(raw), ad_for("r1")));
  EXPECT_FALSE(open_field(key, sealed.substr(0, sealed.size() - 4), ad_for("r1")));
  EXPECT_FALSE(open_field(key, "inte base64!", ad_for("r1")));
  EXPECT_FALSE(open_field(key, "", ad_for("r1")));
}

TEST(Aead, ValueSwappedToAnotherRowColumnClientOrVersionFails) {
  Secret key = Secret::random();
  std::string sealed = seal_field(key, "hemligt", ad_for("r1"));
  EXPECT_FALSE(open_field(key, sealed, ad_for("r2")));
  EXPECT_FALSE(open_field(key, sealed, ad_for("r1", "client-b")));
  EXPECT_FALSE(open_field(key, sealed, FieldAd{"clients", "reach", "r1", "client-a", 1}));
  EXPECT_FALSE(open_field(key, sealed, FieldAd{"notes", "alias", "r1", "client-a", 1}));
  EXPECT_FALSE(open_field(key, sealed, FieldAd{"clients", "alias", "r1", "client-a", 2}));
  EXPECT_TRUE(open_field(key, sealed, ad_for("r1")));
}

TEST(Aead, AssociatedDataEncodingIsUnambiguous) {
  // "ab" + "c" must not encode like "a" + "bc".
  EXPECT_NE((FieldAd{"ab", "c", "1", "x", 1}.encode()), (FieldAd{"a", "bc", "1", "x", 1}.encode()));
}

TEST(Secret, RandomIdsAreOpaqueAndDistinct) {
  std::string a = random_id();
  std::string b = random_id();
  EXPECT_EQ(a.size(), 26U);
  EXPECT_NE(a, b);
  for (char c : a)
    EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')) << a;
  EXPECT_TRUE(is_random_id(a));
  EXPECT_FALSE(is_random_id(""));
  EXPECT_FALSE(is_random_id(a.substr(1)));
  EXPECT_FALSE(is_random_id(a + "a"));
  EXPECT_FALSE(is_random_id("Vera Vinter och resten 12.."));
  EXPECT_FALSE(is_random_id("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  EXPECT_FALSE(is_random_id("abcdefghijklmnopqrstuvwxy1"));
}

TEST(Secret, ConstantTimeEquality) {
  EXPECT_TRUE(equal_constant_time("abc", "abc"));
  EXPECT_FALSE(equal_constant_time("abc", "abd"));
  EXPECT_FALSE(equal_constant_time("abc", "abcd"));
  EXPECT_FALSE(equal_constant_time("", "a"));
}

class KeyRingTest : public ::testing::Test {
 protected:
  ombud::testing::TempDir dir;
  std::filesystem::path path = dir.path() / "ombud.key";
};

TEST_F(KeyRingTest, CreatedFileIsPrivateAndLoads) {
  ASSERT_TRUE(KeyRing::create_file(path));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  auto ring = KeyRing::load(path);
  ASSERT_TRUE(ring) << ring.error().detail;
  EXPECT_EQ((*ring)->current_version(), 1U);
}

TEST_F(KeyRingTest, RefusesToOverwrite) {
  ASSERT_TRUE(KeyRing::create_file(path));
  EXPECT_FALSE(KeyRing::create_file(path));
}

TEST_F(KeyRingTest, RefusesAFileOthersCanRead) {
  ASSERT_TRUE(KeyRing::create_file(path));
  ::chmod(path.c_str(), 0640);
  auto ring = KeyRing::load(path);
  ASSERT_FALSE(ring);
  EXPECT_NE(ring.error().detail.find("chmod 600"), std::string::npos);
}

TEST_F(KeyRingTest, RefusesAMalformedFile) {
  std::ofstream(path) << "current 1\nkey 1 not-a-key\n";
  ::chmod(path.c_str(), 0600);
  EXPECT_FALSE(KeyRing::load(path));
}

TEST_F(KeyRingTest, WrapUnwrapAndTheWrongOwnerFails) {
  ASSERT_TRUE(KeyRing::create_file(path));
  auto ring = std::move(*KeyRing::load(path));
  Secret dek = Secret::random();
  auto w = ring->wrap(dek, "client_key|abc|1");
  auto back = ring->unwrap(w.kek_version, w.sealed, "client_key|abc|1");
  ASSERT_TRUE(back);
  EXPECT_EQ(std::memcmp(back->view().data(), dek.data(), Secret::kSize), 0);
  EXPECT_FALSE(ring->unwrap(w.kek_version, w.sealed, "client_key|xyz|1"));
}

TEST_F(KeyRingTest, AKeyFromAnotherFileCannotUnwrap) {
  ASSERT_TRUE(KeyRing::create_file(path));
  auto other_path = dir.path() / "other.key";
  ASSERT_TRUE(KeyRing::create_file(other_path));
  auto ring = std::move(*KeyRing::load(path));
  auto other = std::move(*KeyRing::load(other_path));
  auto w = ring->wrap(Secret::random(), "client_key|abc|1");
  EXPECT_FALSE(other->unwrap(w.kek_version, w.sealed, "client_key|abc|1"));
  EXPECT_FALSE(other->verify_check(1, ring->make_check(1)));
  EXPECT_TRUE(ring->verify_check(1, ring->make_check(1)));
}

TEST_F(KeyRingTest, RotationAddsAVersionAndARunningRingPicksItUp) {
  ASSERT_TRUE(KeyRing::create_file(path));
  auto ring = std::move(*KeyRing::load(path));
  auto old = ring->wrap(Secret::random(), "ad");
  auto v = KeyRing::add_version(path);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 2U);
  auto fresh = ring->wrap(Secret::random(), "ad");  // refreshes from the changed file
  EXPECT_EQ(fresh.kek_version, 2U);
  EXPECT_TRUE(ring->unwrap(old.kek_version, old.sealed, "ad"));
  ASSERT_TRUE(KeyRing::retire_versions_except(path, 2));
  ring->refresh();
  EXPECT_FALSE(ring->unwrap(old.kek_version, old.sealed, "ad"));
  EXPECT_TRUE(ring->unwrap(fresh.kek_version, fresh.sealed, "ad"));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
}

TEST(PasswordHasher, VerifiesTheRightPasswordOnly) {
  PasswordHasher h(2, HashStrength::kTestOnly);
  auto hash = h.hash("Korrekt-häst-batteri");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U);
  EXPECT_TRUE(h.verify(*hash, "Korrekt-häst-batteri"));
  EXPECT_FALSE(h.verify(*hash, "Korrekt-häst-batteri "));
  EXPECT_FALSE(h.verify(*hash, ""));
  EXPECT_FALSE(h.verify("garbage", "x"));
  EXPECT_FALSE(h.verify("", "x"));
}

TEST(PasswordHasher, LongPasswordsAreNotTruncated) {
  PasswordHasher h(2, HashStrength::kTestOnly);
  std::string a(128, 'a');
  std::string b = a;
  b.back() = 'b';
  auto hash = h.hash(a);
  ASSERT_TRUE(hash);
  EXPECT_FALSE(h.verify(*hash, b));
}

TEST(PasswordHasher, ProductionStrengthUsesArgon2idInteractiveLimits) {
  PasswordHasher h(1, HashStrength::kInteractive);
  auto hash = h.hash("Korrekt-häst-batteri");
  ASSERT_TRUE(hash);
  EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << *hash;
  EXPECT_FALSE(h.needs_rehash(*hash));
  PasswordHasher weak(1, HashStrength::kTestOnly);
  EXPECT_TRUE(h.needs_rehash(*weak.hash("x")));
}

}  // namespace
}  // namespace ombud::crypto

namespace ombud::crypto {
namespace {

TEST(DataKeyCache, ReturnsAKeyOnlyForTheSameWrappingAndForgetsTheOldest) {
  DataKeyCache cache(2);
  DataKey a = DataKey::random();
  DataKey b = DataKey::random();
  DataKey c = DataKey::random();
  cache.put("client-a", "wrapped-a", a);
  auto got = cache.get("client-a", "wrapped-a");
  ASSERT_TRUE(got);
  EXPECT_EQ(std::memcmp(got->view().data(), a.view().data(), DataKey::kSize), 0);
  EXPECT_FALSE(cache.get("client-a", "wrapped-a-rotated")) << "another wrapping is unwrapped afresh";
  EXPECT_FALSE(cache.get("client-b", "wrapped-a"));
  cache.put("client-b", "wrapped-b", b);
  ASSERT_TRUE(cache.get("client-a", "wrapped-a"));  // a is now the most recent
  cache.put("client-c", "wrapped-c", c);            // evicts b
  EXPECT_FALSE(cache.get("client-b", "wrapped-b"));
  EXPECT_TRUE(cache.get("client-c", "wrapped-c"));
  EXPECT_EQ(cache.size(), 2U);
  cache.erase("client-a");
  EXPECT_FALSE(cache.get("client-a", "wrapped-a"));
  EXPECT_EQ(cache.size(), 1U);
}

TEST(DataKey, CopiesAreEqualAndKeysDiffer) {
  DataKey a = DataKey::random();
  DataKey copy = a;
  EXPECT_EQ(std::memcmp(copy.view().data(), a.view().data(), DataKey::kSize), 0);
  DataKey b = DataKey::random();
  EXPECT_NE(std::memcmp(b.view().data(), a.view().data(), DataKey::kSize), 0);
  std::string sealed = seal_field(a, "hemligt", FieldAd{"t", "c", "r", "x", 1});
  EXPECT_TRUE(open_field(copy, sealed, FieldAd{"t", "c", "r", "x", 1}));
  EXPECT_FALSE(open_field(b, sealed, FieldAd{"t", "c", "r", "x", 1}));
}

// The table decoder for ciphertexts reads exactly what the constant-time one reads, and refuses
// exactly what it refuses.
TEST(Base64, ThePublicDecoderAgreesWithTheConstantTimeOne) {
  for (std::size_t n = 0; n < 100; ++n) {
    const std::string bytes = random_bytes(n);
    const std::string text = to_base64(bytes);
    auto fast = from_base64_public(text);
    ASSERT_TRUE(fast) << n;
    EXPECT_EQ(*fast, bytes) << n;
    EXPECT_EQ(*fast, *from_base64(text)) << n;
  }
  for (const char* bad :
       {"A", "AB", "ABC", "AB=C", "A===", "AAA*", "AA A", "AB==AAAA", "QQ=A", "QR==", "QUF=", "QUJD\n"}) {
    EXPECT_FALSE(from_base64_public(bad)) << bad;
    EXPECT_FALSE(from_base64(bad)) << bad << " (constant-time)";
  }
  EXPECT_EQ(*from_base64_public("QUJD"), "ABC");
  EXPECT_EQ(*from_base64_public("QUI="), "AB");
  EXPECT_EQ(*from_base64_public("QQ=="), "A");
}

}  // namespace
}  // namespace ombud::crypto
