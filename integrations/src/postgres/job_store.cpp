#include <officer/integrations/postgres/job_store.hpp>

#include <algorithm>
#include <random>
#include <stdexcept>

#include "sql_arrays.hpp"

namespace officer::integrations::postgres {

namespace {

constexpr std::string_view kInsertJobName = "officer_insert_job_in_lane";
constexpr std::string_view kInsertJob =
    "INSERT INTO jobs (kind, payload, queue_key, idempotency_key, run_at, lane)"
    " VALUES ($1, $2::jsonb, NULLIF($3, ''), $4, now() + make_interval(secs => $5), $6)"
    " ON CONFLICT (idempotency_key) DO NOTHING";

// A job is due when pending and past its run_at, or claimed by a worker whose lease ran out. A
// claimed job's run_at is in the past too, so `run_at <= now()` bounds both cases and the scan
// walks only the due part of the jobs_due index, however many reminders are planned ahead.
// A job may run only when no older unfinished job shares its queue: when it is its queue's
// oldest, which the jobs_by_queue index answers in one step however long the queue is.
// Only lane $2's part of the index is walked.
constexpr std::string_view kClaimJob =
    "UPDATE jobs SET status = 'running', attempts = attempts + 1,"
    "   locked_until = now() + make_interval(secs => $1)"
    " WHERE id = ("
    "   SELECT j.id FROM jobs j"
    "   WHERE j.lane = $2 AND j.status IN ('pending', 'running') AND j.run_at <= now()"
    "     AND (j.status = 'pending' OR j.locked_until < now())"
    "     AND (j.queue_key IS NULL OR j.id = ("
    "       SELECT min(k.id) FROM jobs k"
    "       WHERE k.queue_key = j.queue_key AND k.status IN ('pending', 'running')))"
    "   ORDER BY j.run_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED)"
    " RETURNING id, kind, payload::text, attempts, coalesce(queue_key, '')";

// The jobs right behind a claimed head in its queue, while they are of its kind and due: the
// first one that is not ends the run, so the run keeps the queue's order. Only the next `limit`
// jobs of the queue are looked at, however long it is. They need no claim or lock of their own:
// while the head is claimed, none of them is the oldest of the queue, so nobody else claims them.
constexpr std::string_view kSelectFollowers =
    "WITH next AS ("
    "   SELECT id, kind, payload::text AS payload, attempts, queue_key,"
    "     (kind = $3 AND status = 'pending' AND run_at <= now()) AS fits FROM jobs"
    "   WHERE queue_key = $1 AND id > $2 AND status IN ('pending', 'running')"
    "   ORDER BY id LIMIT $4)"
    " SELECT id, kind, payload, attempts + 1, queue_key FROM next"
    " WHERE id < coalesce((SELECT min(id) FROM next WHERE NOT fits), 9223372036854775807)"
    " ORDER BY id";

// The head ran its attempt when claimed; the others run theirs now.
constexpr std::string_view kCompleteRun =
    "UPDATE jobs SET status = 'done', finished_at = now(), locked_until = NULL,"
    "   attempts = CASE WHEN id = $2 THEN attempts ELSE attempts + 1 END"
    " WHERE id = ANY($1::bigint[]) AND status IN ('pending', 'running')";

// Ordered by position so that ids, drawn from the sequence row by row, ascend in input order.
constexpr std::string_view kInsertAllName = "officer_insert_jobs";
constexpr std::string_view kInsertAll =
    "INSERT INTO jobs (kind, payload, queue_key, run_at, lane)"
    " SELECT k, p::jsonb, NULLIF(q, ''), now() + make_interval(secs => d), l"
    " FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[])"
    "   WITH ORDINALITY AS j(k, p, q, d, l, position)"
    " ORDER BY position";

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

ClaimedJob ClaimedFrom(const pqxx::row& row) {
  return ClaimedJob{row[0].as<long long>(), row[1].as<std::string>(), row[2].as<std::string>(),
                    row[3].as<int>(), row[4].as<std::string>()};
}

}  // namespace

JobStore::JobStore(ConnectionPool& pool, JobRetryPolicy policy) : pool_(pool), policy_(policy) {}

bool JobStore::Enqueue(pqxx::transaction_base& transaction, const NewJob& job) {
  // Prepared once per connection (a no-op after the first call): every click is this insert.
  transaction.conn().prepare(std::string(kInsertJobName), std::string(kInsertJob));
  const auto result = transaction.exec_prepared(
      std::string(kInsertJobName), job.kind, job.payload, job.queue_key,
      job.idempotency_key ? std::optional<std::string>(*job.idempotency_key) : std::nullopt,
      static_cast<double>(job.delay.count()), job.lane);
  return result.affected_rows() == 1;
}

// Each statement below is atomic on its own, so it runs without BEGIN and COMMIT: one round trip
// to PostgreSQL instead of three (a click's acknowledgement is one of these inserts).
bool JobStore::Enqueue(const NewJob& job) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::nontransaction statement(connection);
    return Enqueue(statement, job);
  });
}

