#pragma once

#include <optional>
#include <string>
#include <vector>

namespace officer::bot::standup {

/// A person as Slack describes them.
struct SlackPerson {
  std::string id;
  std::string name;
  std::string email;
  std::string time_zone;  ///< IANA name; empty when unknown
  bool is_bot = false;
  bool deleted = false;
};

/// A message body: notification text plus Block Kit blocks as a JSON array (may be "[]").
struct SlackPost {
  std::string text;
  std::string blocks_json = "[]";
};

/// What the bot needs from a Slack workspace. The executable wires it to the Web API, or in
/// local mode to a store that keeps every message for `officer say` to print.
/// Failures throw TransientError (retry later) or PermanentError (give up, e.g. revoked token).
class SlackApi {
 public:
  SlackApi() = default;
  SlackApi(const SlackApi&) = delete;
  SlackApi& operator=(const SlackApi&) = delete;
  virtual ~SlackApi() = default;

  /// Posts into a channel; returns the message ts.
  virtual std::string PostMessage(const std::string& team, const std::string& channel,
                                  const SlackPost& post) = 0;
  /// Replaces a posted message in place.
  virtual void UpdateMessage(const std::string& team, const std::string& channel,
                             const std::string& ts, const SlackPost& post) = 0;
  /// Shows `user` a message only they can see: through `response_url` when given, else in the
  /// channel.
  virtual void PostEphemeral(const std::string& team, const std::string& channel,
                             const std::string& user, const std::string& response_url,
                             const SlackPost& post) = 0;
  /// Sends `user` a direct message.
  virtual void SendDirect(const std::string& team, const std::string& user,
                          const SlackPost& post) = 0;
  /// The person, or nullopt when Slack does not know them.
  virtual std::optional<SlackPerson> User(const std::string& team, const std::string& user) = 0;
  /// Members of a user group, or nullopt when it cannot be read.
  virtual std::optional<std::vector<std::string>> UsergroupMembers(const std::string& team,
                                                                   const std::string& group) = 0;
  /// Members of a channel, or nullopt when it cannot be read.
  virtual std::optional<std::vector<std::string>> ChannelMembers(const std::string& team,
                                                                 const std::string& channel) = 0;
  /// Opens a modal for the trigger; false when this workspace cannot show modals (local mode).
  virtual bool OpenView(const std::string& team, const std::string& trigger_id,
                        const std::string& view_json) = 0;
  /// Shows `user` this view on Officer's Home tab (nothing in local mode, which has none).
  virtual void PublishHome(const std::string& team, const std::string& user,
                           const std::string& view_json) = 0;
};

}  // namespace officer::bot::standup
