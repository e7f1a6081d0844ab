#pragma once

#include <chrono>
#include <optional>

namespace officer::domain {

/// A choice made at one level of the reminder precedence: a lead time, or "off".
/// Absence of a choice at a level is std::optional<ReminderSetting>{}.
class ReminderSetting {
 public:
  /// No reminder at all.
  static constexpr ReminderSetting Off() noexcept { return ReminderSetting{std::nullopt}; }
  /// A reminder this long before each occurrence.
  static constexpr ReminderSetting Before(std::chrono::minutes lead) noexcept {
    return ReminderSetting{lead};
  }

  constexpr bool IsOff() const noexcept { return !lead_.has_value(); }
  /// The lead, or nullopt when off.
  constexpr std::optional<std::chrono::minutes> Lead() const noexcept { return lead_; }

  friend constexpr bool operator==(const ReminderSetting&, const ReminderSetting&) = default;

 private:
  constexpr explicit ReminderSetting(std::optional<std::chrono::minutes> lead) : lead_(lead) {}
  std::optional<std::chrono::minutes> lead_;
};

}  // namespace officer::domain