std::optional<ClaimedJob> JobStore::Claim(const std::string& lane) {
  return pool_.Run([&](pqxx::connection& connection) -> std::optional<ClaimedJob> {
    pqxx::nontransaction statement(connection);
    const auto rows = statement.exec_params(std::string(kClaimJob),
                                            static_cast<double>(policy_.lease.count()), lane);
    if (rows.empty()) return std::nullopt;
    return ClaimedFrom(rows[0]);
  });
}

std::size_t JobStore::RunWithFollowers(
    const ClaimedJob& head, std::size_t limit,
    const std::function<void(const std::vector<ClaimedJob>& jobs)>& work) {
  std::vector<ClaimedJob> jobs{head};
  if (!head.queue_key.empty() && limit > 0) {
    pool_.Run([&](pqxx::connection& connection) {
      pqxx::nontransaction statement(connection);
      for (const auto& row :
           statement.exec_params(std::string(kSelectFollowers), head.queue_key, head.id, head.kind,
                                 static_cast<long long>(limit))) {
        jobs.push_back(ClaimedFrom(row));
      }
    });
  }
  work(jobs);
  std::vector<std::string> ids;
  ids.reserve(jobs.size());
  for (const auto& job : jobs) ids.push_back(std::to_string(job.id));
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::nontransaction(connection)
        .exec_params(std::string(kCompleteRun), TextArray(ids), head.id);
  });
  return jobs.size();
}

void JobStore::EnqueueAll(const std::vector<NewJob>& jobs) {
  if (jobs.empty()) return;
  std::vector<std::string> kinds, payloads, queues, delays, lanes;
  for (const auto& job : jobs) {
    if (job.idempotency_key) throw std::logic_error("EnqueueAll takes no idempotency keys");
    kinds.push_back(job.kind);
    payloads.push_back(job.payload);
    queues.push_back(job.queue_key);
    delays.push_back(std::to_string(job.delay.count()));
    lanes.push_back(job.lane);
  }
  pool_.Run([&](pqxx::connection& connection) {
    connection.prepare(std::string(kInsertAllName), std::string(kInsertAll));
    pqxx::nontransaction(connection)
        .exec_prepared(std::string(kInsertAllName), TextArray(kinds), TextArray(payloads),
                       TextArray(queues), TextArray(delays), TextArray(lanes));
  });
}

void JobStore::EnqueueEach(const std::string& kind, const std::vector<std::string>& payloads) {
  std::vector<NewJob> jobs;
  jobs.reserve(payloads.size());
  for (const auto& payload : payloads) jobs.push_back(NewJob{kind, payload, "", std::nullopt});
  EnqueueAll(jobs);
}

void JobStore::Complete(const ClaimedJob& job) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::nontransaction(connection).exec_params(std::string(kCompleteJob), job.id);
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
    pqxx::nontransaction statement(connection);
    if (dead) {
      statement.exec_params(std::string(kBuryJob), job.id, error);
    } else {
      statement.exec_params(std::string(kRetryJob), job.id, error, wait);
    }
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
