#pragma once

#include <chrono>
#include <compare>

namespace officer::domain {

/// A wall-clock time of day in some zone, to the minute.
struct TimeOfDay {
  int hour = 0;    ///< 0..23
  int minute = 0;  ///< 0..59

  /// True when hour and minute name a real time of day.
  constexpr bool IsValid() const noexcept {
    return hour >= 0 && hour < 24 && minute >= 0 && minute < 60;
  }
  /// The time since local midnight.
  constexpr std::chrono::minutes SinceMidnight() const noexcept {
    return std::chrono::minutes{hour * 60 + minute};
  }

  friend constexpr bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
  friend constexpr auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

}  // namespace officer::domain
