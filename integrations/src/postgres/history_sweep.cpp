#include <officer/integrations/postgres/history_sweep.hpp>

#include <string_view>

namespace officer::integrations::postgres {

namespace {

constexpr std::string_view kDeleteFinishedJobs =
    "DELETE FROM jobs WHERE id = ANY(ARRAY("
    "   SELECT id FROM jobs WHERE status = $1 AND finished_at < to_timestamp($2) LIMIT $3))";

constexpr std::string_view kDeleteReminderRecords =
    "DELETE FROM reminder_ledger WHERE ctid = ANY(ARRAY("
    "   SELECT ctid FROM reminder_ledger WHERE occurrence_start < to_timestamp($1) LIMIT $2))";

double Seconds(date::sys_seconds instant) {
  return static_cast<double>(instant.time_since_epoch().count());
}

}  // namespace

SweptRows HistorySweep::Sweep(date::sys_seconds now) {
  // Each batch commits on its own: a sweep interrupted halfway has still done its part.
  const auto delete_all = [&](auto&& delete_batch) {
    long long total = 0;
    for (;;) {
      const auto deleted = pool_.Run([&](pqxx::connection& connection) {
        pqxx::nontransaction statement(connection);
        return delete_batch(statement).affected_rows();
      });
      total += static_cast<long long>(deleted);
      if (deleted < static_cast<std::size_t>(policy_.batch)) return total;
    }
  };
  SweptRows swept;
  for (const auto& [status, kept] :
       {std::pair{"done", policy_.done_jobs}, std::pair{"dead", policy_.dead_jobs}}) {
    const auto cutoff = Seconds(now - kept);
    swept.jobs += delete_all([&](pqxx::nontransaction& statement) {
      return statement.exec_params(std::string(kDeleteFinishedJobs), status, cutoff, policy_.batch);
    });
  }
  const auto cutoff = Seconds(now - policy_.reminder_records);
  swept.reminder_records = delete_all([&](pqxx::nontransaction& statement) {
    return statement.exec_params(std::string(kDeleteReminderRecords), cutoff, policy_.batch);
  });
  return swept;
}

}  // namespace officer::integrations::postgres
