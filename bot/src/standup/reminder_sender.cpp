#include <officer/bot/standup/reminder_sender.hpp>

#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/domain/reminders.hpp>

namespace officer::bot::standup {

namespace d = domain;

ReminderSender::ReminderSender(d::MeetingRepository& meetings, d::ReminderSchedule& schedule,
                               d::CalendarGateway& calendar, d::ChatNotifier& chat,
                               const d::Clock& clock, std::chrono::minutes default_lead)
    : meetings_(meetings),
      schedule_(schedule),
      calendar_(calendar),
      chat_(chat),
      clock_(clock),
      default_lead_(default_lead) {}

void ReminderSender::Run(const std::string& payload) {
  const auto job = nlohmann::json::parse(payload, nullptr, false);
  if (job.is_discarded() || !job.is_object() || !job.contains("meeting") ||
      !job.contains("occurrence") || !job.contains("recipient")) {
    throw PermanentError("a reminder job whose payload cannot be read");
  }
  const d::MeetingId id(job["meeting"].get<std::string>());
  const d::UserId recipient(job["recipient"].get<std::string>());
  const date::sys_seconds start{std::chrono::seconds(job["occurrence"].get<long long>())};

  // Claims the reminder; false when there is nothing left to do. A claim another sender holds
  // is retried later, so a sender that died mid-send is taken over once its claim is stale.
  auto claim = [&] {
    switch (schedule_.Claim(id, start, recipient)) {
      case d::ReminderClaim::Claimed:
        return true;
      case d::ReminderClaim::Decided:
        return false;
      case d::ReminderClaim::Busy:
        break;
    }
    throw TransientError("another officer is sending this reminder");
  };
  auto decide = [&](d::ReminderOutcome outcome) {
    if (claim()) schedule_.Record(id, start, recipient, outcome);
  };
  const auto meeting = meetings_.Load(id);
  if (!meeting || meeting->status == d::MeetingStatus::Cancelled) {
    return decide(d::ReminderOutcome::SkippedCancelled);
  }
  const auto* participant = meeting->FindParticipant(recipient);
  if (participant == nullptr || participant->status == d::ParticipantStatus::Declined) {
    return decide(d::ReminderOutcome::SkippedOff);
  }
  const auto preferences = meetings_.LoadPreferences(meeting->workspace, recipient);
  const auto lead = d::ReminderLead(preferences.ForMeeting(id), preferences.all_meetings,
                                    meeting->reminder, default_lead_);
  if (!lead) return decide(d::ReminderOutcome::SkippedOff);

  const auto now = clock_.Now();
  switch (d::ShouldSend(start, *lead, now)) {
    case d::SendDecision::DropLate:
      return decide(d::ReminderOutcome::DroppedLate);
    case d::SendDecision::TooEarly:
      // The lead grew shorter after planning; the replanned job carries the right time.
      throw TransientError("reminder is not due yet");
    case d::SendDecision::Send:
      break;
  }
  // Cancelled on the calendar (someone deleted the event there): no reminder either.
  if (meeting->calendar_event_id &&
      calendar_.EventStatus(meeting->organizer, *meeting->calendar_event_id) ==
          d::CalendarEventStatus::Cancelled) {
    return decide(d::ReminderOutcome::SkippedCancelled);
  }
  if (!claim()) return;  // sent (or decided) already
  try {
    chat_.SendReminder(
        recipient,
        d::MeetingReminder{
            *meeting, d::Interval{start, start + std::chrono::minutes(meeting->duration_minutes)},
            // "Starts in" tells what is left: less than the lead when booked or sent late.
            std::min(*lead, std::chrono::ceil<std::chrono::minutes>(start - now)),
            preferences.reminder_place});
  } catch (const std::exception&) {
    schedule_.Release(id, start, recipient);
    throw;
  }
  schedule_.Record(id, start, recipient, d::ReminderOutcome::Sent);
}

}  // namespace officer::bot::standup
