#include <officer/bot/standup/click_job.hpp>

#include <nlohmann/json.hpp>

namespace officer::bot::standup {

namespace {

constexpr const char* kAccept = "standup_accept";
constexpr const char* kDecline = "standup_decline";
constexpr const char* kCancel = "standup_cancel";

}  // namespace

bool IsStandupButton(const slack::BlockActions& click) {
  const auto& id = click.action.action_id;
  return id == kAccept || id == kDecline || id == kCancel;
}

std::string EncodeClickJob(const slack::BlockActions& click) {
  return nlohmann::json{{"team", click.team_id},
                        {"user", click.user_id},
                        {"channel", click.channel_id},
                        {"response_url", click.response_url},
                        {"action", click.action.action_id},
                        {"meeting", click.action.value.value_or("")}}
      .dump();
}

std::optional<slack::BlockActions> DecodeClickJob(const std::string& payload) {
  const auto job = nlohmann::json::parse(payload, nullptr, false);
  if (job.is_discarded() || !job.is_object()) return std::nullopt;
  for (const char* field : {"team", "user", "channel", "response_url", "action", "meeting"}) {
    if (!job.contains(field) || !job[field].is_string()) return std::nullopt;
  }
  slack::BlockActions click;
  click.team_id = job["team"].get<std::string>();
  click.user_id = job["user"].get<std::string>();
  click.channel_id = job["channel"].get<std::string>();
  click.response_url = job["response_url"].get<std::string>();
  click.action.action_id = job["action"].get<std::string>();
  click.action.value = job["meeting"].get<std::string>();
  return click;
}

std::string ClickQueueKey(const slack::BlockActions& click) {
  // Apart from the meeting's effect jobs ("meeting:<id>"), so a click never waits for the
  // message update to Slack that an earlier click queued.
  return "click:" + click.action.value.value_or("");
}

}  // namespace officer::bot::standup
