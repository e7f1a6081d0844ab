#include "oauth_connect.hpp"

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/integrations/http/http_types.hpp>
#include <officer/integrations/oauth/pkce.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::wiring {

namespace {

namespace oauth = integrations::oauth;
using bot::InboundRequest;
using bot::JsonError;
using bot::OutboundResponse;

std::string NameOf(bot::slack::ConnectProvider provider) {
  switch (provider) {
    case bot::slack::ConnectProvider::kGoogle:
      return "google";
    case bot::slack::ConnectProvider::kMicrosoft:
      return "microsoft";
    case bot::slack::ConnectProvider::kZoom:
      return "zoom";
  }
  return "google";
}

std::string TitleOf(const std::string& provider) {
  return provider == "google"      ? "Google Calendar"
         : provider == "microsoft" ? "Microsoft 365"
                                   : "Zoom";
}

}  // namespace

OAuthConnect::OAuthConnect(std::string public_url, const oauth::OAuthState& state,
                           oauth::CredentialStore& credentials, const domain::Clock& clock,
                           std::vector<OAuthProvider> providers,
                           std::shared_ptr<spdlog::logger> logger, OnConnected on_connected)
    : public_url_(std::move(public_url)),
      state_(state),
      credentials_(credentials),
      clock_(clock),
      providers_(std::move(providers)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("oauth")),
      on_connected_(std::move(on_connected)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

const OAuthProvider* OAuthConnect::Find(const std::string& name) const {
  for (const auto& provider : providers_) {
    if (provider.name == name) return &provider;
  }
  return nullptr;
}

std::string OAuthConnect::RedirectUri(const std::string& provider) const {
  return public_url_ + "/oauth/" + provider + "/callback";
}

std::optional<std::string> OAuthConnect::LinkFor(const domain::WorkspaceId& workspace,
                                                 const domain::UserId& user,
                                                 bot::slack::ConnectProvider provider) {
  return LinkFor(workspace, user, NameOf(provider));
}

std::optional<std::string> OAuthConnect::LinkFor(const domain::WorkspaceId& workspace,
                                                 const domain::UserId& user,
                                                 const std::string& provider) {
  if (Find(provider) == nullptr) return std::nullopt;
  const auto claims = oauth::OAuthState::NewClaims(workspace, user, provider, clock_.Now());
  return public_url_ + "/oauth/" + provider + "/start?state=" + state_.Sign(claims);
}

std::variant<oauth::OAuthStateClaims, OutboundResponse> OAuthConnect::Verify(
    const std::string& provider, const InboundRequest& request) const {
  if (Find(provider) == nullptr) {
    return JsonError(404, "provider_not_configured",
                     "Connecting " + TitleOf(provider) +
                         " isn't set up on this Officer; ask its administrator.");
  }
  const auto state = request.QueryParam("state");
  if (!state || state->empty()) {
    return JsonError(400, "missing_state",
                     "This link has no state. Ask Officer for a new one with /standup connect " +
                         provider + ".");
  }
  auto verified = state_.Verify(*state, clock_.Now());
  if (const auto* error = std::get_if<oauth::StateError>(&verified)) {
    if (*error == oauth::StateError::kExpired) {
      return JsonError(400, "expired_state",
                       "This link has expired (links last 10 minutes). Ask Officer for a new one "
                       "with /standup connect " +
                           provider + ".");
    }
    return JsonError(400, "invalid_state",
                     "This link was not issued by this Officer, or it was changed. Ask Officer "
                     "for a new one with /standup connect " +
                         provider + ".");
  }
  auto claims = std::get<oauth::OAuthStateClaims>(std::move(verified));
  if (claims.provider != provider) {
    return JsonError(400, "invalid_state",
                     "This link is for connecting " + TitleOf(claims.provider) + ", not " +
                         TitleOf(provider) + ". Ask Officer for a new one.");
  }
  return claims;
}

OutboundResponse OAuthConnect::Start(const std::string& provider, const InboundRequest& request) {
  auto verified = Verify(provider, request);
  if (auto* error = std::get_if<OutboundResponse>(&verified)) return *error;
  const auto& claims = std::get<oauth::OAuthStateClaims>(verified);
  const auto* app = Find(provider);  // Verify refused a provider that is not configured

  std::vector<std::pair<std::string, std::string>> query = {
      {"client_id", app->client_id},
      {"redirect_uri", RedirectUri(provider)},
      {"response_type", "code"},
  };
  if (!app->scope.empty()) query.emplace_back("scope", app->scope);
  query.emplace_back("state", *request.QueryParam("state"));
  query.emplace_back("code_challenge", oauth::Pkce::ChallengeS256(state_.PkceVerifierFor(claims)));
  query.emplace_back("code_challenge_method", "S256");
  for (const auto& extra : app->extra) query.push_back(extra);

  const std::string location = app->authorize_url +
                               (app->authorize_url.find('?') == std::string::npos ? "?" : "&") +
                               integrations::http::FormUrlEncode(query);
  OutboundResponse response;
  response.status = 302;
  response.body = nlohmann::json{{"redirect", "authorize at " + TitleOf(provider)}}.dump();
  response.headers.emplace_back("Location", location);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

OutboundResponse OAuthConnect::Callback(const std::string& provider,
                                        const InboundRequest& request) {
  auto verified = Verify(provider, request);
  if (auto* error = std::get_if<OutboundResponse>(&verified)) return *error;
  const auto& claims = std::get<oauth::OAuthStateClaims>(verified);
  const auto* app = Find(provider);  // Verify refused a provider that is not configured
  if (const auto denied = request.QueryParam("error")) {
    logger_->info("{} declined connecting {} ({})", claims.user.value(), provider,
                  denied->substr(0, 40));
    return JsonError(403, "access_denied",
                     TitleOf(provider) +
                         " was not connected: the permission was declined. Try "
                         "again with /standup connect " +
                         provider + ".");
  }
  const auto code = request.QueryParam("code");
  if (!code || code->empty()) {
    return JsonError(400, "missing_code",
                     "The provider sent no authorization code. Try again with /standup connect " +
                         provider + ".");
  }
  oauth::TokenSet tokens;
  try {
    tokens = app->token_endpoint->ExchangeCode(*code, RedirectUri(provider),
                                               state_.PkceVerifierFor(claims), clock_.Now());
  } catch (const oauth::ReconnectNeeded&) {
    return JsonError(400, "invalid_code",
                     "This sign-in was already used or has expired. Start again with /standup "
                     "connect " +
                         provider + ".");
  } catch (const TransientError& error) {
    logger_->warn("{} code exchange failed: {}", provider, error.what());
    return JsonError(503, "provider_unavailable",
                     TitleOf(provider) + " did not answer. Try the link again in a minute.");
  } catch (const PermanentError& error) {
    logger_->warn("{} code exchange refused: {}", provider, error.what());
    return JsonError(400, "exchange_refused",
                     TitleOf(provider) +
                         " refused the sign-in. Start again with /standup "
                         "connect " +
                         provider + ".");
  }
  const oauth::CredentialKey key{claims.workspace, claims.user, provider};
  credentials_.Save(key, tokens);
  logger_->info("{} connected {} in {}", claims.user.value(), provider, claims.workspace.value());
  if (on_connected_) on_connected_(key);
  return bot::JsonResponse(
      nlohmann::json{{"connected", provider},
                     {"message", "Connected " + TitleOf(provider) + " — you can close this tab."}}
          .dump());
}

void OAuthConnect::AddRoutes(bot::Dispatcher& dispatcher) {
  for (const char* name : {"google", "microsoft", "zoom"}) {
    const std::string provider = name;
    dispatcher.Add("GET", "/oauth/" + provider + "/start",
                   [this, provider](const InboundRequest& request, const bot::RouteParams&) {
                     return Start(provider, request);
                   });
    dispatcher.Add("GET", "/oauth/" + provider + "/callback",
                   [this, provider](const InboundRequest& request, const bot::RouteParams&) {
                     return Callback(provider, request);
                   });
  }
}

}  // namespace officer::wiring
