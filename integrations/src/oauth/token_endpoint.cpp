#include <officer/integrations/oauth/token_endpoint.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/integrations/crypto/base64.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::oauth {

namespace {

using nlohmann::json;

constexpr std::chrono::seconds kDefaultLifetime{3600};

std::string Str(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An OAuth error code is a short token of printable ASCII (RFC 6749 5.2); anything else is not
// repeated, so a misbehaving server cannot smuggle a secret into our messages.
std::string SafeErrorCode(const json& body) {
  std::string code = Str(body, "error");
  const bool plain =
      !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
      });
  return plain ? code : std::string("unknown");
}

std::chrono::seconds LifetimeOf(const json& body) {
  auto it = body.find("expires_in");
  if (it == body.end()) return kDefaultLifetime;
  long long seconds = -1;
  if (it->is_number_integer()) {
    seconds = it->get<long long>();
  } else if (it->is_number()) {
    seconds = static_cast<long long>(it->get<double>());
  } else if (it->is_string()) {
    // Some servers quote it.
    const auto& text = it->get_ref<const std::string&>();
    if (!text.empty() && text.size() < 12 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      seconds = std::stoll(text);
    }
  }
  return seconds >= 0 ? std::chrono::seconds{seconds} : kDefaultLifetime;
}

}  // namespace

TokenEndpoint::TokenEndpoint(std::shared_ptr<http::HttpClient> http, TokenEndpointConfig config,
                             std::shared_ptr<spdlog::logger> logger)
    : http_(std::move(http)),
      config_(std::move(config)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("oauth")) {}

TokenSet TokenEndpoint::ExchangeCode(std::string_view code, std::string_view redirect_uri,
                                     std::string_view code_verifier, date::sys_seconds now) const {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"grant_type", "authorization_code"},
      {"code", std::string(code)},
      {"redirect_uri", std::string(redirect_uri)},
  };
  if (!code_verifier.empty()) fields.emplace_back("code_verifier", std::string(code_verifier));
  return Call("authorization_code", std::move(fields), now);
}

TokenSet TokenEndpoint::Refresh(std::string_view refresh_token, date::sys_seconds now) const {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"grant_type", "refresh_token"},
      {"refresh_token", std::string(refresh_token)},
  };
  if (!config_.refresh_scope.empty()) fields.emplace_back("scope", config_.refresh_scope);
  return Call("refresh_token", std::move(fields), now);
}

TokenSet TokenEndpoint::Call(std::string_view grant,
                             std::vector<std::pair<std::string, std::string>> fields,
                             date::sys_seconds now) const {
  http::HttpRequest request;
  request.method = http::Method::kPost;
  request.url = config_.token_url;
  request.content_type = "application/x-www-form-urlencoded";
  request.headers.emplace("Accept", "application/json");
  if (config_.client_auth == ClientAuth::kBasic) {
    // As Zoom documents it: the id and secret joined raw (both are URL-safe in practice).
    request.headers.emplace(
        "Authorization",
        "Basic " + crypto::Base64Encode(config_.client_id + ":" + config_.client_secret));
  } else {
    fields.emplace_back("client_id", config_.client_id);
    fields.emplace_back("client_secret", config_.client_secret);
  }
  request.body = http::FormUrlEncode(fields);

  const auto response = http_->Send(request);
  const json body = json::parse(response.body, nullptr, false);
  const bool is_object = !body.is_discarded() && body.is_object();

  if (response.IsSuccess()) {
    const std::string access_token = is_object ? Str(body, "access_token") : std::string();
    if (access_token.empty()) {
      logger_->warn("{} token endpoint ({}) answered HTTP {} without an access token",
                    config_.provider, grant, response.status);
      throw TransientError(config_.provider + " token endpoint answered without an access token");
    }
    TokenSet tokens;
    tokens.access_token = access_token;
    if (std::string refresh = Str(body, "refresh_token"); !refresh.empty()) {
      tokens.refresh_token = std::move(refresh);
    }
    const auto lifetime = LifetimeOf(body);
    tokens.expires_at = now + lifetime;
    tokens.scope = Str(body, "scope");
    logger_->info("{} token endpoint granted {} (expires in {}s{})", config_.provider, grant,
                  lifetime.count(), tokens.refresh_token ? ", new refresh token" : "");
    return tokens;
  }

  const std::string code = is_object ? SafeErrorCode(body) : std::string("unknown");
  if (response.status >= 500) {
    logger_->warn("{} token endpoint ({}) answered HTTP {}", config_.provider, grant,
                  response.status);
    throw TransientError(config_.provider + " token endpoint answered HTTP " +
                         std::to_string(response.status));
  }
  if (code == "invalid_grant") {
    logger_->warn("{} token endpoint ({}) answered invalid_grant: the grant is gone",
                  config_.provider, grant);
    throw ReconnectNeeded(config_.provider);
  }
  logger_->error("{} token endpoint ({}) refused with HTTP {} {}", config_.provider, grant,
                 response.status, code);
  throw PermanentError(config_.provider + " token endpoint refused the " + std::string(grant) +
                       " request: HTTP " + std::to_string(response.status) + " " + code);
}

}  // namespace officer::integrations::oauth
