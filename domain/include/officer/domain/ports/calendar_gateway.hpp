#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <date/date.h>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/day_set.hpp>
#include <officer/domain/effects.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/location.hpp>
#include <officer/domain/time_of_day.hpp>

namespace officer::domain {

/// A recurring event to put on the organizer's calendar.
struct RecurringEvent {
  std::string title;
  std::string zone_name;           ///< IANA zone of start and first_day
  date::year_month_day first_day;  ///< local date of the first occurrence
  TimeOfDay start;
  std::chrono::minutes duration{15};
  DaySet days;                               ///< the weekly recurrence rule
  std::vector<std::string> attendee_emails;  ///< participants, and a room's resource e-mail
  Location location;
  std::string description;
};

/// What the calendar made of a RecurringEvent.
struct CreatedCalendarEvent {
  std::string event_id;  ///< what DeleteEvent, Respond and EventStatus take
  std::string join_url;  ///< the Meet or Teams link the calendar added, if it was asked for one
  friend bool operator==(const CreatedCalendarEvent&, const CreatedCalendarEvent&) = default;
};

enum class CalendarEventStatus { Active, Cancelled };

/// A person's calendar (Google, Microsoft, or Officer's local one), acting for `owner`.
/// Failures throw TransientError (retry later) or PermanentError (e.g. reconnect needed).
class CalendarGateway {
 public:
  CalendarGateway() = default;
  CalendarGateway(const CalendarGateway&) = delete;
  CalendarGateway& operator=(const CalendarGateway&) = delete;
  virtual ~CalendarGateway() = default;

  /// Busy intervals within `window` for each attendee key (e-mail), in input order; NotVisible
  /// for a calendar `owner` may not read.
  virtual std::vector<AttendeeAvailability> FreeBusy(const UserId& owner,
                                                     const std::vector<std::string>& attendees,
                                                     const Interval& window) = 0;
  /// Creates the recurring event on `owner`'s calendar, inviting the attendees. A location
  /// that ComesWithCalendarEvent asks for the calendar's own link, where it has one.
  virtual CreatedCalendarEvent CreateRecurringEvent(const UserId& owner,
                                                    const RecurringEvent& event) = 0;
  /// Deletes the event (all occurrences); deleting a missing event is not an error.
  virtual void DeleteEvent(const UserId& owner, const std::string& event_id) = 0;
  /// Answers `person`'s invitation to the event on their own calendar.
  virtual void Respond(const UserId& person, const std::string& event_id,
                       CalendarResponse response) = 0;
  /// Whether the event still stands; a deleted event reads as Cancelled.
  virtual CalendarEventStatus EventStatus(const UserId& owner, const std::string& event_id) = 0;
};

}  // namespace officer::domain
