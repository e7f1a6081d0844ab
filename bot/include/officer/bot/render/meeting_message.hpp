#pragma once

#include <optional>
#include <string>

#include <date/tz.h>

#include <officer/bot/render/slack_message.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/location.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {

/// Button action ids on the meeting message; each button's value is the meeting id.
inline constexpr const char* kAcceptActionId = "standup_accept";
inline constexpr const char* kDeclineActionId = "standup_decline";
inline constexpr const char* kCancelActionId = "standup_cancel";

/// The meeting message posted into the channel and updated in place after every change: title,
/// days, time, zone, duration, next occurrence (in `zone`, the meeting's zone), video link or room,
/// every participant with their status, the agenda, the id, and Accept / Decline / Cancel buttons
/// (Cancel asks for confirmation). A cancelled meeting says so, keeps the details and has no
/// buttons. Stays within Block Kit's limits however many people or agenda items there are.
SlackMessage MeetingMessage(const domain::StandupMeeting& meeting,
                            std::optional<domain::Interval> next_occurrence,
                            const date::time_zone& zone);

/// "Video: <url|Join Zoom>", "Video: Zoom link coming…", "Video: no Google Meet link (…)" once
/// the calendar event came without one, "Room: Room 4"; empty without a location.
std::string LocationLine(const domain::StandupMeeting& meeting);

}  // namespace officer::bot::render
