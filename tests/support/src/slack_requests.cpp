#include <officer/testing/slack_requests.hpp>

#include <nlohmann/json.hpp>

#include <officer/bot/slack/signature.hpp>
#include <officer/bot/slack/url_form.hpp>

namespace officer::testing {

std::string CommandBody(const std::string& team, const std::string& channel,
                        const std::string& user, const std::string& text,
                        const std::string& response_url, const std::string& trigger_id) {
  bot::slack::UrlForm form;
  form.Add("token", "deprecated");
  form.Add("team_id", team);
  form.Add("team_domain", "acme");
  form.Add("channel_id", channel);
  form.Add("channel_name", "standups");
  form.Add("user_id", user);
  form.Add("user_name", user);
  form.Add("command", "/standup");
  form.Add("text", text);
  form.Add("response_url", response_url);
  form.Add("trigger_id", trigger_id);
  return bot::slack::EncodeForm(form);
}

std::string ClickBody(const std::string& team, const std::string& channel, const std::string& user,
                      const std::string& action_id, const std::string& meeting_id,
                      const std::string& response_url) {
  const nlohmann::json payload = {
      {"type", "block_actions"},
      {"user", {{"id", user}, {"username", user}, {"team_id", team}}},
      {"api_app_id", "A1"},
      {"team", {{"id", team}, {"domain", "acme"}}},
      {"channel", {{"id", channel}, {"name", "standups"}}},
      {"container", {{"type", "message"}, {"message_ts", "1.2"}, {"channel_id", channel}}},
      {"trigger_id", "t." + user + "." + action_id},
      {"response_url", response_url},
      {"actions",
       {{{"action_id", action_id},
         {"block_id", "standup_actions"},
         {"type", "button"},
         {"value", meeting_id},
         {"action_ts", "1700000000.1"}}}},
  };
  bot::slack::UrlForm form;
  form.Add("payload", payload.dump());
  return bot::slack::EncodeForm(form);
}

HttpReply PostSigned(const std::string& url, const std::string& secret, const std::string& body,
                     const std::string& content_type, std::chrono::seconds age,
                     const std::map<std::string, std::string>& extra_headers) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const date::sys_seconds timestamp{now.time_since_epoch() - age};
  std::map<std::string, std::string> headers = extra_headers;
  headers["Content-Type"] = content_type;
  headers["X-Slack-Request-Timestamp"] = std::to_string(timestamp.time_since_epoch().count());
  headers["X-Slack-Signature"] = bot::slack::SignSlackRequest(secret, timestamp, body);
  return HttpCall("POST", url, body, headers);
}

}  // namespace officer::testing
