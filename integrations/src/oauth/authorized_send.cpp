#include <officer/integrations/oauth/authorized_send.hpp>

#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::oauth {

http::HttpResponse SendAuthorized(http::HttpClient& http, http::HttpRequest request,
                                  const AccessTokenSource& tokens, const domain::UserId& user,
                                  std::string_view provider, std::string_view operation,
                                  spdlog::logger& logger, const TokenRefusal& refused) {
  auto is_refused = [&](const http::HttpResponse& response) {
    return refused ? refused(response) : response.status == 401;
  };
  std::string token = tokens(user, {});
  request.headers.insert_or_assign("Authorization", "Bearer " + token);
  auto response = http.Send(request);
  if (!is_refused(response)) return response;

  logger.info("{} {} for {} refused the access token (HTTP {}); refreshing it and retrying once",
              provider, operation, user.value(), response.status);
  token = tokens(user, token);
  request.headers.insert_or_assign("Authorization", "Bearer " + token);
  response = http.Send(request);
  if (is_refused(response)) {
    logger.warn("{} {} for {} refused a fresh token too", provider, operation, user.value());
    throw ReconnectNeeded(std::string(provider));
  }
  return response;
}

}  // namespace officer::integrations::oauth
