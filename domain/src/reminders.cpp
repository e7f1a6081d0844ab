#include <officer/domain/reminders.hpp>

#include <algorithm>

#include <officer/domain/schedule.hpp>

namespace officer::domain {

std::optional<std::chrono::minutes> ReminderLead(
    const std::optional<ReminderSetting>& person_for_meeting,
    const std::optional<ReminderSetting>& person_for_all,
    const std::optional<ReminderSetting>& meeting, std::chrono::minutes default_lead) {
  for (const auto* level : {&person_for_meeting, &person_for_all, &meeting}) {
    if (level->has_value()) return (*level)->Lead();
  }
  return default_lead;
}

SendDecision ShouldSend(date::sys_seconds occurrence_start, std::chrono::minutes lead,
                        date::sys_seconds now) {
  const auto due = ReminderInstant(occurrence_start, lead);
  if (now < due) return SendDecision::TooEarly;
  if (now - due > lead) return SendDecision::DropLate;
  return SendDecision::Send;
}

std::vector<PlannedReminder> PlanReminders(const StandupMeeting& meeting,
                                           const date::time_zone& zone,
                                           const std::map<UserId, PersonPreferences>& preferences,
                                           const Interval& window,
                                           std::chrono::minutes default_lead) {
  std::vector<PlannedReminder> plan;
  const auto occurrences = Occurrences(meeting, zone, window.start, window.end);
  if (occurrences.empty()) return plan;
  for (const auto& participant : meeting.participants) {
    if (participant.status == ParticipantStatus::Declined) continue;
    std::optional<ReminderSetting> for_meeting;
    std::optional<ReminderSetting> for_all;
    if (const auto it = preferences.find(participant.user); it != preferences.end()) {
      for_meeting = it->second.ForMeeting(meeting.id);
      for_all = it->second.all_meetings;
    }
    const auto lead = ReminderLead(for_meeting, for_all, meeting.reminder, default_lead);
    if (!lead) continue;
    for (const auto& occurrence : occurrences) {
      plan.push_back(
          {occurrence.start, participant.user, ReminderInstant(occurrence.start, *lead), *lead});
    }
  }
  std::sort(plan.begin(), plan.end(), [](const PlannedReminder& a, const PlannedReminder& b) {
    if (a.send_at != b.send_at) return a.send_at < b.send_at;
    return a.recipient < b.recipient;
  });
  return plan;
}

}  // namespace officer::domain
