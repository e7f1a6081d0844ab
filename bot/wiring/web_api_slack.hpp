#pragma once

#include <optional>
#include <string>

#include <officer/bot/standup/slack_api.hpp>
#include <officer/integrations/slack/slack_web_api.hpp>

namespace officer::wiring {

/// The bot's Slack port over the Web API client. Lookups Slack answers with "not found" become
/// nullopt; a revoked or missing token is a PermanentError; anything else Slack refuses is too.
class WebApiSlack final : public bot::standup::SlackApi {
 public:
  WebApiSlack(const integrations::slack::SlackWebApi& api, std::optional<std::string> bot_token)
      : api_(api), bot_token_(std::move(bot_token)) {}

  std::string PostMessage(const std::string& team, const std::string& channel,
                          const bot::standup::SlackPost& post) override;
  void UpdateMessage(const std::string& team, const std::string& channel, const std::string& ts,
                     const bot::standup::SlackPost& post) override;
  void PostEphemeral(const std::string& team, const std::string& channel, const std::string& user,
                     const std::string& response_url, const bot::standup::SlackPost& post) override;
  void SendDirect(const std::string& team, const std::string& user,
                  const bot::standup::SlackPost& post) override;
  std::optional<bot::standup::SlackPerson> User(const std::string& team,
                                                const std::string& user) override;
  std::optional<std::vector<std::string>> UsergroupMembers(const std::string& team,
                                                           const std::string& group) override;
  std::optional<std::vector<std::string>> ChannelMembers(const std::string& team,
                                                         const std::string& channel) override;
  void PublishHome(const std::string& team, const std::string& user,
                   const std::string& view_json) override;
  bool OpenView(const std::string& team, const std::string& trigger_id,
                const std::string& view_json) override;

 private:
  integrations::slack::BotToken Token(const std::string& team) const;

  const integrations::slack::SlackWebApi& api_;
  std::optional<std::string> bot_token_;
};

}  // namespace officer::wiring
