#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/day_set.hpp>
#include <officer/domain/effects.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/ports/calendar_gateway.hpp>

// Microsoft Graph calendar wire formats <-> domain values: pure functions, no I/O.
namespace officer::integrations::msgraph {

/// availabilityViewInterval Officer asks for, in minutes. Only scheduleItems are read, so the
/// value just keeps availabilityView short.
inline constexpr int kAvailabilityViewMinutes = 30;

/// Graph's daysOfWeek names for the days, Monday first: ["monday", ..., "sunday"].
std::vector<std::string> DaysOfWeek(domain::DaySet days);

/// The first local date on or after `from` whose weekday is in `days` (`from` when `days` is
/// empty): the first occurrence, which start/end and range.startDate must name.
date::year_month_day FirstOccurrence(date::year_month_day from, domain::DaySet days);

/// A getSchedule body: {schedules, startTime/endTime {dateTime (UTC, no offset), timeZone:
/// "UTC"}, availabilityViewInterval}.
nlohmann::json ScheduleRequest(const std::vector<std::string>& schedules,
                               const domain::Interval& window);

/// A dateTimeTimeZone ({"dateTime": "2026-12-01T08:30:00.0000000", "timeZone": "UTC"}) as a UTC
/// instant. The zone may be "UTC", empty (UTC) or an IANA name; nullopt for anything else
/// (Windows zone names are not read: Officer always asks for UTC with the Prefer header).
std::optional<date::sys_seconds> ParseDateTimeTimeZone(const nlohmann::json& value);

/// One AttendeeAvailability per attendee, in input order, from a getSchedule response
/// ({"value": [scheduleInformation]}). scheduleId is matched exactly first, then ignoring ASCII
/// case. NotVisible when the schedule carries an `error` ({message, responseCode}) or is
/// missing from the answer. Every scheduleItem whose status is not "free" counts as busy:
/// busy, oof and tentative obviously, and workingElsewhere too (the brief's choice: a person
/// marked as working elsewhere may well not make a standup; a clash warning they can ignore
/// is cheaper than a missed one), as does any status Graph adds later.
/// Throws TransientError for a body that is not a getSchedule response or an unreadable item.
std::vector<domain::AttendeeAvailability> ParseSchedule(const nlohmann::json& response,
                                                        const std::vector<std::string>& attendees);

/// Whether the event asks for a Teams meeting: a VideoLink whose provider is "teams" and that
/// has no join URL yet.
bool WantsTeamsMeeting(const domain::RecurringEvent& event);

/// An event resource for POST /me/events: subject, body {contentType: "text", content},
/// start/end {dateTime local, timeZone IANA} of the first occurrence, recurrence {pattern
/// {type: "weekly", interval: 1, daysOfWeek, firstDayOfWeek: "monday"}, range {type: "noEnd",
/// startDate, recurrenceTimeZone}}, attendees [{emailAddress: {address}, type: "required"}]
/// (duplicates dropped; the room's resource e-mail as type "resource"), location {displayName}
/// (the room, or the video link), isOnlineMeeting + onlineMeetingProvider "teamsForBusiness"
/// when WantsTeamsMeeting, and `transaction_id` as transactionId (Graph's guard against a
/// retried POST creating the event twice) when not empty.
/// Throws PermanentError for an unknown zone, no days or an invalid start time.
nlohmann::json EventBody(const domain::RecurringEvent& event, const std::string& transaction_id);

/// The `code` of a Graph error envelope ({"error": {"code", "message"}}), when it is a plain
/// word; empty otherwise.
std::string ErrorCode(const std::string& body);

}  // namespace officer::integrations::msgraph
