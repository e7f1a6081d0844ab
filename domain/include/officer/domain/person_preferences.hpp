#pragma once

#include <map>
#include <optional>

#include <officer/domain/ids.hpp>
#include <officer/domain/reminder_setting.hpp>

namespace officer::domain {

/// Where a person gets their reminders.
enum class ReminderPlace {
  DirectMessage,  ///< a direct message (the default)
  Channel,        ///< in the standup's channel, mentioning them
};

/// What one person chose for themselves, across meetings.
struct PersonPreferences {
  UserId user;
  std::optional<ReminderSetting> all_meetings;       ///< "remind N m all" / "remind off all"
  std::map<MeetingId, ReminderSetting> per_meeting;  ///< "remind N m <id>" / "remind off <id>"
  bool autoconfirm = false;                          ///< accept invitations automatically
  ReminderPlace reminder_place = ReminderPlace::DirectMessage;

  /// This person's setting for one meeting, if they made one.
  std::optional<ReminderSetting> ForMeeting(const MeetingId& meeting) const {
    const auto it = per_meeting.find(meeting);
    if (it == per_meeting.end()) return std::nullopt;
    return it->second;
  }

  friend bool operator==(const PersonPreferences&, const PersonPreferences&) = default;
};

}  // namespace officer::domain
