#include <officer/fakes/fake_slack_api.hpp>

#include <algorithm>
#include <cstdio>

namespace officer::fakes {

namespace {

using nlohmann::json;

constexpr std::string_view kApiPrefix = "/api/";
constexpr std::string_view kResponsePrefix = "/response/";
// Slack lets a response_url be used five times within 30 minutes.
constexpr int kResponseUrlUses = 5;

json Error(std::string_view code) { return json{{"ok", false}, {"error", code}}; }

// A Slack argument as text: form and query values are strings already, JSON ones may not be.
std::string Arg(const json& args, const char* key) {
  auto it = args.find(key);
  if (it == args.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// blocks arrive as an array in JSON bodies and as JSON text in form bodies.
std::optional<json> Blocks(const json& args) {
  auto it = args.find("blocks");
  if (it == args.end() || it->is_null()) return json::array();
  if (it->is_array()) return *it;
  if (it->is_string()) {
    auto parsed = json::parse(it->get<std::string>(), nullptr, false);
    if (!parsed.is_discarded() && parsed.is_array()) return parsed;
  }
  return std::nullopt;
}

json MessageJson(const FakeSlackMessage& message) {
  return json{{"type", "message"},    {"subtype", "bot_message"}, {"bot_id", "B0FAKE"},
              {"text", message.text}, {"ts", message.ts},         {"blocks", message.blocks}};
}

}  // namespace

FakeSlackApi::FakeSlackApi(std::uint16_t port) : server_(port) {
  tokens_.insert(std::string(kDefaultToken));
  server_.SetFallback([this](const RecordedRequest& request) {
    std::string_view path = request.path;
    if (path.substr(0, kApiPrefix.size()) == kApiPrefix) {
      return Dispatch(std::string(path.substr(kApiPrefix.size())), request);
    }
    if (path.substr(0, kResponsePrefix.size()) == kResponsePrefix) return ResponseUrlPost(request);
    return FakeResponse::Json(R"({"ok":false,"error":"not_found"})", 404);
  });
}

std::string FakeSlackApi::BaseUrl() const { return server_.BaseUrl() + "/api"; }

void FakeSlackApi::AddToken(std::string token) {
  std::lock_guard lock(mutex_);
  tokens_.insert(std::move(token));
}

void FakeSlackApi::AddUser(FakeSlackUser user) {
  std::lock_guard lock(mutex_);
  auto id = user.id;
  users_[id] = std::move(user);
}

void FakeSlackApi::AddUsergroup(std::string id, std::vector<std::string> users) {
  std::lock_guard lock(mutex_);
  usergroups_[std::move(id)] = std::move(users);
}

void FakeSlackApi::AddChannel(std::string id, std::vector<std::string> members) {
  std::lock_guard lock(mutex_);
  channels_[std::move(id)] = std::move(members);
}

void FakeSlackApi::SetMembersPageSize(int page_size) {
  std::lock_guard lock(mutex_);
  members_page_size_ = std::max(1, page_size);
}

void FakeSlackApi::FailMethod(const std::string& method, std::string error_code, int times) {
  std::lock_guard lock(mutex_);
  failures_[method] = {std::move(error_code), times};
}

void FakeSlackApi::ClearFailures() {
  std::lock_guard lock(mutex_);
  failures_.clear();
}

std::string FakeSlackApi::ResponseUrl(const std::string& id) const {
  return server_.BaseUrl() + std::string(kResponsePrefix) + id;
}

std::vector<FakeSlackMessage> FakeSlackApi::Messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

std::vector<FakeSlackMessage> FakeSlackApi::MessagesIn(std::string_view channel) const {
  std::lock_guard lock(mutex_);
  std::vector<FakeSlackMessage> out;
  for (const auto& message : messages_) {
    if (message.channel == channel) out.push_back(message);
  }
  return out;
}

std::optional<FakeSlackMessage> FakeSlackApi::FindMessage(std::string_view channel,
                                                          std::string_view ts) const {
  std::lock_guard lock(mutex_);
  for (const auto& message : messages_) {
    if (message.channel == channel && message.ts == ts) return message;
  }
  return std::nullopt;
}

std::vector<FakeSlackMessage> FakeSlackApi::Ephemerals() const {
  std::lock_guard lock(mutex_);
  return ephemerals_;
}

std::vector<FakeResponseUrlPost> FakeSlackApi::ResponseUrlPosts() const {
  std::lock_guard lock(mutex_);
  return response_posts_;
}

std::optional<std::string> FakeSlackApi::DmChannelOf(std::string_view user) const {
  std::lock_guard lock(mutex_);
  auto it = dms_.find(std::string(user));
  if (it == dms_.end()) return std::nullopt;
  return it->second;
}

FakeResponse FakeSlackApi::Dispatch(const std::string& method, const RecordedRequest& request) {
  // Slack reads arguments from the query string and from a form or JSON body.
  json args = json::object();
  for (auto& [key, value] : ParseFormFields(request.query)) args[key] = value;
  const std::string content_type = request.Header("content-type");
  if (content_type.find("application/json") != std::string::npos) {
    auto body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return FakeResponse::Json(Error("invalid_json").dump());
    }
    for (auto& [key, value] : body.items()) args[key] = value;
  } else if (!request.body.empty()) {
    for (auto& [key, value] : ParseFormFields(request.body)) args[key] = value;
  }

  std::string token;
  const std::string authorization = request.Header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) token = authorization.substr(7);
  if (token.empty()) token = Arg(args, "token");

