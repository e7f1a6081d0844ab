#pragma once

#include <officer/domain/effects.hpp>
#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/domain/ports/chat_notifier.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/ports/reminder_schedule.hpp>
#include <officer/domain/ports/video_meeting_provider.hpp>

namespace officer::bot::standup {

/// Carries out one effect through the ports, then records what it produced. Each effect is
/// written to be repeatable: a job that ran but crashed before it was marked done does no harm
/// when it runs again (a message already posted is not posted twice, an event not made twice).
class EffectRunner {
 public:
  /// How many coming occurrences the conflict check covers.
  static constexpr std::size_t kOccurrencesChecked = 10;

  EffectRunner(domain::MeetingRepository& meetings, domain::ChatNotifier& chat,
               domain::CalendarGateway& calendar, domain::VideoMeetingProvider* video,
               domain::ReminderSchedule& reminders, const domain::Clock& clock);

  /// Throws TransientError to be retried, PermanentError to give up.
  void Run(const domain::Effect& effect);

 private:
  void CheckCalendars(const domain::StandupMeeting& meeting);
  domain::MeetingCard Card(const domain::StandupMeeting& meeting) const;

  domain::MeetingRepository& meetings_;
  domain::ChatNotifier& chat_;
  domain::CalendarGateway& calendar_;
  domain::VideoMeetingProvider* video_;
  domain::ReminderSchedule& reminders_;
  const domain::Clock& clock_;
};

}  // namespace officer::bot::standup
