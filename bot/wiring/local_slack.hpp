#pragma once

#include <officer/bot/standup/slack_api.hpp>
#include <officer/integrations/local/local_message_store.hpp>

namespace officer::wiring {

/// Local mode's Slack: every message is kept in PostgreSQL for `officer say` to print; people
/// are known by their ids; user groups, channels and modals need a real workspace.
class LocalSlack final : public bot::standup::SlackApi {
 public:
  explicit LocalSlack(integrations::local::LocalMessageStore& store) : store_(store) {}

  std::string PostMessage(const std::string& team, const std::string& channel,
                          const bot::standup::SlackPost& post) override {
    return store_.Post(team, channel, post.text, post.blocks_json);
  }
  void UpdateMessage(const std::string& team, const std::string& channel, const std::string& ts,
                     const bot::standup::SlackPost& post) override {
    store_.Update(team, channel, ts, post.text, post.blocks_json);
  }
  void PostEphemeral(const std::string& team, const std::string& channel, const std::string& user,
                     const std::string&, const bot::standup::SlackPost& post) override {
    store_.Ephemeral(team, channel, user, post.text, post.blocks_json);
  }
  void SendDirect(const std::string& team, const std::string& user,
                  const bot::standup::SlackPost& post) override {
    store_.Direct(team, user, post.text, post.blocks_json);
  }
  std::optional<bot::standup::SlackPerson> User(const std::string&,
                                                const std::string& user) override {
    // No directory here: the zone falls back to OFFICER_DEFAULT_TIME_ZONE or the `tz` option.
    return bot::standup::SlackPerson{user, user, "", "", false, false};
  }
  std::optional<std::vector<std::string>> UsergroupMembers(const std::string&,
                                                           const std::string&) override {
    return std::nullopt;
  }
  std::optional<std::vector<std::string>> ChannelMembers(const std::string&,
                                                         const std::string&) override {
    return std::nullopt;
  }
  bool OpenView(const std::string&, const std::string&, const std::string&) override {
    return false;
  }
  void PublishHome(const std::string&, const std::string&, const std::string&) override {}

 private:
  integrations::local::LocalMessageStore& store_;
};

}  // namespace officer::wiring
