#pragma once

#include <chrono>

#include <date/date.h>

#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

/// How long finished work is kept. Every click, post and reminder is a row in jobs, and every
/// reminder decision a row in reminder_ledger; without a limit both grow for as long as Officer
/// runs.
struct RetentionPolicy {
  /// Jobs that succeeded; a Slack retry or replan that could meet their idempotency key comes
  /// within minutes, so a week is ample.
  std::chrono::hours done_jobs{24 * 7};
  /// Jobs that used up their attempts, kept longer for whoever investigates why.
  std::chrono::hours dead_jobs{24 * 30};
  /// Reminder decisions, by their occurrence's start: a reminder that late is dropped anyway.
  std::chrono::hours reminder_records{24 * 35};
  /// Rows deleted per statement, so the sweep never holds many locks or a long transaction.
  int batch = 5000;
};

struct SweptRows {
  long long jobs = 0;
  long long reminder_records = 0;
};

/// Deletes finished history older than the policy allows. Pending and running jobs are never
/// touched, however old. Safe to run from every replica at once.
class HistorySweep {
 public:
  HistorySweep(ConnectionPool& pool, RetentionPolicy policy) : pool_(pool), policy_(policy) {}

  /// One pass, by Officer's clock `now`; returns what it deleted.
  SweptRows Sweep(date::sys_seconds now);

 private:
  ConnectionPool& pool_;
  RetentionPolicy policy_;
};

}  // namespace officer::integrations::postgres
