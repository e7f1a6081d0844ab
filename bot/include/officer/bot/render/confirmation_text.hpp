#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <officer/bot/render/slack_message.hpp>
#include <officer/bot/slack/command_text.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/reminder_setting.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {

// Replies (mrkdwn, usually ephemeral) to commands that worked. User text is escaped.

/// The immediate reply to `book` (or the modal), before the slow work: "Booking *Daily standup*
/// at 9:30 Europe/Berlin on weekdays for 15 min with <@U2> and <@U3>. I'll post it here in a
/// moment." `zone_name` is the zone the time is in (the command's `tz`, else the organizer's);
/// empty reads "at 9:30 your time".
std::string BookingAck(const slack::BookCommand& command, const std::string& zone_name);

/// "Cancelled *Daily standup* (`m-abc`). I'll let the others know and take it off the calendar."
std::string CancelAck(const domain::StandupMeeting& meeting);

/// "I'll remind you 5 minutes before every standup." / "No more reminders for m-abc." …
/// `meeting` nullopt means the setting is for all the person's standups.
std::string ReminderPreferenceAck(const std::optional<domain::MeetingId>& meeting,
                                  const domain::ReminderSetting& setting);

/// What `autoconfirm on|off` now means for the person.
std::string AutoconfirmAck(bool on);

/// `agenda <id>`: the title, then the items numbered (done ones struck through), or how to add one.
SlackMessage AgendaMessage(const domain::StandupMeeting& meeting);

/// After `agenda <id> add`: "Added item 3 to the agenda of *Daily standup*: Release plan".
/// `meeting` is the updated meeting; the new item is its last.
std::string AgendaAddedAck(const domain::StandupMeeting& meeting);

/// After `agenda <id> done <n>`: "Marked item 2 of *Daily standup* done: ~Release plan~".
std::string AgendaDoneAck(const domain::StandupMeeting& meeting, std::size_t number);

}  // namespace officer::bot::render