  std::lock_guard lock(mutex_);
  if (token.empty()) return FakeResponse::Json(Error("not_authed").dump());
  if (tokens_.count(token) == 0) return FakeResponse::Json(Error("invalid_auth").dump());
  if (auto failure = failures_.find(method); failure != failures_.end()) {
    auto code = failure->second.first;
    if (failure->second.second > 0 && --failure->second.second == 0) failures_.erase(failure);
    return FakeResponse::Json(Error(code).dump());
  }
  auto result = Execute(method, args);
  if (result.is_null()) return FakeResponse::Json(Error("unknown_method").dump(), 404);
  return FakeResponse::Json(result.dump());
}

json FakeSlackApi::Execute(const std::string& method, const json& args) {
  if (method == "chat.postMessage") return PostMessage(args);
  if (method == "chat.update") return Update(args);
  if (method == "chat.postEphemeral") return PostEphemeral(args);
  if (method == "conversations.open") return OpenConversation(args);
  if (method == "users.info") return UsersInfo(args);
  if (method == "usergroups.users.list") return UsergroupUsers(args);
  if (method == "conversations.members") return ConversationMembers(args);
  if (method == "views.publish") return PublishView(args);
  return nullptr;
}

// views.publish as Slack documents it: user_id and a view of type "home", at most 100 blocks.
json FakeSlackApi::PublishView(const json& args) {
  const std::string user = Arg(args, "user_id");
  if (user.empty()) return Error("invalid_arguments");
  if (users_.count(user) == 0) return Error("user_not_found");
  json view = args.contains("view") ? args["view"] : json();
  if (view.is_string()) view = json::parse(view.get<std::string>(), nullptr, false);
  if (!view.is_object() || view.value("type", "") != "home" || !view.contains("blocks") ||
      !view["blocks"].is_array() || view["blocks"].size() > 100) {
    return Error("invalid_arguments");
  }
  auto& home = homes_[user];
  home.first = view;
  ++home.second;
  return {{"ok", true}, {"view", {{"id", "V" + std::to_string(++id_counter_)}, {"type", "home"}}}};
}

std::optional<json> FakeSlackApi::HomeViewOf(std::string_view user) const {
  std::lock_guard lock(mutex_);
  const auto found = homes_.find(std::string(user));
  if (found == homes_.end()) return std::nullopt;
  return found->second.first;
}

int FakeSlackApi::HomePublishes(std::string_view user) const {
  std::lock_guard lock(mutex_);
  const auto found = homes_.find(std::string(user));
  return found == homes_.end() ? 0 : found->second.second;
}

std::string FakeSlackApi::NextTs() {
  ++ts_counter_;
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%llu.%06llu",
                static_cast<unsigned long long>(1700000000 + ts_counter_ / 1000000),
                static_cast<unsigned long long>(ts_counter_ % 1000000));
  return buffer;
}

