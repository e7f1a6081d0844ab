#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include <date/date.h>

#include <officer/domain/ids.hpp>
#include <officer/integrations/crypto/secret_key.hpp>

namespace officer::integrations::oauth {

/// What an OAuth `state` binds: who started connecting which provider, until when.
struct OAuthStateClaims {
  domain::WorkspaceId workspace;
  domain::UserId user;
  std::string provider;  ///< "google", "microsoft", "zoom"
  /// Random, base64url; names this flow's PKCE verifier (OAuthState::PkceVerifierFor).
  std::string nonce;
  date::sys_seconds expires_at;

  friend bool operator==(const OAuthStateClaims&, const OAuthStateClaims&) = default;
};

enum class StateError {
  kMalformed,  ///< not a state Officer could have issued
  kTampered,   ///< the signature does not match (changed, or signed under another key)
  kExpired,    ///< signed correctly but past its expiry
};

/// "malformed", "tampered", "expired".
std::string_view StateErrorName(StateError error);

using VerifiedState = std::variant<OAuthStateClaims, StateError>;

/// Signs and checks the OAuth `state` parameter: base64url(JSON claims) "." base64url(HMAC-SHA256)
/// under a key derived from OFFICER_SECRET_KEY for this purpose only. Stateless, so the callback
/// may land on any replica. Time is passed in; nothing here reads a clock. Immutable: safe from
/// any thread.
class OAuthState {
 public:
  static constexpr std::chrono::minutes kLifetime{10};

  explicit OAuthState(const crypto::SecretKey& secret_key);

  /// Claims for a new flow: a fresh random nonce, expiring kLifetime after `now`.
  static OAuthStateClaims NewClaims(domain::WorkspaceId workspace, domain::UserId user,
                                    std::string provider, date::sys_seconds now);

  /// The `state` parameter for these claims (URL-safe as is).
  std::string Sign(const OAuthStateClaims& claims) const;
  /// The claims of a state this object signed, or why not. Expired once `now` reaches
  /// expires_at.
  VerifiedState Verify(std::string_view state, date::sys_seconds now) const;

  /// The PKCE code_verifier of the flow: HMAC of the nonce under a key only Officer holds,
  /// base64url (43 characters). The start page sends its challenge; the callback recomputes it
  /// from the verified state, so nothing has to be stored between the two.
  std::string PkceVerifierFor(const OAuthStateClaims& claims) const;

 private:
  crypto::SecretKey signing_key_;
  crypto::SecretKey pkce_key_;
};

}  // namespace officer::integrations::oauth
