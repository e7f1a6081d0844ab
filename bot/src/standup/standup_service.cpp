#include <officer/bot/standup/standup_service.hpp>

#include <algorithm>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <officer/bot/render/confirmation_text.hpp>
#include <officer/bot/render/home_view.hpp>
#include <officer/bot/render/meeting_list.hpp>
#include <officer/bot/render/modal.hpp>
#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/refusal_text.hpp>
#include <officer/bot/slack/command_text.hpp>
#include <officer/bot/standup/book_job.hpp>
#include <officer/bot/standup/click_job.hpp>
#include <officer/bot/standup/meeting_update.hpp>
#include <officer/bot/standup/replies.hpp>
#include <officer/domain/schedule.hpp>
#include <officer/domain/standup_organizer.hpp>

#include "zones.hpp"

namespace officer::bot::standup {

namespace {

namespace d = domain;

SlackPost Text(std::string text) { return SlackPost{std::move(text), "[]"}; }

// Renders any refusal alternative of a domain result; the success alternative is handled apart.
template <typename Result>
std::string Refusal(const Result& result) {
  return std::visit(
      [](const auto& value) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, d::Updated>) {
          return {};
        } else {
          return render::Explain(value);
        }
      },
      result);
}

// What a batch of clicks did to their meeting: the saved change, or nothing to save.
struct NothingChanged {};
using ClicksResult = std::variant<d::Updated, NothingChanged>;

// Applies one click to `current` (the meeting as the clicks before it left it): on a change,
// moves it on and adds the effects. Returns the refusal to tell the person, empty when none.
std::string ApplyClick(const slack::BlockActions& click, std::optional<d::StandupMeeting>& current,
                       d::Effects& effects) {
  const d::MeetingId id(click.action.value.value_or(""));
  const d::UserId user(click.user_id);
  std::optional<d::StandupMeeting> seen;
  if (current && current->workspace == d::WorkspaceId(click.team_id)) seen = current;
  auto take = [&](auto result) -> std::string {
    auto* updated = std::get_if<d::Updated>(&result);
    if (updated == nullptr) return Refusal(result);
    if (!seen || updated->meeting.version != seen->version) {
      current = std::move(updated->meeting);
      effects.insert(effects.end(), updated->effects.begin(), updated->effects.end());
    }
    return {};
  };
  const auto& action = click.action.action_id;
  if (action == "standup_accept") return take(d::Confirm(seen, d::AttendanceRequest{id, user}));
  if (action == "standup_decline") return take(d::Decline(seen, d::AttendanceRequest{id, user}));
  if (action == "standup_cancel") return take(d::Cancel(seen, d::CancelRequest{id, user}));
  return {};  // a button of ours from an older message layout; nothing to do
}

std::string ReplyPayload(const std::string& team, const std::string& channel,
                         const std::string& user, const std::string& response_url,
                         const std::string& text) {
  return nlohmann::json{{"team", team},
                        {"channel", channel},
                        {"user", user},
                        {"response_url", response_url},
                        {"text", text}}
      .dump();
}

// Each meeting's next occurrence after `now`, in its own zone (none when the zone is unknown).
render::NextOccurrenceOf NextOccurrenceAfter(date::sys_seconds now) {
  return [now](const d::StandupMeeting& meeting) -> std::optional<d::Interval> {
    const auto* zone = FindZone(meeting.zone_name);
    return zone ? d::NextOccurrence(meeting, *zone, now) : std::nullopt;
  };
}

}  // namespace

StandupService::StandupService(d::MeetingRepository& meetings, d::WorkQueue& queue,
                               const d::Clock& clock, ServiceSettings settings,
                               ConnectLinks* connect_links)
    : meetings_(meetings),
      queue_(queue),
      clock_(clock),
      settings_(std::move(settings)),
      connect_links_(connect_links),
      default_usage_(Text(slack::UsageText(slack::kDefaultSlashCommand))) {}

