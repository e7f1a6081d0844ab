#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <officer/domain/agenda_item.hpp>
#include <officer/domain/day_set.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/location.hpp>
#include <officer/domain/participant.hpp>
#include <officer/domain/reminder_setting.hpp>
#include <officer/domain/time_of_day.hpp>

namespace officer::domain {

enum class MeetingStatus { Active, Cancelled };

/// Where the meeting's chat message lives, so it can be updated in place.
struct MessageRef {
  std::string channel;
  std::string ts;
  friend bool operator==(const MessageRef&, const MessageRef&) = default;
};

inline constexpr int kMinDurationMinutes = 5;
inline constexpr int kMaxDurationMinutes = 120;

/// A recurring standup. A plain value: Book() establishes the invariants (at least two
/// participants including the organizer, duration 5–120, a known zone, at least one day) and
/// every operation in standup_organizer.hpp keeps them and bumps `version`.
struct StandupMeeting {
  MeetingId id;
  WorkspaceId workspace;
  ChannelId channel;
  UserId organizer;
  std::string title;
  TimeOfDay start;  ///< local time in `zone_name`
  int duration_minutes = 15;
  DaySet days;
  std::string zone_name;           ///< IANA name, e.g. "Europe/Berlin"
  date::year_month_day first_day;  ///< no occurrence before this local date
  Location location;
  std::vector<AgendaItem> agenda;
  std::optional<ReminderSetting> reminder;  ///< the meeting's own lead; nullopt: not set
  MeetingStatus status = MeetingStatus::Active;
  int version = 0;  ///< 1 once booked; +1 per change; for optimistic concurrency
  std::vector<Participant> participants;
  std::optional<std::string> calendar_event_id;
  std::optional<MessageRef> message;

  /// The participant with this id, or nullptr.
  const Participant* FindParticipant(const UserId& user) const noexcept {
    for (const auto& p : participants)
      if (p.user == user) return &p;
    return nullptr;
  }
  Participant* FindParticipant(const UserId& user) noexcept {
    for (auto& p : participants)
      if (p.user == user) return &p;
    return nullptr;
  }

  friend bool operator==(const StandupMeeting&, const StandupMeeting&) = default;
};

}  // namespace officer::domain
