#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <date/tz.h>

#include <officer/domain/interval.hpp>

namespace officer::domain {

/// Officer could not read this attendee's free/busy information.
struct NotVisible {
  friend bool operator==(const NotVisible&, const NotVisible&) = default;
};

/// An attendee's busy intervals over the checked window (any order, may overlap), or NotVisible.
using Availability = std::variant<std::vector<Interval>, NotVisible>;

/// What a calendar says about one attendee. The key is whatever names the attendee to the caller:
/// a user id, an e-mail, or a room's resource e-mail (rooms are checked like people).
struct AttendeeAvailability {
  std::string attendee;
  Availability availability;
  /// The zone to write this attendee's clash note in; nullptr: the zone passed to DetectConflicts.
  const date::time_zone* zone = nullptr;
};

/// The attendee has no clash with any occurrence.
struct Free {
  friend bool operator==(const Free&, const Free&) = default;
};

/// The attendee is busy during at least one occurrence.
struct Busy {
  Interval occurrence;          ///< the earliest occurrence that clashes
  Interval busy;                ///< the earliest-starting busy interval overlapping it
  std::size_t clash_count = 0;  ///< how many occurrences clash
  std::string note;             ///< ClashNote(busy, zone)
  friend bool operator==(const Busy&, const Busy&) = default;
};

using Verdict = std::variant<Free, Busy, NotVisible>;

struct AttendeeVerdict {
  std::string attendee;
  Verdict verdict;
  friend bool operator==(const AttendeeVerdict&, const AttendeeVerdict&) = default;
};

/// One verdict per input attendee, in input order.
using ConflictReport = std::vector<AttendeeVerdict>;

/// Checks each attendee's busy intervals against the occurrences. Touching intervals (one ends
/// when the other starts) do not clash; overlapping and nested ones do. Per attendee:
/// O(B log B + O log O) for B busy intervals and O occurrences (sort, merge, linear sweep).
ConflictReport DetectConflicts(std::vector<Interval> occurrences,
                               const std::vector<AttendeeAvailability>& attendees,
                               const date::time_zone& note_zone);

/// The verdict for one attendee's busy intervals; `occurrences` must be sorted by start.
Verdict CheckAttendee(const std::vector<Interval>& occurrences, std::vector<Interval> busy,
                      const date::time_zone& note_zone);

}  // namespace officer::domain