bool FakeSlackApi::KnownConversation(const std::string& channel) const {
  if (channels_.count(channel) != 0) return true;
  return std::any_of(dms_.begin(), dms_.end(),
                     [&](const auto& dm) { return dm.second == channel; });
}

json FakeSlackApi::PostMessage(const json& args) {
  std::string channel = Arg(args, "channel");
  if (users_.count(channel) != 0) {
    // Posting to a user id goes to the bot's DM with them.
    auto& dm = dms_[channel];
    if (dm.empty()) dm = "D" + std::to_string(++id_counter_) + "FAKE";
    channel = dm;
  }
  if (!KnownConversation(channel)) return Error("channel_not_found");
  auto blocks = Blocks(args);
  if (!blocks) return Error("invalid_blocks");
  FakeSlackMessage message;
  message.channel = channel;
  message.text = Arg(args, "text");
  message.blocks = *blocks;
  message.thread_ts = Arg(args, "thread_ts");
  if (message.text.empty() && message.blocks.empty()) return Error("no_text");
  message.ts = NextTs();
  messages_.push_back(message);
  return json{
      {"ok", true}, {"channel", channel}, {"ts", message.ts}, {"message", MessageJson(message)}};
}

json FakeSlackApi::Update(const json& args) {
  const std::string channel = Arg(args, "channel");
  const std::string ts = Arg(args, "ts");
  if (!KnownConversation(channel)) return Error("channel_not_found");
  auto it = std::find_if(messages_.begin(), messages_.end(), [&](const auto& message) {
    return message.channel == channel && message.ts == ts;
  });
  if (it == messages_.end()) return Error("message_not_found");
  auto blocks = Blocks(args);
  if (!blocks) return Error("invalid_blocks");
  std::string text = Arg(args, "text");
  if (text.empty() && blocks->empty()) return Error("no_text");
  it->text = text;
  it->blocks = *blocks;
  ++it->edits;
  return json{{"ok", true},
              {"channel", channel},
              {"ts", ts},
              {"text", it->text},
              {"message", MessageJson(*it)}};
}

json FakeSlackApi::PostEphemeral(const json& args) {
  const std::string channel = Arg(args, "channel");
  const std::string user = Arg(args, "user");
  if (!KnownConversation(channel)) return Error("channel_not_found");
  if (users_.count(user) == 0) return Error("user_not_found");
  if (auto members = channels_.find(channel); members != channels_.end()) {
    const auto& list = members->second;
    if (std::find(list.begin(), list.end(), user) == list.end()) {
      return Error("user_not_in_channel");
    }
  }
  auto blocks = Blocks(args);
  if (!blocks) return Error("invalid_blocks");
  FakeSlackMessage message;
  message.channel = channel;
  message.text = Arg(args, "text");
  message.blocks = *blocks;
  message.ephemeral_user = user;
  if (message.text.empty() && message.blocks.empty()) return Error("no_text");
  message.ts = NextTs();
  ephemerals_.push_back(message);
  return json{{"ok", true}, {"message_ts", message.ts}};
}

