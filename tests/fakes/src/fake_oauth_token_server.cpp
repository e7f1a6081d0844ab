#include <officer/fakes/fake_oauth_token_server.hpp>

#include <nlohmann/json.hpp>

#include <officer/integrations/crypto/base64.hpp>
#include <officer/integrations/oauth/pkce.hpp>

namespace officer::fakes {

namespace {

using nlohmann::json;

FakeResponse Refuse(int status, std::string_view error, std::string_view description) {
  return FakeResponse::Json(json{{"error", error}, {"error_description", description}}.dump(),
                            status);
}

std::string Field(const std::map<std::string, std::string>& form, const std::string& key) {
  auto it = form.find(key);
  return it == form.end() ? std::string() : it->second;
}

}  // namespace

FakeOAuthOptions FakeOAuthTokenServer::ZoomOptions() {
  FakeOAuthOptions options;
  options.path = "/oauth/token";
  options.basic_auth = true;
  options.rotate_refresh_tokens = true;
  options.access_token_prefix = "zoom-access-";
  options.refresh_token_prefix = "zoom-refresh-";
  return options;
}

FakeOAuthOptions FakeOAuthTokenServer::MicrosoftOptions() {
  FakeOAuthOptions options;
  options.path = "/common/oauth2/v2.0/token";
  options.rotate_refresh_tokens = true;
  options.access_token_prefix = "eyJ0eXAi.fake-";
  options.refresh_token_prefix = "0.AXkA-fake-refresh-";
  return options;
}

FakeOAuthTokenServer::FakeOAuthTokenServer(FakeOAuthOptions options, std::uint16_t port)
    : options_(std::move(options)), server_(port) {
  server_.Handle(options_.path, [this](const RecordedRequest& request) {
    auto answer = Answer(request);
    std::vector<std::pair<std::string, std::string>> notify;
    std::function<void(const std::string&, const std::string&)> listener;
    {
      std::lock_guard lock(mutex_);
      notify.swap(pending_notifications_);
      listener = listener_;
    }
    if (listener) {
      for (const auto& [subject, token] : notify) listener(subject, token);
    }
    return answer;
  });
}

std::string FakeOAuthTokenServer::TokenUrl() const { return server_.BaseUrl() + options_.path; }

void FakeOAuthTokenServer::AddAuthorizationCode(std::string code, std::string subject,
                                                std::string redirect_uri,
                                                std::string code_challenge_s256,
                                                std::string scope) {
  std::lock_guard lock(mutex_);
  codes_[std::move(code)] = Code{std::move(subject), std::move(redirect_uri),
                                 std::move(code_challenge_s256), std::move(scope)};
}

void FakeOAuthTokenServer::AddRefreshToken(std::string refresh_token, std::string subject) {
  std::lock_guard lock(mutex_);
  refresh_tokens_[std::move(refresh_token)] = std::move(subject);
}

void FakeOAuthTokenServer::RevokeRefreshToken(const std::string& refresh_token) {
  std::lock_guard lock(mutex_);
  refresh_tokens_.erase(refresh_token);
}

void FakeOAuthTokenServer::OnAccessTokenIssued(
    std::function<void(const std::string&, const std::string&)> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

std::vector<FakeTokenRequest> FakeOAuthTokenServer::TokenRequests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

int FakeOAuthTokenServer::RefreshCount() const {
  std::lock_guard lock(mutex_);
  return refresh_count_;
}

std::vector<std::string> FakeOAuthTokenServer::LiveRefreshTokens(const std::string& subject) const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [token, owner] : refresh_tokens_) {
    if (owner == subject) out.push_back(token);
  }
  return out;
}

std::vector<std::string> FakeOAuthTokenServer::IssuedAccessTokens() const {
  std::lock_guard lock(mutex_);
  return issued_;
}

bool FakeOAuthTokenServer::ClientAuthenticated(
    const RecordedRequest& request, const std::map<std::string, std::string>& form) const {
  if (options_.basic_auth) {
    const auto expected = "Basic " + integrations::crypto::Base64Encode(options_.client_id + ":" +
                                                                        options_.client_secret);
    return request.Header("authorization") == expected;
  }
  return Field(form, "client_id") == options_.client_id &&
         Field(form, "client_secret") == options_.client_secret;
}

std::string FakeOAuthTokenServer::IssueAccessToken(const std::string& subject) {
  auto token = options_.access_token_prefix + std::to_string(++counter_);
  issued_.push_back(token);
  pending_notifications_.emplace_back(subject, token);
  return token;
}

std::string FakeOAuthTokenServer::IssueRefreshToken(const std::string& subject) {
  auto token = options_.refresh_token_prefix + std::to_string(++counter_);
  refresh_tokens_[token] = subject;
  return token;
}

FakeResponse FakeOAuthTokenServer::Answer(const RecordedRequest& request) {
  std::map<std::string, std::string> form;
  for (auto& [key, value] : ParseFormFields(request.body)) form[key] = value;
  std::lock_guard lock(mutex_);
  requests_.push_back(FakeTokenRequest{form, request.Header("authorization")});
  if (request.method != "POST") return Refuse(405, "invalid_request", "POST only");
  if (request.Header("content-type").rfind("application/x-www-form-urlencoded", 0) != 0) {
    return Refuse(400, "invalid_request", "the body must be form-encoded");
  }
  if (!ClientAuthenticated(request, form)) {
    return Refuse(401, "invalid_client", "The OAuth client was not found.");
  }
  json answer = {{"token_type", "Bearer"}, {"expires_in", options_.expires_in}};
  const auto grant = Field(form, "grant_type");
  if (grant == "authorization_code") {
    const auto found = codes_.find(Field(form, "code"));
    if (found == codes_.end()) return Refuse(400, "invalid_grant", "Malformed auth code.");
    const Code code = found->second;
    codes_.erase(found);
    if (Field(form, "redirect_uri") != code.redirect_uri) {
      return Refuse(400, "redirect_uri_mismatch", "Bad Request");
    }
    if (!code.challenge.empty() &&
        integrations::oauth::Pkce::ChallengeS256(Field(form, "code_verifier")) != code.challenge) {
      return Refuse(400, "invalid_grant", "Invalid code verifier.");
    }
    answer["access_token"] = IssueAccessToken(code.subject);
    answer["refresh_token"] = IssueRefreshToken(code.subject);
    answer["scope"] = code.scope;
    return FakeResponse::Json(answer.dump());
  }
  if (grant == "refresh_token") {
    const auto refresh = Field(form, "refresh_token");
    const auto found = refresh_tokens_.find(refresh);
    if (found == refresh_tokens_.end()) {
      return Refuse(400, "invalid_grant", "Token has been expired or revoked.");
    }
    const std::string subject = found->second;
    ++refresh_count_;
    answer["access_token"] = IssueAccessToken(subject);
    if (options_.rotate_refresh_tokens) {
      refresh_tokens_.erase(found);
      answer["refresh_token"] = IssueRefreshToken(subject);
    }
    return FakeResponse::Json(answer.dump());
  }
  return Refuse(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
}

}  // namespace officer::fakes
