#pragma once

#include <chrono>
#include <string>

#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/domain/ports/chat_notifier.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/ports/reminder_schedule.hpp>

namespace officer::bot::standup {

/// Job kind of a planned reminder: {"meeting": id, "occurrence": unix seconds, "recipient": id}.
inline constexpr const char* kReminderJob = "reminder";

/// Sends one planned reminder, deciding right before sending: a meeting cancelled in Officer or
/// on the calendar, a person who declined or turned reminders off gets none, and a reminder
/// missed by more than its lead (officer was down) is dropped, never sent late.
class ReminderSender {
 public:
  ReminderSender(domain::MeetingRepository& meetings, domain::ReminderSchedule& schedule,
                 domain::CalendarGateway& calendar, domain::ChatNotifier& chat,
                 const domain::Clock& clock, std::chrono::minutes default_lead);

  /// Throws TransientError when the send should be retried.
  void Run(const std::string& payload);

 private:
  domain::MeetingRepository& meetings_;
  domain::ReminderSchedule& schedule_;
  domain::CalendarGateway& calendar_;
  domain::ChatNotifier& chat_;
  const domain::Clock& clock_;
  std::chrono::minutes default_lead_;
};

}  // namespace officer::bot::standup
