#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include <officer/bot/render/slack_message.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {

/// The next occurrence of a meeting, or nullopt (cancelled, or its zone is unknown).
using NextOccurrenceOf =
    std::function<std::optional<domain::Interval>(const domain::StandupMeeting&)>;
/// A zone by IANA name, or nullptr when unknown.
using ZoneOf = std::function<const date::time_zone*(const std::string&)>;

/// `/standup list`: "Your standups:", then one line per meeting with its id, title, days, time and
/// zone, whether `viewer` organizes it or takes part, their status, and (when `zone_of` is given)
/// the next occurrence in the meeting's zone. Active meetings come first, soonest first by
/// `next_of`; cancelled ones last, marked. No meetings: how to book one.
SlackMessage MeetingList(const std::vector<domain::StandupMeeting>& meetings,
                         const domain::UserId& viewer, const NextOccurrenceOf& next_of,
                         const ZoneOf& zone_of = {});

}  // namespace officer::bot::render