SlackPost StandupService::HandleCommand(const slack::SlashCommandRequest& request) {
  auto parsed = slack::ParseCommandText(request.text, request.command.empty()
                                                          ? slack::kDefaultSlashCommand
                                                          : std::string_view(request.command));
  if (!parsed) {
    return Text(render::Explain(parsed.error()));
  }
  const d::WorkspaceId workspace(request.team_id);
  const d::UserId user(request.user_id);
  return std::visit(
      Overloaded{
          [&](const slack::HelpCommand&) {
            return request.command == slack::kDefaultSlashCommand
                       ? default_usage_
                       : Text(slack::UsageText(request.command));
          },
          [&](const slack::OpenModalCommand&) {
            queue_.Enqueue(kOpenModalJob,
                           nlohmann::json{{"team", request.team_id},
                                          {"channel", request.channel_id},
                                          {"user", request.user_id},
                                          {"trigger_id", request.trigger_id},
                                          {"response_url", request.response_url}}
                               .dump(),
                           request.trigger_id.empty() ? "" : "modal:" + request.trigger_id);
            return Text(OpeningModalText());
          },
          [&](const slack::BookCommand& command) { return Book(request, command); },
          [&](const slack::ListCommand&) {
            const auto mine = meetings_.ListForPerson(workspace, user);
            auto message = render::MeetingList(mine, user, NextOccurrenceAfter(clock_.Now()));
            return SlackPost{message.text, message.blocks.dump()};
          },
          [&](const slack::CancelCommand& command) {
            const d::MeetingId id(command.meeting_id);
            auto result = UpdateMeeting(meetings_, id, workspace, [&](const auto& current) {
              return d::Cancel(current, d::CancelRequest{id, user});
            });
            if (const auto* updated = std::get_if<d::Updated>(&result)) {
              return Text(render::CancelAck(updated->meeting));
            }
            return Text(Refusal(result));
          },
          [&](const slack::RemindCommand& command) {
            d::ReminderPreferenceRequest change;
            change.user = user;
            change.setting =
                command.minutes ? d::ReminderSetting::Before(std::chrono::minutes(*command.minutes))
                                : d::ReminderSetting::Off();
            std::optional<d::StandupMeeting> meeting;
            if (command.scope == slack::RemindScope::kMeeting) {
              change.meeting = d::MeetingId(command.meeting_id);
              meeting = meetings_.Load(*change.meeting);
              if (meeting && meeting->workspace != workspace) meeting.reset();
            }
            const auto current = meetings_.LoadPreferences(workspace, user);
            auto result = d::SetReminderPreference(current, meeting, change);
            if (auto* changed = std::get_if<d::PreferencesChanged>(&result)) {
              if (command.place) {
                changed->preferences = d::SetReminderPlace(
                    changed->preferences, *command.place == slack::ReminderPlace::kChannel
                                              ? d::ReminderPlace::Channel
                                              : d::ReminderPlace::DirectMessage);
              }
              meetings_.SavePreferences(workspace, changed->preferences, changed->effects);
              std::string ack = render::ReminderPreferenceAck(change.meeting, change.setting);
              if (command.place) {
                ack += *command.place == slack::ReminderPlace::kChannel
                           ? " Your reminders now come in the standup's channel."
                           : " Your reminders now come as direct messages.";
              }
              return Text(ack);
            }
            return Text(std::visit(
                [](const auto& value) -> std::string {
                  if constexpr (std::is_same_v<std::decay_t<decltype(value)>,
                                               d::PreferencesChanged>) {
                    return {};
                  } else {
                    return render::Explain(value);
                  }
                },
                result));
          },
          [&](const slack::AutoconfirmCommand& command) {
            auto preferences =
                d::SetAutoconfirm(meetings_.LoadPreferences(workspace, user), command.enabled);
            meetings_.SavePreferences(workspace, preferences, {});
            return Text(render::AutoconfirmAck(command.enabled));
          },
          [&](const slack::AgendaCommand& command) {
            const d::MeetingId id(command.meeting_id);
            return std::visit(
                Overloaded{
                    [&](const slack::AgendaShow&) {
                      auto meeting = meetings_.Load(id);
                      if (!meeting || meeting->workspace != workspace) {
                        return Text(render::Explain(d::MeetingNotFound{id}));
                      }
                      if (meeting->FindParticipant(user) == nullptr) {
                        return Text(render::Explain(d::NotAParticipant{id, user}));
                      }
                      const auto message = render::AgendaMessage(*meeting);
                      return SlackPost{message.text, message.blocks.dump()};
                    },
                    [&](const slack::AgendaAdd& add) {
                      auto result = UpdateMeeting(meetings_, id, workspace, [&](const auto& m) {
                        return d::AgendaAdd(m, d::AgendaAddRequest{id, user, add.text});
                      });
                      if (const auto* updated = std::get_if<d::Updated>(&result)) {
                        return Text(render::AgendaAddedAck(updated->meeting));
                      }
                      return Text(Refusal(result));
                    },
                    [&](const slack::AgendaDone& done) {
                      auto result = UpdateMeeting(meetings_, id, workspace, [&](const auto& m) {
                        return d::AgendaDone(
                            m, d::AgendaDoneRequest{id, user, static_cast<std::size_t>(done.item)});
                      });
                      if (const auto* updated = std::get_if<d::Updated>(&result)) {
                        return Text(render::AgendaDoneAck(updated->meeting,
                                                          static_cast<std::size_t>(done.item)));
                      }
                      return Text(Refusal(result));
                    },
                },
                command.action);
          },
          [&](const slack::ConnectCommand& command) {
            const auto link = connect_links_ == nullptr
                                  ? std::nullopt
                                  : connect_links_->LinkFor(workspace, user, command.provider);
            return Text(link ? ConnectLinkText(command.provider, *link)
                             : ConnectText(command.provider));
          },
      },
      *parsed);
}