json FakeSlackApi::OpenConversation(const json& args) {
  std::vector<std::string> users;
  auto value = args.find("users");
  if (value != args.end() && value->is_array()) {
    for (const auto& user : *value)
      users.push_back(user.is_string() ? user.get<std::string>() : "");
  } else {
    std::string list = Arg(args, "users");
    std::size_t start = 0;
    while (start <= list.size() && !list.empty()) {
      auto comma = list.find(',', start);
      users.push_back(list.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (users.empty()) return Error("users_list_not_supplied");
  for (const auto& user : users) {
    if (users_.count(user) == 0) return Error("user_not_found");
  }
  std::string id;
  if (users.size() == 1) {
    auto& dm = dms_[users.front()];
    if (dm.empty()) dm = "D" + std::to_string(++id_counter_) + "FAKE";
    id = dm;
  } else {
    id = "G" + std::to_string(++id_counter_) + "FAKE";
    channels_[id] = users;
  }
  return json{{"ok", true}, {"channel", {{"id", id}}}};
}

json FakeSlackApi::UsersInfo(const json& args) {
  auto it = users_.find(Arg(args, "user"));
  if (it == users_.end()) return Error("user_not_found");
  const auto& user = it->second;
  return json{{"ok", true},
              {"user",
               {{"id", user.id},
                {"team_id", "T0FAKE"},
                {"name", user.name},
                {"deleted", user.deleted},
                {"real_name", user.real_name},
                {"tz", user.tz},
                {"tz_label", user.tz_label},
                {"tz_offset", user.tz_offset},
                {"is_bot", user.is_bot},
                {"profile",
                 {{"real_name", user.real_name},
                  {"display_name", user.display_name},
                  {"email", user.email}}}}}};
}

json FakeSlackApi::UsergroupUsers(const json& args) {
  auto it = usergroups_.find(Arg(args, "usergroup"));
  if (it == usergroups_.end()) return Error("no_such_subteam");
  return json{{"ok", true}, {"users", it->second}};
}

json FakeSlackApi::ConversationMembers(const json& args) {
  auto it = channels_.find(Arg(args, "channel"));
  if (it == channels_.end()) return Error("channel_not_found");
  const auto& members = it->second;
  std::size_t limit = 100;
  if (auto text = Arg(args, "limit"); !text.empty()) {
    try {
      limit = static_cast<std::size_t>(std::max(1, std::stoi(text)));
    } catch (const std::exception&) {
      return Error("invalid_limit");
    }
  }
  limit = std::min(limit, static_cast<std::size_t>(members_page_size_));
  std::size_t offset = 0;
  if (auto cursor = Arg(args, "cursor"); !cursor.empty()) {
    constexpr std::string_view kCursorPrefix = "cursor:";
    if (cursor.rfind(kCursorPrefix, 0) != 0) return Error("invalid_cursor");
    try {
      offset = std::stoul(cursor.substr(kCursorPrefix.size()));
    } catch (const std::exception&) {
      return Error("invalid_cursor");
    }
    if (offset > members.size()) return Error("invalid_cursor");
  }
  auto end = std::min(members.size(), offset + limit);
  json page = json::array();
  for (auto i = offset; i < end; ++i) page.push_back(members[i]);
  std::string next = end < members.size() ? "cursor:" + std::to_string(end) : "";
  return json{{"ok", true}, {"members", page}, {"response_metadata", {{"next_cursor", next}}}};
}

FakeResponse FakeSlackApi::ResponseUrlPost(const RecordedRequest& request) {
  const std::string id = request.path.substr(kResponsePrefix.size());
  auto payload = json::parse(request.body, nullptr, false);
  if (request.method != "POST" || payload.is_discarded() || !payload.is_object()) {
    return FakeResponse::Json(Error("invalid_payload").dump(), 400);
  }
  std::lock_guard lock(mutex_);
  if (++response_url_uses_[id] > kResponseUrlUses) {
    return FakeResponse::Json(Error("used_url").dump(), 404);
  }
  response_posts_.push_back({id, std::move(payload)});
  return FakeResponse::Json(R"({"ok":true})");
}

}  // namespace officer::fakes
