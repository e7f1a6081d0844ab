#include <officer/bot/standup/reply_jobs.hpp>

#include <nlohmann/json.hpp>

#include <officer/bot/render/modal.hpp>
#include <officer/bot/standup/replies.hpp>
#include <officer/domain/errors.hpp>

namespace officer::bot::standup {

namespace {

nlohmann::json Payload(const std::string& payload) {
  auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw PermanentError("a job payload that is not a JSON object");
  }
  return json;
}

}  // namespace

void RunReplyJob(SlackApi& slack, const std::string& payload) {
  const auto job = Payload(payload);
  slack.PostEphemeral(job.value("team", ""), job.value("channel", ""), job.value("user", ""),
                      job.value("response_url", ""), SlackPost{job.value("text", ""), "[]"});
}

void RunDirectJob(SlackApi& slack, const std::string& payload) {
  const auto job = Payload(payload);
  slack.SendDirect(job.value("team", ""), job.value("user", ""),
                   SlackPost{job.value("text", ""), "[]"});
}

void RunPublishHomeJob(SlackApi& slack, StandupService& service, const std::string& payload) {
  const auto job = Payload(payload);
  const std::string team = job.value("team", "");
  const std::string user = job.value("user", "");
  slack.PublishHome(team, user, service.HomeView(team, user).dump());
}

void RunOpenModalJob(SlackApi& slack, const std::string& payload,
                     const std::string& default_time_zone) {
  const auto job = Payload(payload);
  const std::string team = job.value("team", "");
  const std::string user = job.value("user", "");
  const auto person = slack.User(team, user);
  const std::string zone =
      person && !person->time_zone.empty() ? person->time_zone : default_time_zone;
  const auto view = render::BookingModal(job.value("channel", ""), zone);
  if (!slack.OpenView(team, job.value("trigger_id", ""), view.dump())) {
    slack.PostEphemeral(team, job.value("channel", ""), user, job.value("response_url", ""),
                        SlackPost{ModalUnavailableText(), "[]"});
  }
}

}  // namespace officer::bot::standup
