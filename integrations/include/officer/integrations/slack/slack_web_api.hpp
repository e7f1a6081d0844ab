#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}

namespace officer::integrations::slack {

inline constexpr std::string_view kDefaultSlackApiBaseUrl = "https://slack.com/api";

/// A bot token (xoxb-...). A distinct type so it cannot be swapped with a channel or user id;
/// it has no stream or format operator, so it does not end up in a log line by accident.
struct BotToken {
  explicit BotToken(std::string token) : value(std::move(token)) {}
  std::string value{};
};

/// Slack answered ok:false (or a response_url refused the post): an expected outcome.
struct SlackError {
  /// Slack's `error` code: "channel_not_found", "invalid_auth", "not_in_channel", ...
  std::string code{};
  /// For missing_scope: the scope needed and the scopes the token has.
  std::string needed{};
  std::string provided{};
};

/// Value or SlackError; a subset of std::expected's API.
template <typename T>
class SlackResult {
 public:
  SlackResult(T value) : state_(std::move(value)) {}  // NOLINT: implicit like std::expected
  SlackResult(SlackError error) : state_(std::move(error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const SlackError& error() const { return std::get<1>(state_); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, SlackError> state_;
};

struct Done {};

/// What a message says. blocks_json is a Block Kit array as JSON text; empty for none. With
/// blocks, text is the notification fallback.
struct MessageContent {
  std::string text{};
  std::string blocks_json{};
};

struct PostedMessage {
  std::string channel{};
  std::string ts{};
};

struct SlackUser {
  std::string id{};
  std::string name{};
  std::string real_name{};
  std::string display_name{};
  /// profile.email; empty without the users:read.email scope.
  std::string email{};
  /// IANA zone name, e.g. "Europe/Berlin"; may be empty for bots.
  std::string tz{};
  /// Seconds east of UTC at the time of the call.
  int tz_offset = 0;
  bool is_bot = false;
  bool deleted = false;
};

/// Payload for a slash command's or interaction's response_url.
struct ResponseUrlMessage {
  MessageContent content;
  /// "ephemeral" or "in_channel"; empty leaves Slack's default (ephemeral).
  std::string response_type{};
  bool replace_original = false;
  bool delete_original = false;
};

/// Slack Web API client. Write methods send JSON bodies; read methods send query parameters
/// (users.info and friends do not read JSON bodies). Safe to call from many threads.
/// Every method throws TransientError/PermanentError (from HttpClient, or for a 5xx or a body
/// that is not Slack JSON); ok:false comes back as SlackError.
class SlackWebApi {
 public:
  /// base_url without a trailing slash, e.g. SLACK_API_BASE_URL or kDefaultSlackApiBaseUrl.
  SlackWebApi(std::shared_ptr<http::HttpClient> http, std::string base_url,
              std::shared_ptr<spdlog::logger> logger);

  /// chat.postMessage; channel may be a C/G/D id or a user id (posts to the DM).
  SlackResult<PostedMessage> PostMessage(const BotToken& token, std::string_view channel,
                                         const MessageContent& content,
                                         std::string_view thread_ts = {}) const;

  /// chat.update of the message (channel, ts).
  SlackResult<PostedMessage> UpdateMessage(const BotToken& token, std::string_view channel,
                                           std::string_view ts,
                                           const MessageContent& content) const;

  /// chat.postEphemeral; returns message_ts.
  SlackResult<std::string> PostEphemeral(const BotToken& token, std::string_view channel,
                                         std::string_view user,
                                         const MessageContent& content) const;

  /// conversations.open; returns the DM (or group DM) channel id.
  SlackResult<std::string> OpenConversation(const BotToken& token,
                                            const std::vector<std::string>& users) const;

  /// users.info.
  SlackResult<SlackUser> GetUser(const BotToken& token, std::string_view user) const;

  /// usergroups.users.list; user ids of the group (S...).
  SlackResult<std::vector<std::string>> ListUsergroupMembers(const BotToken& token,
                                                             std::string_view usergroup) const;

  /// conversations.members, every page (response_metadata.next_cursor).
  SlackResult<std::vector<std::string>> ListChannelMembers(const BotToken& token,
                                                           std::string_view channel) const;

  /// views.open of a modal for a trigger_id (which Slack honours for 3 seconds).
  SlackResult<Done> OpenView(const BotToken& token, std::string_view trigger_id,
                             const std::string& view_json) const;

  /// views.publish of a person's App Home tab.
  SlackResult<Done> PublishView(const BotToken& token, std::string_view user,
                                const std::string& view_json) const;

  /// POST to a response_url (no token). A refusal (expired or used URL) is a SlackError whose
  /// code is Slack's body text or "http_<status>".
  SlackResult<Done> PostToResponseUrl(std::string_view response_url,
                                      const ResponseUrlMessage& message) const;

 private:
  /// views.open and views.publish: `args` plus the view, parsed from `view_json`.
  SlackResult<Done> SendView(const BotToken& token, const char* method, nlohmann::json args,
                             const std::string& view_json) const;

  std::shared_ptr<http::HttpClient> http_;
  std::string base_url_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::slack
