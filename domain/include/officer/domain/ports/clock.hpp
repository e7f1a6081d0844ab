#pragma once

#include <date/date.h>

namespace officer::domain {

/// The one source of "now" for long-lived objects; pure functions take `now` as a value.
class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock() = default;

  /// Returns the current UTC instant. Never throws.
  virtual date::sys_seconds Now() const = 0;
};

}  // namespace officer::domain
