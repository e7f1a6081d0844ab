#pragma once

#include <date/date.h>

namespace officer::domain {

/// A half-open span of UTC time [start, end).
struct Interval {
  date::sys_seconds start;
  date::sys_seconds end;

  /// True when the two share an instant; intervals that only touch do not overlap.
  constexpr bool Overlaps(const Interval& other) const noexcept {
    return start < other.end && other.start < end;
  }

  friend constexpr bool operator==(const Interval&, const Interval&) = default;
};

}  // namespace officer::domain
