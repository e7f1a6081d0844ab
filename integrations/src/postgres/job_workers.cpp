#include <officer/integrations/postgres/job_workers.hpp>

#include <algorithm>

#include <officer/domain/errors.hpp>

namespace officer::integrations::postgres {

JobWorkers::JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
                       std::shared_ptr<spdlog::logger> logger, int threads,
                       std::chrono::milliseconds idle_poll)
    : JobWorkers(store, std::move(handlers), {}, std::move(logger), threads, idle_poll) {}

JobWorkers::JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
                       std::map<std::string, BatchJobHandler> batch_handlers,
                       std::shared_ptr<spdlog::logger> logger, int threads,
                       std::chrono::milliseconds idle_poll)
    : store_(store),
      handlers_(std::move(handlers)),
      batch_handlers_(std::move(batch_handlers)),
      logger_(std::move(logger)),
      idle_poll_(idle_poll) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(""); });
  for (const auto& [kind, handler] : batch_handlers_) {
    threads_.emplace_back([this, kind = kind] { Loop(kind); });
  }
}

JobWorkers::~JobWorkers() { Stop(); }

void JobWorkers::Nudge() {
  {
    std::lock_guard lock(mutex_);
    ++nudges_;
  }
  // Every idle thread looks: the job may be one only a dedicated thread claims.
  wake_.notify_all();
}

void JobWorkers::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void JobWorkers::Loop(const std::string& lane) {
  while (!stopping_) {
    bool worked = false;
    auto pause = idle_poll_;
    std::uint64_t seen = 0;
    {
      // Noted before looking: a job queued from here on counts another nudge, so the wait below
      // cannot sleep through one that came while this thread was finding nothing (nor through
      // one another thread woke for first).
      std::lock_guard lock(mutex_);
      seen = nudges_;
    }
    try {
      worked = RunOne(lane);
    } catch (const std::exception& error) {
      // The database went away; it recovers by itself. Wait longer so an outage is a few log
      // lines, not a flood.
      logger_->warn("job queue unavailable: {}", error.what());
      pause = std::max<std::chrono::milliseconds>(idle_poll_, std::chrono::seconds(2));
    }
    if (!worked && !stopping_) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, pause, [&] { return nudges_ != seen || stopping_; });
    }
  }
}

bool JobWorkers::RunOne(const std::string& lane) {
  auto job = store_.Claim(lane);
  if (!job) return false;
  if (auto batch = batch_handlers_.find(job->kind); batch != batch_handlers_.end()) {
    RunBatch(*job, batch->second);
    return true;
  }
  auto handler = handlers_.find(job->kind);
  std::string error;
  bool permanent = false;
  if (handler == handlers_.end()) {
    error = "no handler for job kind " + job->kind;
    permanent = true;
  } else {
    try {
      handler->second(job->payload);
      store_.Complete(*job);
      ++outcomes_.succeeded;
      return true;
    } catch (const PermanentError& failure) {
      error = failure.what();
      permanent = true;
    } catch (const std::exception& failure) {
      error = failure.what();
    }
  }
  Failed(*job, error, permanent);
  return true;
}

void JobWorkers::RunBatch(const ClaimedJob& head, const BatchJobHandler& handler) {
  std::string error;
  bool permanent = false;
  try {
    const auto ran =
        store_.RunWithFollowers(head, kMaxBatch - 1, [&](const std::vector<ClaimedJob>& jobs) {
          std::vector<std::string> payloads;
          payloads.reserve(jobs.size());
          for (const auto& job : jobs) payloads.push_back(job.payload);
          handler(payloads);
        });
    outcomes_.succeeded += static_cast<long>(ran);
    return;
  } catch (const PermanentError& failure) {
    error = failure.what();
    permanent = true;
  } catch (const std::exception& failure) {
    error = failure.what();
  }
  // The jobs behind the head were left pending; they run again with it or after it.
  Failed(head, error, permanent);
}

void JobWorkers::Failed(const ClaimedJob& job, const std::string& error, bool permanent) {
  if (store_.Fail(job, error, permanent)) {
    ++outcomes_.dead;
    logger_->error("job {} ({}) is dead after {} attempts: {}", job.id, job.kind, job.attempts,
                   error);
  } else {
    ++outcomes_.retried;
    logger_->warn("job {} ({}) failed on attempt {}, will retry: {}", job.id, job.kind,
                  job.attempts, error);
  }
}

}  // namespace officer::integrations::postgres
