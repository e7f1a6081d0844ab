#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/logger.h>

#include <officer/integrations/postgres/job_store.hpp>

namespace officer::integrations::postgres {

/// Runs one kind of job. Throws TransientError to retry later, PermanentError to give up.
using JobHandler = std::function<void(const std::string& payload)>;

/// Runs a run of jobs of one kind waiting one behind the other in one queue, together and in
/// order (the clicks on one meeting: one load and one save for all of them). Throws as a
/// JobHandler does; every job of the run is then retried or given up.
using BatchJobHandler = std::function<void(const std::vector<std::string>& payloads)>;

struct JobOutcomes {
  std::atomic<long> succeeded{0};
  std::atomic<long> retried{0};
  std::atomic<long> dead{0};
};

/// Worker threads that claim jobs from the store and run their handlers; every officer serve
/// runs some, and any number of processes may share one database.
class JobWorkers {
 public:
  /// The most jobs a batch handler gets at once.
  static constexpr std::size_t kMaxBatch = 500;

  JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
             std::shared_ptr<spdlog::logger> logger, int threads,
             std::chrono::milliseconds idle_poll = std::chrono::milliseconds(250));
  /// Also runs the kinds in `batch_handlers` up to `kMaxBatch` jobs at a time. Each such kind
  /// also gets a thread of its own that claims from the lane named after it (where
  /// PgWorkQueue::EnqueueInOrder puts jobs), so these jobs (clicks) never wait behind slow ones
  /// (calls to a slow Slack), nor does a backlog of them slow down the shared threads.
  JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
             std::map<std::string, BatchJobHandler> batch_handlers,
             std::shared_ptr<spdlog::logger> logger, int threads,
             std::chrono::milliseconds idle_poll = std::chrono::milliseconds(250));
  ~JobWorkers();
  JobWorkers(const JobWorkers&) = delete;
  JobWorkers& operator=(const JobWorkers&) = delete;

  /// Wakes the idle workers at once (after this process queued work).
  void Nudge();
  /// Lets running jobs finish, then stops the threads.
  void Stop();
  const JobOutcomes& Outcomes() const { return outcomes_; }

 private:
  /// Claims and runs the jobs of `lane` until stopped.
  void Loop(const std::string& lane);
  /// Runs one due job (or run of batched jobs) of `lane` if there is one; false when none.
  bool RunOne(const std::string& lane);
  void RunBatch(const ClaimedJob& head, const BatchJobHandler& handler);
  /// Records a failed attempt of `job`.
  void Failed(const ClaimedJob& job, const std::string& error, bool permanent);

  JobStore& store_;
  std::map<std::string, JobHandler> handlers_;
  std::map<std::string, BatchJobHandler> batch_handlers_;
  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::milliseconds idle_poll_;
  JobOutcomes outcomes_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t nudges_ = 0;  ///< how many times work was queued; guarded by mutex_
  std::vector<std::thread> threads_;
};

}  // namespace officer::integrations::postgres
