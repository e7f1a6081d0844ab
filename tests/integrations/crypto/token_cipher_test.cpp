#include <officer/integrations/crypto/token_cipher.hpp>

#include <string>
#include <variant>

#include <doctest/doctest.h>

#include <officer/integrations/crypto/base64.hpp>

namespace {

namespace crypto = officer::integrations::crypto;

constexpr std::string_view kToken = "ya29.a0AfH6SMB-secret-access-token";

crypto::SecretKey KeyFrom(char digit) {
  return *crypto::SecretKey::FromHex(std::string(64, digit));
}

std::string PlaintextOf(const crypto::Decrypted& decrypted) {
  REQUIRE(std::holds_alternative<std::string>(decrypted));
  return std::get<std::string>(decrypted);
}

crypto::DecryptError ErrorOf(const crypto::Decrypted& decrypted) {
  REQUIRE(std::holds_alternative<crypto::DecryptError>(decrypted));
  return std::get<crypto::DecryptError>(decrypted);
}

}  // namespace

TEST_SUITE("crypto") {
  TEST_CASE("a token encrypted and decrypted comes back unchanged, and the blob does not show it") {
    const crypto::TokenCipher cipher(KeyFrom('a'));
    SUBCASE("with associated data") {
      const auto blob = cipher.Encrypt(kToken, "ws|U1|google|access");
      CHECK(blob.find(kToken) == std::string::npos);
      CHECK(PlaintextOf(cipher.Decrypt(blob, "ws|U1|google|access")) == kToken);
    }
    SUBCASE("empty plaintext") { CHECK(PlaintextOf(cipher.Decrypt(cipher.Encrypt(""))).empty()); }
  }

  TEST_CASE("the blob names its version, key id, a 12-byte nonce and ciphertext plus tag") {
    const crypto::TokenCipher cipher(KeyFrom('a'));
    const auto blob = cipher.Encrypt(kToken);
    CHECK(blob.rfind("v1:" + cipher.CurrentKeyId() + ":", 0) == 0);
    CHECK(cipher.CurrentKeyId().size() == 8);
    CHECK(crypto::TokenCipher::KeyIdOf(blob) == cipher.CurrentKeyId());
    const auto nonce_start = blob.find(':', 3) + 1;
    const auto nonce_end = blob.find(':', nonce_start);
    CHECK(crypto::Base64Decode(blob.substr(nonce_start, nonce_end - nonce_start))->size() == 12);
    CHECK(crypto::Base64Decode(blob.substr(nonce_end + 1))->size() == kToken.size() + 16);
  }

  TEST_CASE("the key id is the first 8 hex digits of SHA-256 of the key") {
    // SHA-256 of 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
    CHECK(crypto::SecretKey::FromHex(std::string(64, '0'))->Id() == "66687aad");
  }

  TEST_CASE("two encryptions of the same token differ, because each uses a fresh nonce") {
    const crypto::TokenCipher cipher(KeyFrom('a'));
    const auto first = cipher.Encrypt(kToken);
    const auto second = cipher.Encrypt(kToken);
    CHECK(first != second);
    CHECK(first.substr(0, first.rfind(':')) != second.substr(0, second.rfind(':')));
  }

  TEST_CASE("a changed blob is detected as tampered and yields no plaintext") {
    const crypto::TokenCipher cipher(KeyFrom('a'));
    auto blob = cipher.Encrypt(kToken, "row");
    SUBCASE("a flipped ciphertext character") {
      auto& c = blob[blob.size() - 5];
      c = c == 'A' ? 'B' : 'A';
      CHECK(ErrorOf(cipher.Decrypt(blob, "row")) == crypto::DecryptError::kTampered);
    }
    SUBCASE("a different nonce") {
      const auto nonce_start = blob.find(':', 3) + 1;
      const auto fresh = crypto::Base64Encode(std::string(12, 'x'));
      blob.replace(nonce_start, fresh.size(), fresh);
      CHECK(ErrorOf(cipher.Decrypt(blob, "row")) == crypto::DecryptError::kTampered);
    }
    SUBCASE("other associated data: the blob was moved to another row") {
      CHECK(ErrorOf(cipher.Decrypt(blob, "other row")) == crypto::DecryptError::kTampered);
    }
    SUBCASE("truncated or garbled") {
      CHECK(ErrorOf(cipher.Decrypt(blob.substr(0, 20), "row")) == crypto::DecryptError::kMalformed);
      CHECK(ErrorOf(cipher.Decrypt("v2" + blob.substr(2), "row")) ==
            crypto::DecryptError::kMalformed);
      CHECK(ErrorOf(cipher.Decrypt("", "row")) == crypto::DecryptError::kMalformed);
    }
  }

  TEST_CASE("a blob written under a key the cipher does not hold is refused") {
    const crypto::TokenCipher writer(KeyFrom('a'));
    const crypto::TokenCipher reader(KeyFrom('b'));
    const auto blob = writer.Encrypt(kToken);
    CHECK(ErrorOf(reader.Decrypt(blob)) == crypto::DecryptError::kUnknownKey);
    SUBCASE("even when the blob claims the reader's key id") {
      auto forged = blob;
      forged.replace(3, 8, reader.CurrentKeyId());
      CHECK(ErrorOf(reader.Decrypt(forged)) == crypto::DecryptError::kTampered);
    }
  }

  TEST_CASE(
      "after a key rotation old blobs decrypt with the previous key and new ones use the new") {
    const crypto::TokenCipher old_cipher(KeyFrom('a'));
    const auto old_blob = old_cipher.Encrypt(kToken);
    const crypto::TokenCipher rotated(KeyFrom('b'), {KeyFrom('c'), KeyFrom('a')});
    CHECK(PlaintextOf(rotated.Decrypt(old_blob)) == kToken);
    const auto new_blob = rotated.Encrypt(kToken);
    CHECK(crypto::TokenCipher::KeyIdOf(new_blob) == KeyFrom('b').Id());
    CHECK(ErrorOf(old_cipher.Decrypt(new_blob)) == crypto::DecryptError::kUnknownKey);
  }

  TEST_CASE("a secret key is read from exactly 64 hex digits") {
    CHECK(crypto::SecretKey::FromHex(std::string(64, 'F')).has_value());
    CHECK_FALSE(crypto::SecretKey::FromHex(std::string(63, 'f')).has_value());
    CHECK_FALSE(crypto::SecretKey::FromHex(std::string(64, 'g')).has_value());
    CHECK(crypto::SecretKey::Generate().Id() != crypto::SecretKey::Generate().Id());
    CHECK(KeyFrom('a').Derive("state").Id() != KeyFrom('a').Id());
  }
}
