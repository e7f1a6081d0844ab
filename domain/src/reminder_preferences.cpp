#include <officer/domain/standup_organizer.hpp>

namespace officer::domain {

ReminderPreferenceResult SetReminderPreference(const PersonPreferences& current,
                                               const std::optional<StandupMeeting>& meeting,
                                               const ReminderPreferenceRequest& request) {
  if (const auto lead = request.setting.Lead();
      lead && (lead->count() < 0 || lead->count() > kMaxReminderLeadMinutes)) {
    return BadReminderLead{static_cast<int>(lead->count())};
  }
  PersonPreferences next = current;
  next.user = request.user;
  Effects effects;
  if (request.meeting) {
    if (!meeting || meeting->id != *request.meeting) return MeetingNotFound{*request.meeting};
    if (meeting->FindParticipant(request.user) == nullptr) {
      return NotAParticipant{meeting->id, request.user};
    }
    next.per_meeting.insert_or_assign(*request.meeting, request.setting);
    effects.emplace_back(ScheduleReminders{*request.meeting});
  } else {
    next.all_meetings = request.setting;
    effects.emplace_back(ReplanPersonReminders{request.user});
  }
  if (next == current) return PreferencesChanged{current, {}};
  return PreferencesChanged{std::move(next), std::move(effects)};
}

PersonPreferences SetAutoconfirm(PersonPreferences current, bool on) {
  current.autoconfirm = on;
  return current;
}

PersonPreferences SetReminderPlace(PersonPreferences current, ReminderPlace place) {
  current.reminder_place = place;
  return current;
}

}  // namespace officer::domain
