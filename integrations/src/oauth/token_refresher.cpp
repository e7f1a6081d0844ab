#include <officer/integrations/oauth/token_refresher.hpp>

#include <spdlog/logger.h>

#include <officer/domain/errors.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::oauth {

TokenRefresher::TokenRefresher(CredentialStore& store, TokenEndpoints endpoints,
                               const domain::Clock& clock, std::shared_ptr<spdlog::logger> logger,
                               OnNeedsReconnect on_needs_reconnect)
    : store_(store),
      endpoints_(std::move(endpoints)),
      clock_(clock),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("oauth")),
      on_needs_reconnect_(std::move(on_needs_reconnect)) {}

bool TokenRefresher::IsUsable(const Credential& credential, std::string_view rejected) const {
  if (!rejected.empty()) return credential.access_token != rejected;
  return credential.expires_at - clock_.Now() >= kRefreshMargin;
}

std::string TokenRefresher::AccessToken(const CredentialKey& key, std::string_view rejected) {
  // Most calls find a valid token: answer those without taking the row lock.
  {
    auto stored = store_.Find(key);
    if (!stored || stored->status == CredentialStatus::kNeedsReconnect) {
      throw ReconnectNeeded(key.provider);
    }
    if (IsUsable(*stored, rejected)) return std::move(stored->access_token);
  }

  const auto endpoint = endpoints_.find(key.provider);
  if (endpoint == endpoints_.end()) {
    throw PermanentError("no token endpoint is configured for " + key.provider);
  }
  bool marked = false;
  auto updated = store_.Update(key, [&](const Credential& current) -> CredentialChange {
    if (current.status == CredentialStatus::kNeedsReconnect) return KeepCredential{};
    // Another caller refreshed while this one waited for the lock.
    if (IsUsable(current, rejected)) return KeepCredential{};
    if (!current.refresh_token) {
      logger_->warn("{} credential of {} has no refresh token", key.provider, key.user.value());
      marked = true;
      return MarkNeedsReconnect{};
    }
    try {
      auto tokens = endpoint->second->Refresh(*current.refresh_token, clock_.Now());
      logger_->info("refreshed the {} access token of {}{}", key.provider, key.user.value(),
                    rejected.empty() ? "" : " after a 401");
      return ReplaceTokens{std::move(tokens)};
    } catch (const ReconnectNeeded&) {
      marked = true;
      return MarkNeedsReconnect{};
    }
  });
  if (!updated || updated->status == CredentialStatus::kNeedsReconnect) {
    if (marked) {
      logger_->warn("{} credential of {} in {} now needs a reconnect", key.provider,
                    key.user.value(), key.workspace.value());
      if (on_needs_reconnect_) on_needs_reconnect_(key);
    }
    throw ReconnectNeeded(key.provider);
  }
  return std::move(updated->access_token);
}

}  // namespace officer::integrations::oauth
