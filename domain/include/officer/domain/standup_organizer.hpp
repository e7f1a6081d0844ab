#pragma once

// The organizer's operations: pure functions from (current state, request[, now]) to either a
// refusal a person can read or the new state plus the effects to carry out. No I/O, no clock.
// Every change bumps StandupMeeting::version by one; a request that changes nothing returns the
// state unchanged (same version) with no effects, so repeating it is harmless.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/day_set.hpp>
#include <officer/domain/effects.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/location.hpp>
#include <officer/domain/person_preferences.hpp>
#include <officer/domain/refusals.hpp>
#include <officer/domain/reminder_setting.hpp>
#include <officer/domain/standup_meeting.hpp>
#include <officer/domain/time_of_day.hpp>

namespace officer::domain {

/// The new state of a meeting and what to do about it.
struct Updated {
  StandupMeeting meeting;
  Effects effects;
  friend bool operator==(const Updated&, const Updated&) = default;
};

// ---- Book -----------------------------------------------------------------------------------

/// A person to invite, as the bot resolved them.
struct Invitee {
  UserId user;
  std::string display_name;
  std::string email;
  bool autoconfirm = false;  ///< their preference: accept invitations automatically
};

struct BookRequest {
  MeetingId id;  ///< chosen by the caller
  WorkspaceId workspace;
  ChannelId channel;
  Invitee organizer;              ///< always takes part
  std::vector<Invitee> invitees;  ///< may repeat people or include the organizer
  std::string title;              ///< empty: kDefaultTitle
  TimeOfDay start;
  int duration_minutes = 15;
  DaySet days = DaySet::Weekdays();
  std::string zone_name;
  std::optional<date::year_month_day> first_day;  ///< nullopt: the next possible occurrence
  Location location;  ///< a VideoLink with an empty join_url asks for one to be created
  std::optional<ReminderSetting> reminder;  ///< the meeting's own reminder lead
};

inline constexpr const char* kDefaultTitle = "Daily standup";

/// A booked standup: version 1, organizer Accepted, invitees Invited (or Accepted when they
/// auto-confirm, with a RespondOnCalendar effect each).
struct Booked {
  StandupMeeting meeting;
  Effects effects;
  friend bool operator==(const Booked&, const Booked&) = default;
};

using BookingResult = std::variant<Booked, BadTime, BadDuration, NoDays, TooFewPeople,
                                   UnknownTimeZone, FirstDayInPast>;

/// Books a standup. `zone` is request.zone_name resolved by the caller (nullptr when no such
/// zone). The first day defaults to the local date of the first occurrence after `now`.
/// Effects, in order: CheckCalendars (before the standup's own event exists, so it is not its own
/// clash), CreateVideoMeeting (if asked), CreateCalendarEvent, PostMeetingMessage,
/// RespondOnCalendar per auto-confirming invitee, ScheduleReminders.
BookingResult Book(const BookRequest& request, const date::time_zone* zone, date::sys_seconds now);

// ---- Conflicts ------------------------------------------------------------------------------

using ConflictsResult = std::variant<Updated, AlreadyCancelled>;

/// Takes a DetectConflicts report keyed by participant user id (and, for a room, by its
/// name_or_email). Busy: the participant becomes Busy with the clash (unless they declined) and
/// gets a Clash DM. NotVisible: an Invited participant becomes CalendarNotVisible. Free: Busy or
/// CalendarNotVisible go back to Invited. A busy room keeps its clash note (Room::clash_note)
/// and sends the organizer a RoomBusy DM; a free room drops it. Applying the same report twice
/// changes nothing the second time (no DMs either).
ConflictsResult ApplyConflicts(const StandupMeeting& meeting, const ConflictReport& report);

// ---- Attendance -----------------------------------------------------------------------------

struct AttendanceRequest {
  MeetingId meeting;
  UserId user;
};

using AttendanceResult = std::variant<Updated, MeetingNotFound, NotAParticipant, AlreadyCancelled>;

/// The participant accepts. Effects: UpdateMeetingMessage, RespondOnCalendar (not for the
/// organizer), ScheduleReminders. Idempotent.
AttendanceResult Confirm(const std::optional<StandupMeeting>& current,
                         const AttendanceRequest& request);
/// The participant declines (and so gets no reminders). Same effects as Confirm. Idempotent.
AttendanceResult Decline(const std::optional<StandupMeeting>& current,
                         const AttendanceRequest& request);

// ---- Cancel ---------------------------------------------------------------------------------

struct CancelRequest {
  MeetingId meeting;
  UserId user;
};

using CancelResult = std::variant<Updated, MeetingNotFound, NotTheOrganizer, AlreadyCancelled>;

/// The organizer cancels. Effects: DeleteCalendarEvent (if any), DeleteVideoMeeting (if
/// created), CancelReminders, UpdateMeetingMessage, a Cancelled DM to every other participant.
CancelResult Cancel(const std::optional<StandupMeeting>& current, const CancelRequest& request);

// ---- Agenda ---------------------------------------------------------------------------------

struct AgendaAddRequest {
  MeetingId meeting;
  UserId user;
  std::string text;  ///< trimmed; must be 1..kMaxAgendaItemChars bytes
};

using AgendaAddResult = std::variant<Updated, MeetingNotFound, NotAParticipant, AlreadyCancelled,
                                     EmptyAgendaItem, AgendaItemTooLong>;

/// A participant adds an item at the end. Effect: UpdateMeetingMessage.
AgendaAddResult AgendaAdd(const std::optional<StandupMeeting>& current,
                          const AgendaAddRequest& request);

struct AgendaDoneRequest {
  MeetingId meeting;
  UserId user;
  std::size_t number = 0;  ///< 1-based, as listed
};

using AgendaDoneResult =
    std::variant<Updated, MeetingNotFound, NotAParticipant, AlreadyCancelled, AgendaItemNotFound>;

/// A participant marks item `number` done. Effect: UpdateMeetingMessage. Idempotent.
AgendaDoneResult AgendaDone(const std::optional<StandupMeeting>& current,
                            const AgendaDoneRequest& request);

// ---- Personal preferences -------------------------------------------------------------------

struct ReminderPreferenceRequest {
  UserId user;
  std::optional<MeetingId> meeting;  ///< nullopt: for all meetings
  ReminderSetting setting = ReminderSetting::Off();
};

/// A person's new preferences and what to do about them.
struct PreferencesChanged {
  PersonPreferences preferences;
  Effects effects;
  friend bool operator==(const PreferencesChanged&, const PreferencesChanged&) = default;
};

using ReminderPreferenceResult =
    std::variant<PreferencesChanged, BadReminderLead, MeetingNotFound, NotAParticipant>;

/// Sets "remind N m|off [id|all]". For one meeting, `meeting` is that meeting as loaded (nullopt
/// when not found) and the person must take part in it; for all meetings it is ignored.
/// Effects: ScheduleReminders for the meeting, or ReplanPersonReminders for all. Idempotent.
ReminderPreferenceResult SetReminderPreference(const PersonPreferences& current,
                                               const std::optional<StandupMeeting>& meeting,
                                               const ReminderPreferenceRequest& request);

/// Sets "autoconfirm on|off"; applies to invitations from now on.
PersonPreferences SetAutoconfirm(PersonPreferences current, bool on);

/// Sets where "remind … dm|channel" sends this person's reminders, for all their standups.
PersonPreferences SetReminderPlace(PersonPreferences current, ReminderPlace place);

// ---- Recording what effects produced --------------------------------------------------------

/// Stores the created calendar event's id, and the Meet or Teams link it came with when the
/// standup asked for one (effect UpdateMeetingMessage); when that link is missing, the organizer
/// is told (SendDirectMessage VideoLinkMissing). On a meeting cancelled meanwhile, nothing is
/// stored and the effect is DeleteCalendarEvent for it.
Updated RecordCalendarEvent(const StandupMeeting& meeting, const std::string& event_id,
                            const std::string& join_url = {});

/// Stores the created video meeting. Effect: UpdateMeetingMessage. On a meeting cancelled
/// meanwhile, nothing is stored and the effect is DeleteVideoMeeting for it.
Updated RecordVideoMeeting(const StandupMeeting& meeting, const std::string& join_url,
                           const std::string& external_id);

/// Stores where the meeting message was posted.
Updated RecordMessage(const StandupMeeting& meeting, const MessageRef& message);

}  // namespace officer::domain
