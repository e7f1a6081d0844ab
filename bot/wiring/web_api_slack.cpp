#include "web_api_slack.hpp"

#include <officer/domain/errors.hpp>

namespace officer::wiring {

namespace {

namespace slack = integrations::slack;

[[noreturn]] void Refused(const char* method, const slack::SlackError& error) {
  throw PermanentError(std::string("Slack refused ") + method + ": " + error.code);
}

bool IsNotFound(const slack::SlackError& error) {
  return error.code == "user_not_found" || error.code == "channel_not_found" ||
         error.code == "no_such_subteam" || error.code == "subteam_not_found" ||
         error.code == "not_in_channel" || error.code == "missing_scope";
}

template <typename T>
std::optional<T> FoundOrNothing(const char* method, slack::SlackResult<T> result) {
  if (result) return std::move(result).value();
  if (IsNotFound(result.error())) return std::nullopt;
  Refused(method, result.error());
}

slack::MessageContent Content(const bot::standup::SlackPost& post) {
  return slack::MessageContent{post.text, post.blocks_json == "[]" ? "" : post.blocks_json};
}

}  // namespace

slack::BotToken WebApiSlack::Token(const std::string& team) const {
  // One workspace per SLACK_BOT_TOKEN for now; installs through OAuth will key tokens by team.
  if (!bot_token_) {
    throw PermanentError("no Slack bot token for workspace " + team + "; set SLACK_BOT_TOKEN");
  }
  return slack::BotToken(*bot_token_);
}

std::string WebApiSlack::PostMessage(const std::string& team, const std::string& channel,
                                     const bot::standup::SlackPost& post) {
  auto posted = api_.PostMessage(Token(team), channel, Content(post));
  if (!posted) Refused("chat.postMessage", posted.error());
  return posted->ts;
}

void WebApiSlack::UpdateMessage(const std::string& team, const std::string& channel,
                                const std::string& ts, const bot::standup::SlackPost& post) {
  auto updated = api_.UpdateMessage(Token(team), channel, ts, Content(post));
  if (!updated) Refused("chat.update", updated.error());
}

void WebApiSlack::PostEphemeral(const std::string& team, const std::string& channel,
                                const std::string& user, const std::string& response_url,
                                const bot::standup::SlackPost& post) {
  // response_url reaches the person even in channels the bot is not a member of.
  if (!response_url.empty()) {
    auto sent = api_.PostToResponseUrl(
        response_url, slack::ResponseUrlMessage{Content(post), "ephemeral", false, false});
    if (sent) return;
  }
  auto sent = api_.PostEphemeral(Token(team), channel, user, Content(post));
  if (!sent) Refused("chat.postEphemeral", sent.error());
}

void WebApiSlack::SendDirect(const std::string& team, const std::string& user,
                             const bot::standup::SlackPost& post) {
  auto channel = api_.OpenConversation(Token(team), {user});
  if (!channel) Refused("conversations.open", channel.error());
  auto posted = api_.PostMessage(Token(team), *channel, Content(post));
  if (!posted) Refused("chat.postMessage", posted.error());
}

std::optional<bot::standup::SlackPerson> WebApiSlack::User(const std::string& team,
                                                           const std::string& user) {
  auto found = FoundOrNothing("users.info", api_.GetUser(Token(team), user));
  if (!found) return std::nullopt;
  const std::string name = !found->display_name.empty() ? found->display_name
                           : !found->real_name.empty()  ? found->real_name
                                                        : found->name;
  return bot::standup::SlackPerson{found->id, name,          found->email,
                                   found->tz, found->is_bot, found->deleted};
}

std::optional<std::vector<std::string>> WebApiSlack::UsergroupMembers(const std::string& team,
                                                                      const std::string& group) {
  return FoundOrNothing("usergroups.users.list", api_.ListUsergroupMembers(Token(team), group));
}

std::optional<std::vector<std::string>> WebApiSlack::ChannelMembers(const std::string& team,
                                                                    const std::string& channel) {
  return FoundOrNothing("conversations.members", api_.ListChannelMembers(Token(team), channel));
}

bool WebApiSlack::OpenView(const std::string& team, const std::string& trigger_id,
                           const std::string& view_json) {
  auto opened = api_.OpenView(Token(team), trigger_id, view_json);
  if (!opened) Refused("views.open", opened.error());
  return true;
}

void WebApiSlack::PublishHome(const std::string& team, const std::string& user,
                              const std::string& view_json) {
  auto published = api_.PublishView(Token(team), user, view_json);
  if (!published) Refused("views.publish", published.error());
}

}  // namespace officer::wiring
