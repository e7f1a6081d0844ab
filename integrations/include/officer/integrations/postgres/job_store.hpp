#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <officer/integrations/postgres/connection_pool.hpp>

namespace officer::integrations::postgres {

/// A side effect to carry out later, durably.
struct NewJob {
  std::string kind;
  std::string payload;    ///< JSON
  std::string queue_key;  ///< jobs with the same non-empty key run one at a time, in order
  std::optional<std::string> idempotency_key;  ///< a second job with the same key is ignored
  std::chrono::seconds delay{0};
  /// Empty for the shared workers; else the kind whose own workers claim it (see Claim).
  std::string lane{};
};

struct ClaimedJob {
  long long id = 0;
  std::string kind;
  std::string payload;
  int attempts = 0;       ///< including this one
  std::string queue_key;  ///< empty when the job is in no queue
};

struct JobRetryPolicy {
  int max_attempts = 8;
  std::chrono::milliseconds base_delay{1000};
  std::chrono::milliseconds max_delay{std::chrono::minutes(5)};
  /// How long a claimed job stays claimed; a worker that died releases it after this.
  std::chrono::seconds lease{60};
};

struct JobCounts {
  long pending = 0;
  long running = 0;
  long retrying = 0;  ///< pending after at least one failed attempt
  long dead = 0;
};

/// The jobs table: the outbox that every side effect goes through.
class JobStore {
 public:
  JobStore(ConnectionPool& pool, JobRetryPolicy policy);

  /// Queues `job` inside the caller's transaction; false when its idempotency key was seen.
  static bool Enqueue(pqxx::transaction_base& transaction, const NewJob& job);
  /// Queues `job` in a transaction of its own.
  bool Enqueue(const NewJob& job);
  /// Queues every job in one statement; their ids ascend in the order given, so jobs sharing a
  /// queue run in that order. None may carry an idempotency key (that is a bug: std::logic_error).
  void EnqueueAll(const std::vector<NewJob>& jobs);
  /// Queues one job of `kind` per payload, in no queue and with no idempotency key, in one
  /// statement.
  void EnqueueEach(const std::string& kind, const std::vector<std::string>& payloads);

  /// Claims the next due job of `lane` whose queue is free, or nullopt. Safe across processes.
  std::optional<ClaimedJob> Claim(const std::string& lane = "");
  /// With `head` claimed by the caller: runs `work` on it and the jobs of its kind queued right
  /// behind it in its queue (up to `limit` of them, stopping at the first of another kind or not
  /// yet due), oldest first. When `work` returns they are all done, in one statement; when it
  /// throws, nothing has changed but the head's claim (fail it as usual; the others are still
  /// pending, behind it). Returns how many jobs ran.
  std::size_t RunWithFollowers(
      const ClaimedJob& head, std::size_t limit,
      const std::function<void(const std::vector<ClaimedJob>& jobs)>& work);
  void Complete(const ClaimedJob& job);
  /// Schedules a retry with exponential backoff and jitter; parks the job as dead when it has
  /// used its attempts or `permanent` is set. Returns true when the job is now dead.
  bool Fail(const ClaimedJob& job, const std::string& error, bool permanent);

  JobCounts Counts();
  const JobRetryPolicy& Policy() const { return policy_; }

 private:
  ConnectionPool& pool_;
  JobRetryPolicy policy_;
};

}  // namespace officer::integrations::postgres
