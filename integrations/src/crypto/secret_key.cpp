#include <officer/integrations/crypto/secret_key.hpp>

#include <algorithm>

#include <openssl/crypto.h>

#include <officer/integrations/crypto/primitives.hpp>

namespace officer::integrations::crypto {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<SecretKey> SecretKey::FromHex(std::string_view hex) {
  if (hex.size() != kSize * 2) return std::nullopt;
  SecretKey key;
  for (std::size_t i = 0; i < kSize; ++i) {
    const int high = HexValue(hex[2 * i]);
    const int low = HexValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    key.bytes_[i] = static_cast<unsigned char>(high * 16 + low);
  }
  key.ComputeId();
  return key;
}

std::optional<SecretKey> SecretKey::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSize) return std::nullopt;
  SecretKey key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  key.ComputeId();
  return key;
}

SecretKey SecretKey::Generate() {
  std::string random = RandomBytes(kSize);
  auto key = *FromBytes(random);
  OPENSSL_cleanse(random.data(), random.size());
  return key;
}

SecretKey::~SecretKey() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

std::string_view SecretKey::Bytes() const {
  return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
}

SecretKey SecretKey::Derive(std::string_view purpose) const {
  std::string derived = HmacSha256(Bytes(), purpose);
  auto key = *FromBytes(derived);
  OPENSSL_cleanse(derived.data(), derived.size());
  return key;
}

void SecretKey::ComputeId() { id_ = HexEncode(Sha256(Bytes())).substr(0, 8); }

}  // namespace officer::integrations::crypto
