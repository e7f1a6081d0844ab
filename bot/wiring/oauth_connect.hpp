#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <officer/bot/http/dispatcher.hpp>
#include <officer/bot/standup/connect_links.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/oauth_state.hpp>
#include <officer/integrations/oauth/token_endpoint.hpp>

namespace spdlog {
class logger;
}

namespace officer::wiring {

/// One provider people can connect: where to send them and how to exchange the code.
struct OAuthProvider {
  std::string name;           ///< "google", "microsoft", "zoom"
  std::string authorize_url;  ///< e.g. https://accounts.google.com/o/oauth2/v2/auth
  std::string client_id;
  std::string scope;  ///< space-separated; empty sends none (Zoom takes the app's scopes)
  /// Extra authorize parameters (Google: access_type=offline, prompt=consent).
  std::vector<std::pair<std::string, std::string>> extra;
  std::shared_ptr<const integrations::oauth::TokenEndpoint> token_endpoint;
};

/// Connecting a person's Google, Microsoft or Zoom account (authorization code flow with PKCE
/// S256). The link in `/standup connect` carries a signed state bound to the person and the
/// provider, valid 10 minutes; /oauth/{provider}/start checks it and redirects to the provider
/// with redirect_uri {public_url}/oauth/{provider}/callback; the callback checks the state
/// again, exchanges the code with the verifier derived from the state
/// (OAuthState::PkceVerifierFor, so nothing is stored in between and any replica can answer)
/// and saves the tokens encrypted. Codes, tokens and states never reach a log line.
class OAuthConnect final : public bot::standup::ConnectLinks {
 public:
  /// Called after a person connected a provider (e.g. to drop cached free/busy).
  using OnConnected = std::function<void(const integrations::oauth::CredentialKey&)>;

  OAuthConnect(std::string public_url, const integrations::oauth::OAuthState& state,
               integrations::oauth::CredentialStore& credentials, const domain::Clock& clock,
               std::vector<OAuthProvider> providers, std::shared_ptr<spdlog::logger> logger,
               OnConnected on_connected = nullptr);

  std::optional<std::string> LinkFor(const domain::WorkspaceId& workspace,
                                     const domain::UserId& user,
                                     bot::slack::ConnectProvider provider) override;
  /// The same link by provider name; nullopt when it is not configured.
  std::optional<std::string> LinkFor(const domain::WorkspaceId& workspace,
                                     const domain::UserId& user, const std::string& provider);

  /// GET /oauth/{provider}/start and /oauth/{provider}/callback for the three providers.
  void AddRoutes(bot::Dispatcher& dispatcher);

  bot::OutboundResponse Start(const std::string& provider, const bot::InboundRequest& request);
  bot::OutboundResponse Callback(const std::string& provider, const bot::InboundRequest& request);

 private:
  const OAuthProvider* Find(const std::string& name) const;
  std::string RedirectUri(const std::string& provider) const;
  /// The verified claims for a configured provider, or the JSON error to answer (404 for a
  /// provider that is not configured, 400 for a missing, expired or forged state).
  std::variant<integrations::oauth::OAuthStateClaims, bot::OutboundResponse> Verify(
      const std::string& provider, const bot::InboundRequest& request) const;

  std::string public_url_;
  const integrations::oauth::OAuthState& state_;
  integrations::oauth::CredentialStore& credentials_;
  const domain::Clock& clock_;
  std::vector<OAuthProvider> providers_;
  std::shared_ptr<spdlog::logger> logger_;
  OnConnected on_connected_;
};

}  // namespace officer::wiring
