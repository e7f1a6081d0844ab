#include <officer/bot/standup/slack_chat_notifier.hpp>

#include <date/tz.h>

#include <nlohmann/json.hpp>

#include <officer/bot/render/meeting_message.hpp>
#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/notice.hpp>
#include <officer/bot/render/reminder.hpp>
#include <officer/domain/errors.hpp>

#include "zones.hpp"

namespace officer::bot::standup {

namespace {

SlackPost PostOf(const render::SlackMessage& message) {
  return SlackPost{message.text, message.blocks.dump()};
}

}  // namespace

domain::MessageRef SlackChatNotifier::PostMeetingMessage(const domain::MeetingCard& card) {
  const auto& meeting = card.meeting;
  const auto message = render::MeetingMessage(meeting, card.next_occurrence, ZoneOf(meeting));
  const auto ts =
      slack_.PostMessage(meeting.workspace.value(), meeting.channel.value(), PostOf(message));
  return domain::MessageRef{meeting.channel.value(), ts};
}

void SlackChatNotifier::UpdateMeetingMessage(const domain::MessageRef& ref,
                                             const domain::MeetingCard& card) {
  const auto& meeting = card.meeting;
  const auto message = render::MeetingMessage(meeting, card.next_occurrence, ZoneOf(meeting));
  slack_.UpdateMessage(meeting.workspace.value(), ref.channel, ref.ts, PostOf(message));
}

void SlackChatNotifier::SendDirectMessage(const domain::UserId& to,
                                          const domain::MeetingNotice& notice) {
  const auto& meeting = notice.meeting;
  const auto message = render::Notice(meeting, notice.reason, notice.note, ZoneOf(meeting));
  slack_.SendDirect(meeting.workspace.value(), to.value(), PostOf(message));
}

void SlackChatNotifier::ReplyEphemeral(const domain::EphemeralReply& reply) {
  slack_.PostEphemeral(reply.workspace.value(), reply.channel.value(), reply.user.value(), "",
                       SlackPost{reply.text, "[]"});
}

void SlackChatNotifier::SendReminder(const domain::UserId& to,
                                     const domain::MeetingReminder& reminder) {
  const auto& meeting = reminder.meeting;
  const auto message =
      render::Reminder(meeting, reminder.occurrence, reminder.lead, ZoneOf(meeting));
  if (reminder.place == domain::ReminderPlace::DirectMessage) {
    slack_.SendDirect(meeting.workspace.value(), to.value(), PostOf(message));
    return;
  }
  // In the channel the reminder names its person, so it reaches them and not everyone.
  auto blocks = nlohmann::json::array(
      {{{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", render::Mention(to)}}}}});
  for (const auto& block : message.blocks) blocks.push_back(block);
  slack_.PostMessage(meeting.workspace.value(), meeting.channel.value(),
                     SlackPost{render::Mention(to) + " " + message.text, blocks.dump()});
}

}  // namespace officer::bot::standup
