#pragma once

#include <atomic>
#include <chrono>

#include <date/date.h>

#include <officer/domain/ports/clock.hpp>

namespace officer::testing {

/// A clock that stands still until a test moves it. Safe to read from many threads.
class ManualClock final : public domain::Clock {
 public:
  explicit ManualClock(date::sys_seconds start) : now_(start) {}
  date::sys_seconds Now() const override { return now_.load(); }
  void Advance(std::chrono::seconds by) { now_ = now_.load() + by; }

 private:
  std::atomic<date::sys_seconds> now_;
};

}  // namespace officer::testing
