#pragma once

#include <chrono>

#include <optional>
#include <string>

#include <officer/domain/effects.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/person_preferences.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain {

/// What the meeting message shows: the meeting and, if any, its next occurrence.
struct MeetingCard {
  const StandupMeeting& meeting;
  std::optional<Interval> next_occurrence;
};

/// A direct message about a meeting, as data; the adapter words and lays it out.
struct MeetingNotice {
  const StandupMeeting& meeting;
  DirectMessageReason reason = DirectMessageReason::Clash;
  std::string note;
};

/// A reminder of one occurrence, as data.
struct MeetingReminder {
  const StandupMeeting& meeting;
  Interval occurrence;
  std::chrono::minutes lead{0};  ///< what is left until the start
  ReminderPlace place = ReminderPlace::DirectMessage;
};

/// A private reply to one person in a channel, already worded by the bot's renderer.
struct EphemeralReply {
  WorkspaceId workspace;
  ChannelId channel;
  UserId user;
  std::string text;
};

/// The chat platform as the organizer uses it (Slack, Teams, or local mode's printer).
/// Failures throw TransientError or PermanentError.
class ChatNotifier {
 public:
  ChatNotifier() = default;
  ChatNotifier(const ChatNotifier&) = delete;
  ChatNotifier& operator=(const ChatNotifier&) = delete;
  virtual ~ChatNotifier() = default;

  /// Posts the meeting message into the meeting's channel; returns where it went.
  virtual MessageRef PostMeetingMessage(const MeetingCard& card) = 0;
  /// Replaces the posted meeting message in place.
  virtual void UpdateMeetingMessage(const MessageRef& message, const MeetingCard& card) = 0;
  /// Sends `to` a direct message about the meeting.
  virtual void SendDirectMessage(const UserId& to, const MeetingNotice& notice) = 0;
  /// Shows one person a message only they can see.
  virtual void ReplyEphemeral(const EphemeralReply& reply) = 0;
  /// Reminds `to` of an occurrence, by direct message or in the standup's channel.
  virtual void SendReminder(const UserId& to, const MeetingReminder& reminder) = 0;
};

}  // namespace officer::domain
