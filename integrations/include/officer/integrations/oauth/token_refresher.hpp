#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <officer/domain/ports/clock.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/token_endpoint.hpp>

namespace spdlog {
class logger;
}

namespace officer::integrations::oauth {

/// Token endpoints by provider name ("google", "microsoft", "zoom").
using TokenEndpoints = std::map<std::string, std::shared_ptr<const TokenEndpoint>, std::less<>>;

/// Called once when a refresh turned a credential to needs_reconnect (after the commit), so the
/// owner can be told with a connect link. Must not throw.
using OnNeedsReconnect = std::function<void(const CredentialKey&)>;

/// Hands out valid access tokens, refreshing by policy: when the stored one expires within
/// kRefreshMargin, or when the provider just refused it (401). Refreshes of one credential are
/// serialised through CredentialStore::Update (row lock), so a rotated refresh token is saved
/// exactly once and concurrent callers reuse the result. Safe from many threads.
class TokenRefresher {
 public:
  static constexpr std::chrono::seconds kRefreshMargin{60};

  TokenRefresher(CredentialStore& store, TokenEndpoints endpoints, const domain::Clock& clock,
                 std::shared_ptr<spdlog::logger> logger = nullptr,
                 OnNeedsReconnect on_needs_reconnect = nullptr);

  /// A usable access token for `key`. `rejected` is an access token the provider has just
  /// answered 401 to: if it is still the stored one it is refreshed whatever its expiry; if
  /// another caller already replaced it, the newer token is returned without a refresh.
  /// Throws ReconnectNeeded when nothing is stored, when the credential is marked
  /// needs_reconnect, when there is no refresh token, or when the refresh answers invalid_grant
  /// (which marks it); TransientError or PermanentError from the endpoint or the database
  /// otherwise, leaving the credential unchanged. PermanentError for a provider with no endpoint.
  std::string AccessToken(const CredentialKey& key, std::string_view rejected = {});

 private:
  bool IsUsable(const Credential& credential, std::string_view rejected) const;

  CredentialStore& store_;
  TokenEndpoints endpoints_;
  const domain::Clock& clock_;
  std::shared_ptr<spdlog::logger> logger_;
  OnNeedsReconnect on_needs_reconnect_;
};

}  // namespace officer::integrations::oauth
