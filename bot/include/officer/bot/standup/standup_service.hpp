#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/bot/slack/command_text.hpp>
#include <officer/bot/slack/payload.hpp>
#include <officer/bot/standup/connect_links.hpp>
#include <officer/bot/standup/slack_api.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/ports/work_queue.hpp>

namespace officer::bot::standup {

struct ServiceSettings {
  std::chrono::minutes default_reminder{10};
  std::string default_time_zone = "UTC";
  std::string public_url = "http://localhost:5000";
};

/// Job kinds the service queues; the executable registers a handler for each.
inline constexpr const char* kBookJob = "book";
inline constexpr const char* kReplyJob = "reply";
inline constexpr const char* kOpenModalJob = "open_modal";
/// {team, user, text}: a direct message.
inline constexpr const char* kDirectJob = "direct";
/// {team, user}: publish the person's App Home tab.
inline constexpr const char* kPublishHomeJob = "publish_home";

/// What the slash command and the buttons do, within Slack's 3 seconds: quick database work
/// happens here, anything that calls Slack or a calendar is queued.
class StandupService {
 public:
  /// `connect_links` may be null: `connect` then says the providers are not set up.
  StandupService(domain::MeetingRepository& meetings, domain::WorkQueue& queue,
                 const domain::Clock& clock, ServiceSettings settings,
                 ConnectLinks* connect_links = nullptr);

  /// The private answer to a slash command.
  SlackPost HandleCommand(const slack::SlashCommandRequest& request);
  /// Queues an Accept, Decline or Cancel click as a click job (one insert), for RunClickJobs to
  /// apply; other actions queue nothing. Throws TransientError when the job cannot be queued.
  void QueueClick(const slack::BlockActions& click);
  /// Click jobs, as the job workers hand them over: a run of clicks on one meeting, in the order
  /// they came. Applies them as HandleClicks does. Throws TransientError to be retried.
  void RunClickJobs(const std::vector<std::string>& payloads);
  /// Applies Accept, Decline and Cancel clicks in order, each as if alone: concurrent clicks lose
  /// nothing, a repeated click changes nothing. The message is updated by a queued job; each
  /// refusal is queued as a private reply to the person who clicked.
  void HandleClicks(const std::vector<slack::BlockActions>& clicks);
  /// The booking modal's submission: empty when accepted, else error messages by block id.
  std::map<std::string, std::string> HandleModal(const slack::ViewSubmission& submission);
  /// Someone opened Officer's Home tab: queues publishing it (once per Slack event id, so a
  /// retried event publishes once). Throws TransientError when the job cannot be queued.
  void QueueHome(const std::string& team, const std::string& user, const std::string& event_id);
  /// The Home tab `user` of `team` sees now (views.publish's `view`).
  nlohmann::json HomeView(const std::string& team, const std::string& user);

  const ServiceSettings& Settings() const { return settings_; }

 private:
  SlackPost Book(const slack::SlashCommandRequest& request, const slack::BookCommand& command);

  domain::MeetingRepository& meetings_;
  domain::WorkQueue& queue_;
  const domain::Clock& clock_;
  ServiceSettings settings_;
  ConnectLinks* connect_links_;
  /// `help` for the usual slash command, composed once: it never changes.
  const SlackPost default_usage_;
};

}  // namespace officer::bot::standup
