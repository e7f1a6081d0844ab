#pragma once

#include <date/date.h>

#include <officer/domain/ids.hpp>

namespace officer::domain {

enum class ReminderOutcome { Sent, SkippedCancelled, SkippedOff, DroppedLate };

enum class ReminderClaim {
  Claimed,  ///< this sender decides it now
  Decided,  ///< it was sent, skipped or dropped before: nothing to do
  Busy,     ///< another sender is deciding it; ask again later (a dead one's claim goes stale)
};

/// Where planned reminders live and how each is sent at most once.
/// Failures throw TransientError.
class ReminderSchedule {
 public:
  ReminderSchedule() = default;
  ReminderSchedule(const ReminderSchedule&) = delete;
  ReminderSchedule& operator=(const ReminderSchedule&) = delete;
  virtual ~ReminderSchedule() = default;

  /// Plans the meeting's reminders again from its current state at the next scheduler tick.
  virtual void Replan(const MeetingId& meeting) = 0;
  /// Plans again every meeting `user` takes part in.
  virtual void ReplanPerson(const UserId& user) = 0;

  /// Claims the right to decide this reminder.
  virtual ReminderClaim Claim(const MeetingId& meeting, date::sys_seconds occurrence,
                              const UserId& recipient) = 0;
  /// Records what became of a claimed reminder.
  virtual void Record(const MeetingId& meeting, date::sys_seconds occurrence,
                      const UserId& recipient, ReminderOutcome outcome) = 0;
  /// Gives a claim back after a failed send, so a retry can claim it again.
  virtual void Release(const MeetingId& meeting, date::sys_seconds occurrence,
                       const UserId& recipient) = 0;
};

}  // namespace officer::domain
