#pragma once

#include <chrono>

#include <date/tz.h>

#include <officer/bot/render/slack_message.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {

/// The reminder a person gets `lead` before `occurrence`: "*Daily standup* starts in 10 minutes
/// (09:30 Europe/Berlin)", then the video link or room, then the agenda items not yet done (with
/// their numbers as in `/standup agenda`), and how to turn reminders off. `zone` is the meeting's.
SlackMessage Reminder(const domain::StandupMeeting& meeting, const domain::Interval& occurrence,
                      std::chrono::minutes lead, const date::time_zone& zone);

}  // namespace officer::bot::render
