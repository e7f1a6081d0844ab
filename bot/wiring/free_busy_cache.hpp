#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

#include <date/date.h>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/ports/clock.hpp>

namespace officer::wiring {

/// A short-lived memory of free/busy answers, per process, so a team booking several standups
/// in a row does not query every calendar each time. Keyed by (the account that asked, the
/// attendee, the window rounded out to whole hours): callers ask providers for the rounded
/// window, so any window inside it is answered from the same entry. An entry lives kLifetime,
/// and is dropped earlier when Officer books or cancels for the attendee (Forget). Other
/// replicas keep their own entries: at worst they see a booking kLifetime late. Thread-safe.
class FreeBusyCache {
 public:
  static constexpr std::chrono::minutes kLifetime{5};

  explicit FreeBusyCache(const domain::Clock& clock) : clock_(clock) {}

  /// `window` widened to whole hours (start floored, end ceiled).
  static domain::Interval Round(const domain::Interval& window) {
    const auto start = date::floor<std::chrono::hours>(window.start);
    auto end = date::ceil<std::chrono::hours>(window.end);
    return domain::Interval{start, end};
  }

  std::optional<domain::Availability> Find(const std::string& account, const std::string& attendee,
                                           const domain::Interval& rounded) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(Key{account, Lower(attendee), rounded.start, rounded.end});
    if (it == entries_.end()) return std::nullopt;
    if (clock_.Now() >= it->second.stored_at + kLifetime) {
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.availability;
  }

  void Store(const std::string& account, const std::string& attendee,
             const domain::Interval& rounded, domain::Availability availability) {
    std::lock_guard lock(mutex_);
    entries_[Key{account, Lower(attendee), rounded.start, rounded.end}] =
        Entry{std::move(availability), clock_.Now()};
  }

  /// Drops every answer about `attendee`, whoever asked.
  void Forget(const std::string& attendee) {
    const auto key = Lower(attendee);
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = std::get<1>(it->first) == key ? entries_.erase(it) : std::next(it);
    }
  }

  void ForgetAll() {
    std::lock_guard lock(mutex_);
    entries_.clear();
  }

  std::size_t Size() {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  using Key = std::tuple<std::string, std::string, date::sys_seconds, date::sys_seconds>;
  struct Entry {
    domain::Availability availability;
    date::sys_seconds stored_at;
  };

  static std::string Lower(std::string text) {
    for (auto& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
  }

  const domain::Clock& clock_;
  std::mutex mutex_;
  std::map<Key, Entry> entries_;
};

}  // namespace officer::wiring
