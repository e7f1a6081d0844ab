#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/interval.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain {

/// The UTC instant a local wall-clock time denotes in `zone`.
/// - Unique local time: the obvious instant.
/// - Ambiguous (fall-back overlap, the hour happens twice): the earlier instant.
/// - Nonexistent (spring-forward gap): the instant the gap ends, i.e. the first valid instant
///   after it (Berlin 29 Mar 2026 02:30 → 03:00 CEST = 01:00 UTC). We do not shift by the gap's
///   length (which would give 03:30): the standup then starts as close to its usual time as the
///   clock allows, and keeps its full duration.
date::sys_seconds ResolveLocal(date::local_seconds local, const date::time_zone& zone);

// Known limit: Debian's date/tz 3.0.1 reads the compiled zoneinfo files, whose transitions end
// in 2037, and does not apply the POSIX rule that follows them; later dates keep the last offset.

/// The occurrences of `meeting` whose start lies in [from, to), in order, as UTC intervals,
/// computed in `zone` (the meeting's zone, resolved once by the caller). Local start times stay
/// fixed across daylight-saving changes. A cancelled meeting has none.
std::vector<Interval> Occurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                                  date::sys_seconds from, date::sys_seconds to);

/// Same as Occurrences, appending to `out` (lets a caller reuse one buffer for many meetings).
void AppendOccurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                       date::sys_seconds from, date::sys_seconds to, std::vector<Interval>& out);

/// The first occurrence starting strictly after `after`; nullopt when cancelled or without days.
std::optional<Interval> NextOccurrence(const StandupMeeting& meeting, const date::time_zone& zone,
                                       date::sys_seconds after);

/// The first `n` occurrences starting strictly after `after` (fewer only when there are none).
std::vector<Interval> FirstOccurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                                       std::size_t n, date::sys_seconds after);

}  // namespace officer::domain
