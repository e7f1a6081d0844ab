#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <officer/domain/ids.hpp>

namespace officer::domain {

// Effects: what the caller must carry out after saving the new state, in the order given.
// Each names the meeting; the rest of what it needs is in the returned StandupMeeting.

/// Post the meeting message into the meeting's channel, then record it (RecordMessage).
struct PostMeetingMessage {
  MeetingId meeting;
  friend bool operator==(const PostMeetingMessage&, const PostMeetingMessage&) = default;
};

/// Re-render the meeting message in place (if it has been posted).
struct UpdateMeetingMessage {
  MeetingId meeting;
  friend bool operator==(const UpdateMeetingMessage&, const UpdateMeetingMessage&) = default;
};

enum class DirectMessageReason {
  Clash,      ///< the person is busy during an occurrence; `note` names the clash
  RoomBusy,   ///< to the organizer: the room is booked during an occurrence; `note` says when
  Cancelled,  ///< the organizer cancelled the standup
  /// To the organizer: the calendar the standup went on added no Meet or Teams link
  VideoLinkMissing,
};

/// Send one person a direct message about the meeting.
struct SendDirectMessage {
  MeetingId meeting;
  UserId to;
  DirectMessageReason reason = DirectMessageReason::Clash;
  std::string note;  ///< the clash note for Clash/RoomBusy, else empty
  friend bool operator==(const SendDirectMessage&, const SendDirectMessage&) = default;
};

/// Read every participant's (and the room's) free/busy for the next 10 occurrences, run
/// DetectConflicts, then ApplyConflicts.
struct CheckCalendars {
  MeetingId meeting;
  friend bool operator==(const CheckCalendars&, const CheckCalendars&) = default;
};

/// Put the recurring event on the organizer's calendar, then RecordCalendarEvent.
struct CreateCalendarEvent {
  MeetingId meeting;
  friend bool operator==(const CreateCalendarEvent&, const CreateCalendarEvent&) = default;
};

/// Remove the event from the organizer's calendar.
struct DeleteCalendarEvent {
  MeetingId meeting;
  std::string event_id;
  friend bool operator==(const DeleteCalendarEvent&, const DeleteCalendarEvent&) = default;
};

/// Create the recurring video meeting, then RecordVideoMeeting.
struct CreateVideoMeeting {
  MeetingId meeting;
  std::string provider;
  friend bool operator==(const CreateVideoMeeting&, const CreateVideoMeeting&) = default;
};

/// Delete the video meeting at its provider.
struct DeleteVideoMeeting {
  MeetingId meeting;
  std::string provider;
  std::string external_id;
  friend bool operator==(const DeleteVideoMeeting&, const DeleteVideoMeeting&) = default;
};

/// (Re)plan the meeting's reminders from its current state (PlanReminders).
struct ScheduleReminders {
  MeetingId meeting;
  friend bool operator==(const ScheduleReminders&, const ScheduleReminders&) = default;
};

/// Drop every pending reminder of the meeting.
struct CancelReminders {
  MeetingId meeting;
  friend bool operator==(const CancelReminders&, const CancelReminders&) = default;
};

/// (Re)plan one person's reminders for all their meetings (after "remind … all").
struct ReplanPersonReminders {
  UserId user;
  friend bool operator==(const ReplanPersonReminders&, const ReplanPersonReminders&) = default;
};

enum class CalendarResponse { Accepted, Declined };

/// Answer the meeting's calendar invitation on the person's own calendar.
struct RespondOnCalendar {
  MeetingId meeting;
  UserId user;
  CalendarResponse response = CalendarResponse::Accepted;
  friend bool operator==(const RespondOnCalendar&, const RespondOnCalendar&) = default;
};

using Effect =
    std::variant<PostMeetingMessage, UpdateMeetingMessage, SendDirectMessage, CheckCalendars,
                 CreateCalendarEvent, DeleteCalendarEvent, CreateVideoMeeting, DeleteVideoMeeting,
                 ScheduleReminders, CancelReminders, ReplanPersonReminders, RespondOnCalendar>;

using Effects = std::vector<Effect>;

}  // namespace officer::domain
