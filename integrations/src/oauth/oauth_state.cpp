#include <officer/integrations/oauth/oauth_state.hpp>

#include <nlohmann/json.hpp>

#include <officer/integrations/crypto/base64.hpp>
#include <officer/integrations/crypto/primitives.hpp>

namespace officer::integrations::oauth {

namespace {

using nlohmann::json;

constexpr std::size_t kNonceBytes = 16;
// Anything longer was not issued here; refusing early bounds the work an attacker can cause.
constexpr std::size_t kMaxStateLength = 2048;

std::string SignatureOf(const crypto::SecretKey& key, std::string_view payload) {
  return crypto::Base64UrlEncode(crypto::HmacSha256(key.Bytes(), payload));
}

}  // namespace

std::string_view StateErrorName(StateError error) {
  switch (error) {
    case StateError::kMalformed:
      return "malformed";
    case StateError::kTampered:
      return "tampered";
    case StateError::kExpired:
      return "expired";
  }
  return "malformed";
}

OAuthState::OAuthState(const crypto::SecretKey& secret_key)
    : signing_key_(secret_key.Derive("officer/oauth-state/v1")),
      pkce_key_(secret_key.Derive("officer/oauth-pkce/v1")) {}

OAuthStateClaims OAuthState::NewClaims(domain::WorkspaceId workspace, domain::UserId user,
                                       std::string provider, date::sys_seconds now) {
  return OAuthStateClaims{std::move(workspace), std::move(user), std::move(provider),
                          crypto::Base64UrlEncode(crypto::RandomBytes(kNonceBytes)),
                          now + kLifetime};
}

std::string OAuthState::Sign(const OAuthStateClaims& claims) const {
  const json body = {{"w", claims.workspace.value()},
                     {"u", claims.user.value()},
                     {"p", claims.provider},
                     {"n", claims.nonce},
                     {"exp", claims.expires_at.time_since_epoch().count()}};
  const std::string payload = crypto::Base64UrlEncode(body.dump());
  return payload + "." + SignatureOf(signing_key_, payload);
}

VerifiedState OAuthState::Verify(std::string_view state, date::sys_seconds now) const {
  const auto dot = state.find('.');
  if (state.size() > kMaxStateLength || dot == std::string_view::npos || dot == 0) {
    return StateError::kMalformed;
  }
  const auto payload = state.substr(0, dot);
  if (!crypto::ConstantTimeEquals(state.substr(dot + 1), SignatureOf(signing_key_, payload))) {
    return StateError::kTampered;
  }
  const auto decoded = crypto::Base64UrlDecode(payload);
  if (!decoded) return StateError::kMalformed;
  const json body = json::parse(*decoded, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return StateError::kMalformed;
  const auto text = [&](const char* key) -> const std::string* {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  const auto exp = body.find("exp");
  if (!text("w") || !text("u") || !text("p") || !text("n") || exp == body.end() ||
      !exp->is_number_integer()) {
    return StateError::kMalformed;
  }
  OAuthStateClaims claims{domain::WorkspaceId(*text("w")), domain::UserId(*text("u")), *text("p"),
                          *text("n"),
                          date::sys_seconds{std::chrono::seconds{exp->get<long long>()}}};
  if (now >= claims.expires_at) return StateError::kExpired;
  return claims;
}

std::string OAuthState::PkceVerifierFor(const OAuthStateClaims& claims) const {
  return crypto::Base64UrlEncode(crypto::HmacSha256(pkce_key_.Bytes(), claims.nonce));
}

}  // namespace officer::integrations::oauth
