#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/ids.hpp>
#include <officer/domain/interval.hpp>
#include <officer/domain/person_preferences.hpp>
#include <officer/domain/reminder_setting.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain {

/// The lead a person gets, by exactly this precedence: their setting for this meeting, else their
/// setting for all meetings, else the meeting's, else `default_lead`. The first level that has a
/// setting decides, and "off" is a setting: nullopt means no reminder.
std::optional<std::chrono::minutes> ReminderLead(
    const std::optional<ReminderSetting>& person_for_meeting,
    const std::optional<ReminderSetting>& person_for_all,
    const std::optional<ReminderSetting>& meeting, std::chrono::minutes default_lead);

/// When to send the reminder for an occurrence starting at `occurrence_start`.
constexpr date::sys_seconds ReminderInstant(date::sys_seconds occurrence_start,
                                            std::chrono::minutes lead) noexcept {
  return occurrence_start - lead;
}

enum class SendDecision {
  Send,      ///< due, and not missed by more than its lead
  TooEarly,  ///< not due yet
  DropLate,  ///< missed by more than its lead: drop it, never send late
};

/// Whether a reminder due at ReminderInstant(occurrence_start, lead) goes out at `now`.
/// Due from the instant; sent while now - instant <= lead (i.e. until the occurrence starts);
/// dropped after that.
SendDecision ShouldSend(date::sys_seconds occurrence_start, std::chrono::minutes lead,
                        date::sys_seconds now);

/// One reminder to send.
struct PlannedReminder {
  date::sys_seconds occurrence_start;
  UserId recipient;
  date::sys_seconds send_at;
  std::chrono::minutes lead{0};
  friend bool operator==(const PlannedReminder&, const PlannedReminder&) = default;
};

/// The reminders for the occurrences of `meeting` starting in [window.start, window.end), for
/// every participant who has not declined and has not turned reminders off, ordered by send_at
/// then recipient. `preferences` need not hold everybody: a missing person chose nothing.
std::vector<PlannedReminder> PlanReminders(const StandupMeeting& meeting,
                                           const date::time_zone& zone,
                                           const std::map<UserId, PersonPreferences>& preferences,
                                           const Interval& window,
                                           std::chrono::minutes default_lead);

}  // namespace officer::domain
