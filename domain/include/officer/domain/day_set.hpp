#pragma once

#include <cstdint>
#include <initializer_list>

#include <date/date.h>

namespace officer::domain {

/// The days of the week a standup takes place on.
class DaySet {
 public:
  constexpr DaySet() = default;

  /// Monday to Friday.
  static constexpr DaySet Weekdays() noexcept { return FromBits(0b0111110); }
  /// Every day of the week.
  static constexpr DaySet Daily() noexcept { return FromBits(0b1111111); }
  /// Exactly the given days.
  static constexpr DaySet Of(std::initializer_list<date::weekday> days) noexcept {
    DaySet set;
    for (auto day : days) set.Add(day);
    return set;
  }
  /// The set whose bit `1 << d.c_encoding()` is set for each day d (Sunday is bit 0); for storage.
  static constexpr DaySet FromBits(std::uint8_t bits) noexcept {
    DaySet set;
    set.bits_ = static_cast<std::uint8_t>(bits & 0b1111111);
    return set;
  }

  /// Adds a day; adding a day twice changes nothing.
  constexpr DaySet& Add(date::weekday day) noexcept {
    bits_ = static_cast<std::uint8_t>(bits_ | (1U << day.c_encoding()));
    return *this;
  }
  constexpr bool Contains(date::weekday day) const noexcept {
    return (bits_ >> day.c_encoding()) & 1U;
  }
  constexpr bool Empty() const noexcept { return bits_ == 0; }
  constexpr std::uint8_t Bits() const noexcept { return bits_; }

  friend constexpr bool operator==(DaySet, DaySet) = default;

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace officer::domain
