#include <officer/integrations/oauth/pkce.hpp>

#include <algorithm>

#include <officer/integrations/crypto/base64.hpp>
#include <officer/integrations/crypto/primitives.hpp>

namespace officer::integrations::oauth {

namespace {

constexpr std::string_view kUnreserved =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

}  // namespace

std::string Pkce::NewVerifier(std::size_t length) {
  length = std::clamp(length, kMinLength, kMaxLength);
  // Rejection sampling keeps every character equally likely: 66 * 3 = 198 < 256.
  constexpr unsigned kLimit = kUnreserved.size() * 3;
  std::string verifier;
  verifier.reserve(length);
  while (verifier.size() < length) {
    for (char c : crypto::RandomBytes(length)) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= kLimit) continue;
      verifier += kUnreserved[byte % kUnreserved.size()];
      if (verifier.size() == length) break;
    }
  }
  return verifier;
}

bool Pkce::IsValidVerifier(std::string_view verifier) {
  return verifier.size() >= kMinLength && verifier.size() <= kMaxLength &&
         verifier.find_first_not_of(kUnreserved) == std::string_view::npos;
}

std::string Pkce::ChallengeS256(std::string_view verifier) {
  return crypto::Base64UrlEncode(crypto::Sha256(verifier));
}

}  // namespace officer::integrations::oauth
