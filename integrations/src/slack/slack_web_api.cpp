#include <officer/integrations/slack/slack_web_api.hpp>

#include <set>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>

namespace officer::integrations::slack {

namespace {

using nlohmann::json;

constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";
// Slack's recommended page size for cursor pagination; it caps `limit` at 1000.
constexpr int kPageSize = 200;
// A safety net against a server that keeps handing out cursors.
constexpr int kMaxPages = 1000;

struct CallOutcome {
  json body;
  std::optional<SlackError> error;
};

std::string Str(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Adds text and blocks; blocks that are not a JSON array are refused like Slack would.
std::optional<SlackError> AddContent(json& args, const MessageContent& content) {
  if (!content.text.empty()) args["text"] = content.text;
  if (content.blocks_json.empty()) return std::nullopt;
  auto blocks = json::parse(content.blocks_json, nullptr, false);
  if (blocks.is_discarded() || !blocks.is_array())
    return SlackError{"invalid_blocks_format", {}, {}};
  args["blocks"] = std::move(blocks);
  return std::nullopt;
}

std::vector<std::string> StringArray(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& item : value) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

CallOutcome Call(http::HttpClient& http_client, const std::string& base_url, spdlog::logger& logger,
                 const BotToken& token, std::string_view method, const json& args, bool use_query) {
  http::HttpRequest request;
  request.url = base_url + "/" + std::string(method);
  request.headers.emplace("Authorization", "Bearer " + token.value);
  if (use_query) {
    request.method = http::Method::kGet;
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : args.items()) {
      fields.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
    if (!fields.empty()) request.url += "?" + http::FormUrlEncode(fields);
  } else {
    request.method = http::Method::kPost;
    request.content_type = kJsonContentType;
    request.body = args.dump();
  }

  auto response = http_client.Send(request);
  auto body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("ok")) {
    const std::string what = "Slack " + std::string(method) + " answered HTTP " +
                             std::to_string(response.status) + " without Slack JSON";
    if (response.IsSuccess()) throw officer::TransientError(what);
    throw officer::PermanentError(what);
  }
  if (body.value("ok", false)) return {std::move(body), std::nullopt};
  SlackError error{Str(body, "error"), Str(body, "needed"), Str(body, "provided")};
  if (error.code.empty()) error.code = "unknown_error";
  logger.info("slack {} -> ok:false {}", method, error.code);
  return {std::move(body), std::move(error)};
}

}  // namespace

SlackWebApi::SlackWebApi(std::shared_ptr<http::HttpClient> http, std::string base_url,
                         std::shared_ptr<spdlog::logger> logger)
    : http_(std::move(http)),
      base_url_(std::move(base_url)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("slack")) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

SlackResult<PostedMessage> SlackWebApi::PostMessage(const BotToken& token, std::string_view channel,
                                                    const MessageContent& content,
                                                    std::string_view thread_ts) const {
  json args = {{"channel", channel}};
  if (auto error = AddContent(args, content)) return *error;
  if (!thread_ts.empty()) args["thread_ts"] = thread_ts;
  auto outcome = Call(*http_, base_url_, *logger_, token, "chat.postMessage", args, false);
  if (outcome.error) return *outcome.error;
  return PostedMessage{Str(outcome.body, "channel"), Str(outcome.body, "ts")};
}

SlackResult<PostedMessage> SlackWebApi::UpdateMessage(const BotToken& token,
                                                      std::string_view channel, std::string_view ts,
                                                      const MessageContent& content) const {
  json args = {{"channel", channel}, {"ts", ts}};
  if (auto error = AddContent(args, content)) return *error;
  auto outcome = Call(*http_, base_url_, *logger_, token, "chat.update", args, false);
  if (outcome.error) return *outcome.error;
  return PostedMessage{Str(outcome.body, "channel"), Str(outcome.body, "ts")};
}

SlackResult<std::string> SlackWebApi::PostEphemeral(const BotToken& token, std::string_view channel,
                                                    std::string_view user,
                                                    const MessageContent& content) const {
  json args = {{"channel", channel}, {"user", user}};
  if (auto error = AddContent(args, content)) return *error;
  auto outcome = Call(*http_, base_url_, *logger_, token, "chat.postEphemeral", args, false);
  if (outcome.error) return *outcome.error;
  return Str(outcome.body, "message_ts");
}

SlackResult<std::string> SlackWebApi::OpenConversation(
    const BotToken& token, const std::vector<std::string>& users) const {
  std::string joined;
  for (const auto& user : users) {
    if (!joined.empty()) joined += ",";
    joined += user;
  }
  json args = {{"users", joined}};
  auto outcome = Call(*http_, base_url_, *logger_, token, "conversations.open", args, false);
  if (outcome.error) return *outcome.error;
  auto channel = outcome.body.find("channel");
  if (channel == outcome.body.end() || !channel->is_object() || Str(*channel, "id").empty()) {
    throw officer::TransientError("Slack conversations.open answered without a channel id");
  }
  return Str(*channel, "id");
}

SlackResult<Done> SlackWebApi::SendView(const BotToken& token, const char* method, json args,
                                        const std::string& view_json) const {
  json view = json::parse(view_json, nullptr, false);
  if (view.is_discarded() || !view.is_object()) return SlackError{"invalid_view", "", ""};
  args["view"] = std::move(view);
  auto outcome = Call(*http_, base_url_, *logger_, token, method, args, false);
  if (outcome.error) return *outcome.error;
  return Done{};
}

SlackResult<Done> SlackWebApi::OpenView(const BotToken& token, std::string_view trigger_id,
                                        const std::string& view_json) const {
  return SendView(token, "views.open", {{"trigger_id", trigger_id}}, view_json);
}

SlackResult<Done> SlackWebApi::PublishView(const BotToken& token, std::string_view user,
                                           const std::string& view_json) const {
  return SendView(token, "views.publish", {{"user_id", user}}, view_json);
}

SlackResult<SlackUser> SlackWebApi::GetUser(const BotToken& token, std::string_view user) const {
  json args = {{"user", user}};
  auto outcome = Call(*http_, base_url_, *logger_, token, "users.info", args, true);
  if (outcome.error) return *outcome.error;
  auto found = outcome.body.find("user");
  if (found == outcome.body.end() || !found->is_object()) {
    throw officer::TransientError("Slack users.info answered without a user");
  }
  const json& data = *found;
  static const json kEmpty = json::object();
  auto profile_it = data.find("profile");
  const json& profile = profile_it != data.end() && profile_it->is_object() ? *profile_it : kEmpty;

  SlackUser out;
  out.id = Str(data, "id");
  out.name = Str(data, "name");
  out.real_name = Str(data, "real_name");
  if (out.real_name.empty()) out.real_name = Str(profile, "real_name");
  out.display_name = Str(profile, "display_name");
  out.email = Str(profile, "email");
  out.tz = Str(data, "tz");
  if (auto offset = data.find("tz_offset"); offset != data.end() && offset->is_number()) {
    out.tz_offset = offset->get<int>();
  }
  out.is_bot = data.value("is_bot", false);
  out.deleted = data.value("deleted", false);
  return out;
}

SlackResult<std::vector<std::string>> SlackWebApi::ListUsergroupMembers(
    const BotToken& token, std::string_view usergroup) const {
  json args = {{"usergroup", usergroup}};
  auto outcome = Call(*http_, base_url_, *logger_, token, "usergroups.users.list", args, true);
  if (outcome.error) return *outcome.error;
  return StringArray(outcome.body.value("users", json::array()));
}

SlackResult<std::vector<std::string>> SlackWebApi::ListChannelMembers(
    const BotToken& token, std::string_view channel) const {
  std::vector<std::string> members;
  std::set<std::string> seen_cursors;
  std::string cursor;
  for (int page = 0; page < kMaxPages; ++page) {
    json args = {{"channel", channel}, {"limit", std::to_string(kPageSize)}};
    if (!cursor.empty()) args["cursor"] = cursor;
    auto outcome = Call(*http_, base_url_, *logger_, token, "conversations.members", args, true);
    if (outcome.error) return *outcome.error;
    auto page_members = StringArray(outcome.body.value("members", json::array()));
    members.insert(members.end(), page_members.begin(), page_members.end());
    auto metadata = outcome.body.find("response_metadata");
    cursor = metadata != outcome.body.end() && metadata->is_object() ? Str(*metadata, "next_cursor")
                                                                     : std::string();
    if (cursor.empty()) return members;
    if (!seen_cursors.insert(cursor).second) break;
  }
  throw officer::TransientError("Slack conversations.members kept paginating without an end");
}

SlackResult<Done> SlackWebApi::PostToResponseUrl(std::string_view response_url,
                                                 const ResponseUrlMessage& message) const {
  json args = json::object();
  if (auto error = AddContent(args, message.content)) return *error;
  if (!message.response_type.empty()) args["response_type"] = message.response_type;
  if (message.replace_original) args["replace_original"] = true;
  if (message.delete_original) args["delete_original"] = true;

  http::HttpRequest request;
  request.method = http::Method::kPost;
  request.url = std::string(response_url);
  request.content_type = kJsonContentType;
  request.body = args.dump();
  request.redact_path = true;  // the response_url path is the credential
  auto response = http_->Send(request);
  if (response.IsSuccess()) {
    auto body = json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("ok") && !body.value("ok", true)) {
      std::string code = Str(body, "error");
      return SlackError{code.empty() ? "unknown_error" : code, {}, {}};
    }
    return Done{};
  }
  auto body = json::parse(response.body, nullptr, false);
  std::string code = body.is_object() ? Str(body, "error") : response.body;
  if (code.empty() || code.size() > 64) code = "http_" + std::to_string(response.status);
  logger_->info("slack response_url -> {}", code);
  return SlackError{code, {}, {}};
}

}  // namespace officer::integrations::slack
