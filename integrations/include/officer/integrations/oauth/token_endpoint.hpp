#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}

namespace officer::integrations::oauth {

/// How the client authenticates to the token endpoint (RFC 6749 section 2.3.1).
enum class ClientAuth {
  kRequestBody,  ///< client_id and client_secret as form fields (Google, Microsoft)
  kBasic,        ///< Authorization: Basic base64(client_id:client_secret) (Zoom)
};

struct TokenEndpointConfig {
  std::string provider;   ///< "google", "microsoft", "zoom": for messages and logs
  std::string token_url;  ///< e.g. https://oauth2.googleapis.com/token
  std::string client_id;
  std::string client_secret;
  ClientAuth client_auth = ClientAuth::kRequestBody;
  /// Sent as `scope` with refresh requests when not empty (Microsoft wants it).
  std::string refresh_scope;
};

/// What a token endpoint granted. Holds secrets: never log it.
struct TokenSet {
  std::string access_token;
  /// Absent when the provider did not send one (Google on refresh): keep the old one.
  std::optional<std::string> refresh_token;
  /// now + expires_in (one hour when the provider does not say).
  date::sys_seconds expires_at;
  std::string scope;
};

/// An OAuth 2.0 token endpoint: authorization_code and refresh_token grants, form-encoded over
/// HttpClient. Throws ReconnectNeeded when the endpoint answers invalid_grant; PermanentError
/// for any other refusal (naming only the OAuth error code); TransientError for a 5xx, a timeout
/// or an answer that is not a token response. Messages and log lines never carry a token, a
/// code or the client secret. Safe from any thread.
class TokenEndpoint {
 public:
  TokenEndpoint(std::shared_ptr<http::HttpClient> http, TokenEndpointConfig config,
                std::shared_ptr<spdlog::logger> logger);

  /// Exchanges an authorization code; `code_verifier` empty when PKCE was not used.
  TokenSet ExchangeCode(std::string_view code, std::string_view redirect_uri,
                        std::string_view code_verifier, date::sys_seconds now) const;
  /// Uses a refresh token. The result's refresh_token is set only when the provider rotated it.
  TokenSet Refresh(std::string_view refresh_token, date::sys_seconds now) const;

  const std::string& Provider() const { return config_.provider; }

 private:
  TokenSet Call(std::string_view grant, std::vector<std::pair<std::string, std::string>> fields,
                date::sys_seconds now) const;

  std::shared_ptr<http::HttpClient> http_;
  TokenEndpointConfig config_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::oauth
