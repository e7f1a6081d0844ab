#pragma once

#include <string>

#include <officer/domain/errors.hpp>

namespace officer::integrations::oauth {

/// The provider no longer honours the person's grant (a refresh answered invalid_grant, or the
/// connection is already marked needs_reconnect): only connecting the account again helps. The
/// message names the provider only, never a token.
class ReconnectNeeded : public officer::PermanentError {
 public:
  explicit ReconnectNeeded(std::string provider)
      : officer::PermanentError("the " + provider +
                                " connection was revoked or has expired; it must be connected "
                                "again"),
        provider_(std::move(provider)) {}

  /// "google", "microsoft" or "zoom".
  const std::string& Provider() const { return provider_; }

 private:
  std::string provider_;
};

}  // namespace officer::integrations::oauth
