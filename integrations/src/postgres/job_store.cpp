#include <officer/integrations/postgres/job_store.hpp>

#include <algorithm>
#include <random>

namespace officer::integrations::postgres {

namespace {

constexpr std::string_view kInsertJob =
    "INSERT INTO jobs (kind, payload, queue_key, idempotency_key, run_at)"
    " VALUES ($1, $2::jsonb, NULLIF($3, ''), $4, now() + make_interval(secs => $5))"
    " ON CONFLICT (idempotency_key) DO NOTHING";

// A job is due when pending and past its run_at, or claimed by a worker whose lease ran out. A
// claimed job's run_at is in the past too, so `run_at <= now()` bounds both cases and the scan
// walks only the due part of the jobs_due index, however many reminders are planned ahead.
// A job may run only when no older unfinished job shares its queue.
constexpr std::string_view kClaimJob =
    "UPDATE jobs SET status = 'running', attempts = attempts + 1,"
    "   locked_until = now() + make_interval(secs => $1)"
    " WHERE id = ("
    "   SELECT j.id FROM jobs j"
    "   WHERE j.status IN ('pending', 'running') AND j.run_at <= now()"
    "     AND (j.status = 'pending' OR j.locked_until < now())"
    "     AND (j.queue_key IS NULL OR NOT EXISTS ("
    "       SELECT 1 FROM jobs k WHERE k.queue_key = j.queue_key AND k.id < j.id"
    "         AND k.status IN ('pending', 'running')))"
    "   ORDER BY j.run_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED)"
    " RETURNING id, kind, payload::text, attempts";

constexpr std::string_view kCompleteJob =
    "UPDATE jobs SET status = 'done', finished_at = now(), locked_until = NULL WHERE id = $1";

constexpr std::string_view kRetryJob =
    "UPDATE jobs SET status = 'pending', locked_until = NULL, last_error = $2,"
    "   run_at = now() + make_interval(secs => $3) WHERE id = $1";

constexpr std::string_view kBuryJob =
    "UPDATE jobs SET status = 'dead', locked_until = NULL, last_error = $2, finished_at = now()"
    " WHERE id = $1";

constexpr std::string_view kCountJobs =
    "SELECT count(*) FILTER (WHERE status = 'pending'),"
    "       count(*) FILTER (WHERE status = 'running'),"
    "       count(*) FILTER (WHERE status = 'pending' AND attempts > 0),"
    "       count(*) FILTER (WHERE status = 'dead')"
    " FROM jobs WHERE status <> 'done'";

double Seconds(std::chrono::milliseconds duration) {
  return std::chrono::duration<double>(duration).count();
}

}  // namespace

JobStore::JobStore(ConnectionPool& pool, JobRetryPolicy policy) : pool_(pool), policy_(policy) {}

bool JobStore::Enqueue(pqxx::work& transaction, const NewJob& job) {
  const auto result = transaction.exec_params(
      std::string(kInsertJob), job.kind, job.payload, job.queue_key,
      job.idempotency_key ? std::optional<std::string>(*job.idempotency_key) : std::nullopt,
      static_cast<double>(job.delay.count()));
  return result.affected_rows() == 1;
}

bool JobStore::Enqueue(const NewJob& job) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work transaction(connection);
    const bool queued = Enqueue(transaction, job);
    transaction.commit();
    return queued;
  });
}

std::optional<ClaimedJob> JobStore::Claim() {
  return pool_.Run([&](pqxx::connection& connection) -> std::optional<ClaimedJob> {
    pqxx::work transaction(connection);
    const auto rows =
        transaction.exec_params(std::string(kClaimJob), static_cast<double>(policy_.lease.count()));
    transaction.commit();
    if (rows.empty()) return std::nullopt;
    return ClaimedJob{rows[0][0].as<long long>(), rows[0][1].as<std::string>(),
                      rows[0][2].as<std::string>(), rows[0][3].as<int>()};
  });
}

void JobStore::Complete(const ClaimedJob& job) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work transaction(connection);
    transaction.exec_params(std::string(kCompleteJob), job.id);
    transaction.commit();
  });
}

bool JobStore::Fail(const ClaimedJob& job, const std::string& error, bool permanent) {
  const bool dead = permanent || job.attempts >= policy_.max_attempts;
  // Full jitter: a random wait up to the exponential bound spreads retries of many jobs out.
  const auto exponent = std::min(job.attempts - 1, 20);
  const std::chrono::milliseconds bound = std::min<std::chrono::milliseconds>(
      policy_.max_delay, policy_.base_delay * (1LL << exponent));
  thread_local std::mt19937_64 random{std::random_device{}()};
  const double wait =
      std::uniform_real_distribution<double>(Seconds(bound) / 2, Seconds(bound))(random);
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work transaction(connection);
    if (dead) {
      transaction.exec_params(std::string(kBuryJob), job.id, error);
    } else {
      transaction.exec_params(std::string(kRetryJob), job.id, error, wait);
    }
    transaction.commit();
  });
  return dead;
}

JobCounts JobStore::Counts() {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction transaction(connection);
    const auto row = transaction.exec(std::string(kCountJobs))[0];
    return JobCounts{row[0].as<long>(), row[1].as<long>(), row[2].as<long>(), row[3].as<long>()};
  });
}

}  // namespace officer::integrations::postgres
