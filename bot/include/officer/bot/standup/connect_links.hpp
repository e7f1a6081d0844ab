#pragma once

#include <optional>
#include <string>

#include <officer/bot/slack/command_text.hpp>
#include <officer/domain/ids.hpp>

namespace officer::bot::standup {

/// Issues the private link that starts connecting a person's account at a provider.
class ConnectLinks {
 public:
  ConnectLinks() = default;
  ConnectLinks(const ConnectLinks&) = delete;
  ConnectLinks& operator=(const ConnectLinks&) = delete;
  virtual ~ConnectLinks() = default;

  /// {OFFICER_PUBLIC_URL}/oauth/{provider}/start?state=<signed, bound to the person, 10 minutes>,
  /// or nullopt when this Officer has no client id for the provider. Never throws.
  virtual std::optional<std::string> LinkFor(const domain::WorkspaceId& workspace,
                                             const domain::UserId& user,
                                             slack::ConnectProvider provider) = 0;
};

}  // namespace officer::bot::standup
