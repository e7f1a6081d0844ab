#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace officer::integrations::crypto {

/// A 32-byte AES-256 key (OFFICER_SECRET_KEY). Copyable; wiped on destruction. It has no stream
/// or format operator, so it cannot end up in a log line by accident.
class SecretKey {
 public:
  static constexpr std::size_t kSize = 32;

  /// From 64 hex digits (either case); nullopt for anything else.
  static std::optional<SecretKey> FromHex(std::string_view hex);
  /// From exactly 32 raw bytes; nullopt for another length.
  static std::optional<SecretKey> FromBytes(std::string_view bytes);
  /// A fresh random key (local mode generates one; tests use them).
  static SecretKey Generate();

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

  /// The raw key; do not copy it anywhere that outlives this object.
  std::string_view Bytes() const;
  /// A short public name for the key: the first 8 hex digits of SHA-256(key). Safe to store and
  /// log; it reveals nothing useful about the key.
  const std::string& Id() const { return id_; }
  /// A key for another purpose derived from this one: HMAC-SHA256(key, purpose), so one
  /// OFFICER_SECRET_KEY can serve encryption and signing without reusing key material.
  SecretKey Derive(std::string_view purpose) const;

 private:
  SecretKey() = default;
  void ComputeId();

  std::array<unsigned char, kSize> bytes_{};
  std::string id_;
};

}  // namespace officer::integrations::crypto
