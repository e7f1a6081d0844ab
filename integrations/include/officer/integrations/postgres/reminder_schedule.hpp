#pragma once

#include <chrono>
#include <map>
#include <string>

#include <officer/domain/ports/reminder_schedule.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

struct ReminderPlanningPolicy {
  /// How far ahead reminders are planned as jobs.
  std::chrono::hours horizon{36};
  /// A meeting is planned again when less than this remains of its horizon.
  std::chrono::hours refresh_before{12};
  /// Meetings planned per tick (per replica), so one tick stays short.
  std::size_t batch = 500;
  std::chrono::minutes default_lead{10};
  /// A 'sending' claim older than this belongs to a sender that died; it can be taken over.
  std::chrono::seconds stale_claim{120};
};

/// Reminder planning and the once-only ledger in PostgreSQL. Planning writes one job per
/// (meeting, occurrence, recipient) with run_at at the send time; the job's idempotency key makes
/// replicas planning the same meeting write it once, and a replan moves a pending job's time.
class PgReminderSchedule final : public domain::ReminderSchedule {
 public:
  PgReminderSchedule(ConnectionPool& pool, ReminderPlanningPolicy policy);

  void Replan(const domain::MeetingId& meeting) override;
  void ReplanPerson(const domain::UserId& user) override;
  domain::ReminderClaim Claim(const domain::MeetingId& meeting, date::sys_seconds occurrence,
             const domain::UserId& recipient) override;
  void Record(const domain::MeetingId& meeting, date::sys_seconds occurrence,
              const domain::UserId& recipient, domain::ReminderOutcome outcome) override;
  void Release(const domain::MeetingId& meeting, date::sys_seconds occurrence,
               const domain::UserId& recipient) override;

  /// One scheduler tick: plans the meetings whose horizon is unset or running out. Safe to run
  /// in every replica at once (meetings are claimed with SKIP LOCKED). Returns how many it
  /// planned.
  std::size_t PlanDue(date::sys_seconds now);

  /// Decided reminders by outcome, for /metrics.
  std::map<std::string, long> Outcomes();

 private:
  ConnectionPool& pool_;
  ReminderPlanningPolicy policy_;
};

}  // namespace officer::integrations::postgres
