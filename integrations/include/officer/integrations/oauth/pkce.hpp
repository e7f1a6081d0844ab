#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace officer::integrations::oauth {

/// RFC 7636 proof key for code exchange, S256 method only.
class Pkce {
 public:
  static constexpr std::size_t kMinLength = 43;
  static constexpr std::size_t kMaxLength = 128;

  /// A random code_verifier of `length` characters (clamped to 43..128) from the unreserved
  /// alphabet A-Z a-z 0-9 - . _ ~.
  static std::string NewVerifier(std::size_t length = 64);
  /// True for 43..128 unreserved characters.
  static bool IsValidVerifier(std::string_view verifier);
  /// code_challenge for method S256: base64url, no padding, of SHA-256(verifier).
  static std::string ChallengeS256(std::string_view verifier);
};

}  // namespace officer::integrations::oauth
