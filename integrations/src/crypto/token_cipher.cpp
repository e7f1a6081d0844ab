#include <officer/integrations/crypto/token_cipher.hpp>

#include <memory>

#include <openssl/evp.h>

#include <officer/domain/errors.hpp>
#include <officer/integrations/crypto/base64.hpp>
#include <officer/integrations/crypto/primitives.hpp>

namespace officer::integrations::crypto {

namespace {

constexpr std::string_view kVersion = "v1";
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext NewContext() {
  CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!context) throw PermanentError("OpenSSL could not allocate a cipher context");
  return context;
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* Bytes(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

// The version and key id are authenticated with the caller's data; the key id has a fixed
// length, so the concatenation is unambiguous.
std::string AssociatedData(std::string_view key_id, std::string_view associated_data) {
  std::string out(kVersion);
  out += ':';
  out += key_id;
  out += '\0';
  out += associated_data;
  return out;
}

struct Parts {
  std::string_view key_id;
  std::string nonce;
  std::string sealed;  // ciphertext followed by the tag
};

std::optional<Parts> Split(std::string_view blob) {
  const auto first = blob.find(':');
  const auto second = first == std::string_view::npos ? first : blob.find(':', first + 1);
  const auto third = second == std::string_view::npos ? second : blob.find(':', second + 1);
  if (third == std::string_view::npos || blob.substr(0, first) != kVersion) return std::nullopt;
  Parts parts;
  parts.key_id = blob.substr(first + 1, second - first - 1);
  auto nonce = Base64Decode(blob.substr(second + 1, third - second - 1));
  auto sealed = Base64Decode(blob.substr(third + 1));
  if (parts.key_id.empty() || !nonce || nonce->size() != kNonceSize || !sealed ||
      sealed->size() < kTagSize) {
    return std::nullopt;
  }
  parts.nonce = std::move(*nonce);
  parts.sealed = std::move(*sealed);
  return parts;
}

}  // namespace

std::string_view DecryptErrorName(DecryptError error) {
  switch (error) {
    case DecryptError::kMalformed:
      return "malformed";
    case DecryptError::kUnknownKey:
      return "unknown key";
    case DecryptError::kTampered:
      return "tampered";
  }
  return "malformed";
}

TokenCipher::TokenCipher(SecretKey current, std::vector<SecretKey> previous)
    : current_(std::move(current)), previous_(std::move(previous)) {}

std::string TokenCipher::KeyIdOf(std::string_view blob) {
  auto parts = Split(blob);
  return parts ? std::string(parts->key_id) : std::string();
}

const SecretKey* TokenCipher::KeyFor(std::string_view key_id) const {
  if (key_id == current_.Id()) return &current_;
  for (const auto& key : previous_) {
    if (key_id == key.Id()) return &key;
  }
  return nullptr;
}

std::string TokenCipher::Encrypt(std::string_view plaintext,
                                 std::string_view associated_data) const {
  const std::string nonce = RandomBytes(kNonceSize);
  const std::string aad = AssociatedData(current_.Id(), associated_data);
  auto context = NewContext();
  std::string sealed(plaintext.size() + kTagSize, '\0');
  int length = 0;
  int total = 0;
  if (EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
      EVP_EncryptInit_ex(context.get(), nullptr, nullptr, Bytes(current_.Bytes()), Bytes(nonce)) !=
          1 ||
      EVP_EncryptUpdate(context.get(), nullptr, &length, Bytes(aad),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(context.get(), Bytes(sealed), &length, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1) {
    throw PermanentError("AES-256-GCM encryption failed");
  }
  total = length;
  if (EVP_EncryptFinal_ex(context.get(), Bytes(sealed) + total, &length) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                          Bytes(sealed) + plaintext.size()) != 1) {
    throw PermanentError("AES-256-GCM encryption failed");
  }
  std::string blob(kVersion);
  blob += ':';
  blob += current_.Id();
  blob += ':';
  blob += Base64Encode(nonce);
  blob += ':';
  blob += Base64Encode(sealed);
  return blob;
}

Decrypted TokenCipher::Decrypt(std::string_view blob, std::string_view associated_data) const {
  auto parts = Split(blob);
  if (!parts) return DecryptError::kMalformed;
  const SecretKey* key = KeyFor(parts->key_id);
  if (key == nullptr) return DecryptError::kUnknownKey;

  const std::string aad = AssociatedData(parts->key_id, associated_data);
  const std::size_t text_size = parts->sealed.size() - kTagSize;
  std::string tag = parts->sealed.substr(text_size);
  std::string plaintext(text_size, '\0');
  auto context = NewContext();
  int length = 0;
  if (EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
      EVP_DecryptInit_ex(context.get(), nullptr, nullptr, Bytes(key->Bytes()),
                         Bytes(parts->nonce)) != 1 ||
      EVP_DecryptUpdate(context.get(), nullptr, &length, Bytes(aad),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(context.get(), Bytes(plaintext), &length, Bytes(parts->sealed),
                        static_cast<int>(text_size)) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1) {
    return DecryptError::kTampered;
  }
  const int total = length;
  if (EVP_DecryptFinal_ex(context.get(), Bytes(plaintext) + total, &length) != 1) {
    // Unauthenticated output must not escape.
    std::fill(plaintext.begin(), plaintext.end(), '\0');
    return DecryptError::kTampered;
  }
  return plaintext;
}

}  // namespace officer::integrations::crypto
