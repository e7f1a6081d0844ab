#pragma once

#include <cstddef>
#include <string>

#include <date/date.h>

#include <officer/domain/ids.hpp>

namespace officer::domain {

// Refusals: a request a person made that Officer will not carry out, as values the bot renders
// into a message naming the problem. They are never exceptions.

/// A standup needs at least two people, the organizer included. `count` is after de-duplication.
struct TooFewPeople {
  std::size_t count = 0;
  friend bool operator==(const TooFewPeople&, const TooFewPeople&) = default;
};

/// Duration outside kMinDurationMinutes..kMaxDurationMinutes.
struct BadDuration {
  int minutes = 0;
  friend bool operator==(const BadDuration&, const BadDuration&) = default;
};

/// Start time is not a time of day.
struct BadTime {
  int hour = 0;
  int minute = 0;
  friend bool operator==(const BadTime&, const BadTime&) = default;
};

/// No day of the week was chosen.
struct NoDays {
  friend bool operator==(const NoDays&, const NoDays&) = default;
};

/// The zone name is not in the IANA database.
struct UnknownTimeZone {
  std::string name;
  friend bool operator==(const UnknownTimeZone&, const UnknownTimeZone&) = default;
};

/// The requested first day is before today in the meeting's zone.
struct FirstDayInPast {
  date::year_month_day first_day;
  date::year_month_day today;
  friend bool operator==(const FirstDayInPast&, const FirstDayInPast&) = default;
};

/// No standup has this id.
struct MeetingNotFound {
  MeetingId meeting;
  friend bool operator==(const MeetingNotFound&, const MeetingNotFound&) = default;
};

/// Only the standup's participants may do this.
struct NotAParticipant {
  MeetingId meeting;
  UserId user;
  friend bool operator==(const NotAParticipant&, const NotAParticipant&) = default;
};

/// Only the organizer may do this.
struct NotTheOrganizer {
  MeetingId meeting;
  UserId organizer;
  friend bool operator==(const NotTheOrganizer&, const NotTheOrganizer&) = default;
};

/// The standup is already cancelled (cancelling twice, or acting on a cancelled standup).
struct AlreadyCancelled {
  MeetingId meeting;
  friend bool operator==(const AlreadyCancelled&, const AlreadyCancelled&) = default;
};

/// An agenda item number (1-based) that the agenda does not have.
struct AgendaItemNotFound {
  MeetingId meeting;
  std::size_t number = 0;
  std::size_t count = 0;  ///< how many items the agenda has
  friend bool operator==(const AgendaItemNotFound&, const AgendaItemNotFound&) = default;
};

/// An agenda item with no text.
struct EmptyAgendaItem {
  friend bool operator==(const EmptyAgendaItem&, const EmptyAgendaItem&) = default;
};

/// An agenda item longer than `max_chars` bytes.
struct AgendaItemTooLong {
  std::size_t max_chars = 0;
  friend bool operator==(const AgendaItemTooLong&, const AgendaItemTooLong&) = default;
};

/// A reminder lead outside 0..kMaxReminderLeadMinutes.
struct BadReminderLead {
  int minutes = 0;
  friend bool operator==(const BadReminderLead&, const BadReminderLead&) = default;
};

inline constexpr int kMaxReminderLeadMinutes = 24 * 60;
inline constexpr std::size_t kMaxAgendaItemChars = 300;

}  // namespace officer::domain
