#include <officer/integrations/postgres/job_workers.hpp>

#include <algorithm>

#include <officer/domain/errors.hpp>

namespace officer::integrations::postgres {

JobWorkers::JobWorkers(JobStore& store, std::map<std::string, JobHandler> handlers,
                       std::shared_ptr<spdlog::logger> logger, int threads,
                       std::chrono::milliseconds idle_poll)
    : store_(store),
      handlers_(std::move(handlers)),
      logger_(std::move(logger)),
      idle_poll_(idle_poll) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

JobWorkers::~JobWorkers() { Stop(); }

void JobWorkers::Nudge() { wake_.notify_one(); }

void JobWorkers::Stop() {
  stopping_ = true;
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void JobWorkers::Loop() {
  while (!stopping_) {
    bool worked = false;
    auto pause = idle_poll_;
    try {
      worked = RunOne();
    } catch (const std::exception& error) {
      // The database went away; it recovers by itself. Wait longer so an outage is a few log
      // lines, not a flood.
      logger_->warn("job queue unavailable: {}", error.what());
      pause = std::max<std::chrono::milliseconds>(idle_poll_, std::chrono::seconds(2));
    }
    if (!worked && !stopping_) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, pause);
    }
  }
}

bool JobWorkers::RunOne() {
  auto job = store_.Claim();
  if (!job) return false;
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
  if (store_.Fail(*job, error, permanent)) {
    ++outcomes_.dead;
    logger_->error("job {} ({}) is dead after {} attempts: {}", job->id, job->kind, job->attempts,
                   error);
  } else {
    ++outcomes_.retried;
    logger_->warn("job {} ({}) failed on attempt {}, will retry: {}", job->id, job->kind,
                  job->attempts, error);
  }
  return true;
}

}  // namespace officer::integrations::postgres