void StandupService::QueueHome(const std::string& team, const std::string& user,
                               const std::string& event_id) {
  queue_.Enqueue(kPublishHomeJob, nlohmann::json{{"team", team}, {"user", user}}.dump(),
                 event_id.empty() ? "" : "home:" + event_id);
}

nlohmann::json StandupService::HomeView(const std::string& team, const std::string& user) {
  const d::UserId viewer(user);
  const auto mine = meetings_.ListForPerson(d::WorkspaceId(team), viewer);
  return render::HomeView(mine, viewer, NextOccurrenceAfter(clock_.Now()),
                          [](const std::string& name) { return FindZone(name); });
}

SlackPost StandupService::Book(const slack::SlashCommandRequest& request,
                               const slack::BookCommand& command) {
  BookJob job{request.team_id,      request.channel_id, request.user_id,
              request.response_url, NewMeetingId(),     command};
  // A retried request carries the same trigger id, so it queues nothing the second time.
  queue_.Enqueue(kBookJob, EncodeBookJob(job),
                 request.trigger_id.empty() ? "" : "book:" + request.trigger_id);
  return Text(render::BookingAck(command, command.time_zone.value_or("")));
}

void StandupService::QueueClick(const slack::BlockActions& click) {
  if (!IsStandupButton(click)) return;  // a button of ours from an older message layout
  queue_.EnqueueInOrder(kClickJob, EncodeClickJob(click), ClickQueueKey(click));
}

void StandupService::RunClickJobs(const std::vector<std::string>& payloads) {
  std::vector<slack::BlockActions> clicks;
  clicks.reserve(payloads.size());
  for (const auto& payload : payloads) {
    // Only QueueClick writes these; a payload that does not read as a click has nothing to apply.
    auto click = DecodeClickJob(payload);
    if (click && IsStandupButton(*click)) clicks.push_back(std::move(*click));
  }
  HandleClicks(clicks);
}

void StandupService::HandleClicks(const std::vector<slack::BlockActions>& clicks) {
  // The clicks on one meeting, in order: one load and at most one save for them all.
  std::vector<std::string> meeting_ids;
  for (const auto& click : clicks) {
    const auto id = click.action.value.value_or("");
    if (std::find(meeting_ids.begin(), meeting_ids.end(), id) == meeting_ids.end()) {
      meeting_ids.push_back(id);
    }
  }
  std::vector<std::string> replies;
  for (const auto& meeting_id : meeting_ids) {
    std::vector<const slack::BlockActions*> mine;
    for (const auto& click : clicks) {
      if (click.action.value.value_or("") == meeting_id) mine.push_back(&click);
    }
    std::vector<std::string> refusals;
    // Another workspace's meeting reads as not found there, click by click.
    UpdateMeeting(meetings_, d::MeetingId(meeting_id), std::nullopt,
                  [&](const std::optional<d::StandupMeeting>& loaded) {
                    refusals.assign(mine.size(), {});
                    std::optional<d::StandupMeeting> current = loaded;
                    d::Effects effects;
                    for (std::size_t i = 0; i < mine.size(); ++i) {
                      refusals[i] = ApplyClick(*mine[i], current, effects);
                    }
                    return current && (!loaded || current->version != loaded->version)
                               ? ClicksResult{d::Updated{*current, std::move(effects)}}
                               : ClicksResult{NothingChanged{}};
                  });
    for (std::size_t i = 0; i < mine.size(); ++i) {
      if (refusals[i].empty()) continue;
      const auto& click = *mine[i];
      replies.push_back(ReplyPayload(click.team_id, click.channel_id, click.user_id,
                                     click.response_url, refusals[i]));
    }
  }
  queue_.EnqueueEach(kReplyJob, replies);
}

std::map<std::string, std::string> StandupService::HandleModal(
    const slack::ViewSubmission& submission) {
  auto booking = render::BookingFromModal(submission);
  if (auto* errors = std::get_if<std::map<std::string, std::string>>(&booking)) return *errors;
  slack::SlashCommandRequest request;
  request.team_id = submission.team_id;
  request.channel_id = submission.private_metadata;
  request.user_id = submission.user_id;
  request.response_url = submission.response_url;
  request.trigger_id = submission.view_id + ":" + submission.hash;
  Book(request, std::get<slack::BookCommand>(booking));
  return {};
}

}  // namespace officer::bot::standup
