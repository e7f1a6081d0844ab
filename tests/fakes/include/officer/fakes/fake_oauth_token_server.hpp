#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <officer/fakes/fake_http_server.hpp>

namespace officer::fakes {

/// How a fake token endpoint behaves; the defaults are Google's.
struct FakeOAuthOptions {
  std::string path = "/token";
  std::string client_id = "fake-client-id";
  std::string client_secret = "fake-client-secret";
  /// Client credentials in an Authorization: Basic header (Zoom) instead of the body (Google,
  /// Microsoft). The other way is refused with invalid_client.
  bool basic_auth = false;
  /// Every refresh issues a new refresh token and invalidates the old one (Zoom, Microsoft).
  /// Without it, refresh answers carry no refresh_token at all (Google).
  bool rotate_refresh_tokens = false;
  int expires_in = 3599;
  std::string access_token_prefix = "ya29.fake-";
  std::string refresh_token_prefix = "1//fake-refresh-";
};

/// One POST the token endpoint received, decoded.
struct FakeTokenRequest {
  std::map<std::string, std::string> form;
  std::string authorization;  ///< the Authorization header, if any
};

/// An OAuth 2.0 token endpoint over real HTTP (RFC 6749 section 4.1.3 and 6):
/// - grant_type=authorization_code with code, redirect_uri (must match the one registered with
///   the code) and code_verifier (checked against the S256 challenge when one was registered);
///   a code works once. Answers {access_token, token_type: "Bearer", expires_in, scope,
///   refresh_token}.
/// - grant_type=refresh_token with refresh_token: {access_token, token_type, expires_in, scope}
///   plus a new refresh_token only with rotate_refresh_tokens.
/// Refusals are 400 {"error": "invalid_grant" | "invalid_request" | "unsupported_grant_type",
/// "error_description": ...} and 401 {"error": "invalid_client"}. Thread-safe.
class FakeOAuthTokenServer {
 public:
  explicit FakeOAuthTokenServer(FakeOAuthOptions options = {}, std::uint16_t port = 0);

  /// Options for Zoom's token endpoint: /oauth/token, Basic client auth, rotating tokens.
  static FakeOAuthOptions ZoomOptions();
  /// Options for Microsoft's: /common/oauth2/v2.0/token, body auth, rotating tokens.
  static FakeOAuthOptions MicrosoftOptions();

  /// The full token URL: BaseUrl() + options.path.
  std::string TokenUrl() const;
  std::string BaseUrl() const { return server_.BaseUrl(); }
  FakeHttpServer& Server() { return server_; }
  const FakeOAuthOptions& Options() const { return options_; }

  /// A code the endpoint exchanges once for tokens of `subject` (e.g. an e-mail).
  void AddAuthorizationCode(std::string code, std::string subject, std::string redirect_uri,
                            std::string code_challenge_s256 = {}, std::string scope = {});
  /// A refresh token the endpoint honours, for `subject`.
  void AddRefreshToken(std::string refresh_token, std::string subject);
  /// From now on the refresh token gets invalid_grant ("Token has been expired or revoked.").
  void RevokeRefreshToken(const std::string& refresh_token);
  /// Called (without the lock held) with each access token issued, e.g. to let a fake API
  /// accept it: FakeGoogleCalendar::AddAccessToken.
  void OnAccessTokenIssued(
      std::function<void(const std::string& subject, const std::string& access_token)> listener);

  std::vector<FakeTokenRequest> TokenRequests() const;
  /// How many refresh_token grants succeeded.
  int RefreshCount() const;
  /// The refresh tokens currently honoured for the subject.
  std::vector<std::string> LiveRefreshTokens(const std::string& subject) const;
  std::vector<std::string> IssuedAccessTokens() const;

 private:
  struct Code {
    std::string subject;
    std::string redirect_uri;
    std::string challenge;
    std::string scope;
  };

  FakeResponse Answer(const RecordedRequest& request);
  bool ClientAuthenticated(const RecordedRequest& request,
                           const std::map<std::string, std::string>& form) const;
  std::string IssueAccessToken(const std::string& subject);
  std::string IssueRefreshToken(const std::string& subject);

  FakeOAuthOptions options_;
  mutable std::mutex mutex_;
  std::map<std::string, Code> codes_;
  std::map<std::string, std::string> refresh_tokens_;  // token -> subject
  std::vector<FakeTokenRequest> requests_;
  std::vector<std::string> issued_;
  std::vector<std::pair<std::string, std::string>> pending_notifications_;
  std::function<void(const std::string&, const std::string&)> listener_;
  int refresh_count_ = 0;
  std::uint64_t counter_ = 0;

  // Last: its handlers reach the state above, so it stops before that state goes away.
  FakeHttpServer server_;
};

}  // namespace officer::fakes
