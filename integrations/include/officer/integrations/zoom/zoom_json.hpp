#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <officer/domain/day_set.hpp>
#include <officer/domain/ports/video_meeting_provider.hpp>
#include <officer/domain/standup_meeting.hpp>

// Zoom Meetings API wire formats <-> domain values: pure functions, no I/O.
namespace officer::integrations::zoom {

/// Zoom's error code for an invalid or expired access token.
inline constexpr int kInvalidAccessToken = 124;
/// Zoom's error code for a meeting that does not exist.
inline constexpr int kMeetingNotFound = 3001;

/// recurrence.weekly_days for the days: Zoom counts 1 = Sunday ... 7 = Saturday, so Monday to
/// Friday is "2,3,4,5,6".
std::string WeeklyDays(domain::DaySet days);

/// A body for POST /users/me/meetings: topic, type 8 (recurring with a fixed time), start_time
/// of the first occurrence as local "YYYY-MM-DDTHH:MM:SS" with timezone (IANA), duration,
/// recurrence {type: 2 (weekly), repeat_interval: 1, weekly_days}, settings {join_before_host:
/// true, waiting_room: false}. The first occurrence is the first of the meeting's days on or
/// after first_day. Throws PermanentError for an unknown zone, no days or an invalid start time.
nlohmann::json MeetingBody(const domain::StandupMeeting& meeting);

/// join_url and id (a number, as a decimal string) of a created meeting; nullopt when either
/// is missing.
std::optional<domain::CreatedVideoMeeting> ParseCreatedMeeting(const nlohmann::json& body);

/// The `code` of a Zoom error body ({"code": 124, "message": ...}); nullopt when the body is
/// not one (Zoom sometimes answers XML or nothing).
std::optional<int> ErrorCode(const std::string& body);

}  // namespace officer::integrations::zoom
