#pragma once

#include <atomic>
#include <condition_variable>
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

struct JobOutcomes {
  std::atomic<long> succeeded{0};
  std::atomic<long> retried{0};
  std::atomic<long> dead{0};
};

/// Worker threads that claim jobs from the store and run their handlers; every officer serve
/// runs some, and any number of processes may share one database.
class JobWorkers {
 public:
  JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
             std::shared_ptr<spdlog::logger> logger, int threads,
             std::chrono::milliseconds idle_poll = std::chrono::milliseconds(250));
  ~JobWorkers();
  JobWorkers(const JobWorkers&) = delete;
  JobWorkers& operator=(const JobWorkers&) = delete;

  /// Wakes an idle worker at once (after this process queued work).
  void Nudge();
  /// Lets running jobs finish, then stops the threads.
  void Stop();
  const JobOutcomes& Outcomes() const { return outcomes_; }

 private:
  void Loop();
  /// Runs one due job if there is one; false when there was none.
  bool RunOne();

  JobStore& store_;
  std::map<std::string, JobHandler> handlers_;
  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::milliseconds idle_poll_;
  JobOutcomes outcomes_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::thread> threads_;
};

}  // namespace officer::integrations::postgres
