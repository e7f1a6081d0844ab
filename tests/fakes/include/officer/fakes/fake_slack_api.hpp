#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/fakes/fake_http_server.hpp>

namespace officer::fakes {

struct FakeSlackUser {
  std::string id{};
  std::string name{};
  std::string real_name{};
  std::string display_name{};
  std::string email{};
  std::string tz = "America/New_York";
  std::string tz_label = "Eastern Standard Time";
  int tz_offset = -18000;
  bool is_bot = false;
  bool deleted = false;
};

/// A message the bot posted (or an ephemeral it showed), as the fake stores it.
struct FakeSlackMessage {
  std::string channel{};
  std::string ts{};
  std::string text{};
  nlohmann::json blocks = nlohmann::json::array();
  std::string thread_ts{};
  /// Set for ephemerals: who saw it.
  std::string ephemeral_user{};
  int edits = 0;
};

/// A POST received on a response_url.
struct FakeResponseUrlPost {
  std::string id{};
  nlohmann::json payload;
};

/// Slack's Web API over real HTTP, with an in-memory workspace: the wire formats of
/// chat.postMessage, chat.update, chat.postEphemeral, conversations.open, users.info,
/// usergroups.users.list, conversations.members (cursor pagination at a small page size) and
/// response_url. Arguments are read from JSON bodies, form bodies and query strings, as Slack
/// does. Bearer token check: none → not_authed, unknown → invalid_auth. Thread-safe.
/// Scripted HTTP-level failures (500s, 429s, delays) go through Server().Enqueue("/api/<method>").
class FakeSlackApi {
 public:
  static constexpr std::string_view kDefaultToken = "xoxb-fake-token";

  explicit FakeSlackApi(std::uint16_t port = 0);

  /// For SlackWebApi's base_url: "http://127.0.0.1:<port>/api".
  std::string BaseUrl() const;
  FakeHttpServer& Server() { return server_; }

  void AddToken(std::string token);
  void AddUser(FakeSlackUser user);
  void AddUsergroup(std::string id, std::vector<std::string> users);
  void AddChannel(std::string id, std::vector<std::string> members);
  /// conversations.members page size when the caller's limit is larger (default 2).
  void SetMembersPageSize(int page_size);
  /// The next `times` calls of `method` answer {"ok":false,"error":code}; times < 0: always.
  void FailMethod(const std::string& method, std::string error_code, int times = 1);
  void ClearFailures();

  /// A URL the fake accepts as a response_url (usable 5 times, as Slack's).
  std::string ResponseUrl(const std::string& id) const;

  std::vector<FakeSlackMessage> Messages() const;  // non-ephemeral, in posting order
  std::vector<FakeSlackMessage> MessagesIn(std::string_view channel) const;
  std::optional<FakeSlackMessage> FindMessage(std::string_view channel, std::string_view ts) const;
  std::vector<FakeSlackMessage> Ephemerals() const;
  std::vector<FakeResponseUrlPost> ResponseUrlPosts() const;
  /// The view views.publish last put on this user's Home tab, if any, and how many times it was
  /// published.
  std::optional<nlohmann::json> HomeViewOf(std::string_view user) const;
  int HomePublishes(std::string_view user) const;
  /// The DM channel conversations.open created for this user, if any.
  std::optional<std::string> DmChannelOf(std::string_view user) const;

 private:
  FakeResponse Dispatch(const std::string& method, const RecordedRequest& request);
  nlohmann::json Execute(const std::string& method, const nlohmann::json& args);
  nlohmann::json PostMessage(const nlohmann::json& args);
  nlohmann::json Update(const nlohmann::json& args);
  nlohmann::json PostEphemeral(const nlohmann::json& args);
  nlohmann::json OpenConversation(const nlohmann::json& args);
  nlohmann::json UsersInfo(const nlohmann::json& args);
  nlohmann::json UsergroupUsers(const nlohmann::json& args);
  nlohmann::json ConversationMembers(const nlohmann::json& args);
  nlohmann::json PublishView(const nlohmann::json& args);
  FakeResponse ResponseUrlPost(const RecordedRequest& request);
  std::string NextTs();
  bool KnownConversation(const std::string& channel) const;

  mutable std::mutex mutex_;
  std::set<std::string> tokens_;
  std::map<std::string, FakeSlackUser> users_;
  std::map<std::string, std::vector<std::string>> usergroups_;
  std::map<std::string, std::vector<std::string>> channels_;
  std::map<std::string, std::string> dms_;                       // user -> D channel
  std::map<std::string, std::pair<nlohmann::json, int>> homes_;  // user -> (view, publishes)
  std::map<std::string, std::pair<std::string, int>> failures_;  // method -> (code, times)
  std::vector<FakeSlackMessage> messages_;
  std::vector<FakeSlackMessage> ephemerals_;
  std::vector<FakeResponseUrlPost> response_posts_;
  std::map<std::string, int> response_url_uses_;
  int members_page_size_ = 2;
  std::uint64_t ts_counter_ = 0;
  std::uint64_t id_counter_ = 0;

  // Last: its handlers reach the state above, so it stops before that state goes away.
  FakeHttpServer server_;
};

}  // namespace officer::fakes
