#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <spdlog/logger.h>

#include <officer/domain/ids.hpp>
#include <officer/integrations/http/http_client.hpp>

namespace officer::integrations::oauth {

/// A person's access token at a provider. `rejected` is empty on the first call; after the
/// provider refused a token it holds that token, so the source refreshes instead of returning
/// it again. Throws ReconnectNeeded when the person must connect again.
using AccessTokenSource =
    std::function<std::string(const domain::UserId& user, std::string_view rejected)>;

/// Whether the provider refused the token itself (HTTP 401, or a provider's own code for it).
using TokenRefusal = std::function<bool(const http::HttpResponse&)>;

/// Sends `request` with `user`'s bearer token. When the provider refuses the token, fetches a
/// fresh one once and retries; a second refusal means the grant is gone: ReconnectNeeded.
/// Tokens never reach the log.
http::HttpResponse SendAuthorized(http::HttpClient& http, http::HttpRequest request,
                                  const AccessTokenSource& tokens, const domain::UserId& user,
                                  std::string_view provider, std::string_view operation,
                                  spdlog::logger& logger, const TokenRefusal& refused = {});

}  // namespace officer::integrations::oauth
