#pragma once

#include <string>

#include <date/tz.h>

#include <officer/bot/render/slack_message.hpp>
#include <officer/domain/effects.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {

/// The direct message for a SendDirectMessage effect, `note` being the effect's note. `zone` is the
/// meeting's zone.
/// - Clash (to a busy participant): "You're busy during *Daily standup*: busy 09:00–10:00 on Tue
///   1 Dec. It's at 9:30 Europe/Berlin on weekdays in <#C1>. …"
/// - RoomBusy (to the organizer): "*Room 4* is booked during *Daily standup*: … "
/// - Cancelled: "<@U1> cancelled *Daily standup* (weekdays 9:30 Europe/Berlin)."
SlackMessage Notice(const domain::StandupMeeting& meeting, domain::DirectMessageReason reason,
                    const std::string& note, const date::time_zone& zone);

}  // namespace officer::bot::render
