#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/day_set.hpp>
#include <officer/domain/effects.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/ports/calendar_gateway.hpp>

// Google Calendar v3 wire formats <-> domain values: pure functions, no I/O.
namespace officer::integrations::google {

/// "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" for the days, Monday first.
std::string RecurrenceRule(domain::DaySet days);

/// A FreeBusyRequest: timeMin/timeMax in UTC RFC 3339 and one item per calendar id.
nlohmann::json FreeBusyRequest(const std::vector<std::string>& calendar_ids,
                               const domain::Interval& window);

/// One AttendeeAvailability per attendee, in input order, from a FreeBusyResponse: the busy
/// periods of calendars.<id>.busy; NotVisible when the calendar has any `errors` entry (e.g.
/// notFound: unknown, or not shared with the caller) or is missing from the answer. Ids are
/// matched exactly first, then ignoring ASCII case (Google answers with normalised ids).
/// Throws TransientError for a body that is not a FreeBusyResponse or an unreadable period.
std::vector<domain::AttendeeAvailability> ParseFreeBusy(const nlohmann::json& response,
                                                        const std::vector<std::string>& attendees);

/// Whether the event asks for a Google Meet link: a VideoLink whose provider is "google_meet"
/// (or "meet") and that has no join URL yet.
bool WantsMeetLink(const domain::RecurringEvent& event);

/// The Meet link of an Event resource: hangoutLink, else conferenceData's "video" entry point;
/// empty when it has none (yet: a conference still "pending" has no link).
std::string MeetLinkOf(const nlohmann::json& event);

/// An Event resource for events.insert: summary, description, start/end as local dateTime plus
/// the IANA timeZone (which Google expands the recurrence in), recurrence [RRULE], attendees
/// [{email}] (duplicates dropped), location (the room, or the video link), and with a Meet link
/// asked for, conferenceData.createRequest {requestId, conferenceSolutionKey: hangoutsMeet}.
/// Throws PermanentError for an unknown zone, no days or an invalid start time.
nlohmann::json EventBody(const domain::RecurringEvent& event, const std::string& meet_request_id);

/// The body Respond PATCHes onto the attendee's own copy of an event:
/// {"attendeesOmitted": true, "attendees": [{"email": <their address>, "responseStatus":
/// "accepted"|"declined"}]}: with attendeesOmitted, Google updates only that participant.
nlohmann::json ResponseBody(const std::string& self_email, domain::CalendarResponse response);

/// The `reason` of a Google error envelope ({"error":{"errors":[{"reason":...}]}}), when it is
/// a plain word; empty otherwise.
std::string ErrorReason(const std::string& body);

}  // namespace officer::integrations::google
