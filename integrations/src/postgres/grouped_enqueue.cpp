#include <officer/integrations/postgres/grouped_enqueue.hpp>

#include <utility>

namespace officer::integrations::postgres {

void GroupedEnqueue::Enqueue(NewJob job) {
  Waiting mine{std::move(job), false, nullptr};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&mine);
  while (!mine.finished) {
    if (inserting_) {
      finished_.wait(lock);
      continue;
    }
    // Nobody is inserting: this thread takes everyone waiting, its own job among them.
    inserting_ = true;
    auto group = std::exchange(waiting_, {});
    lock.unlock();
    std::exception_ptr error;
    try {
      std::vector<NewJob> jobs;
      jobs.reserve(group.size());
      for (auto* waiting : group) jobs.push_back(std::move(waiting->job));
      store_.EnqueueAll(jobs);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    for (auto* waiting : group) {
      waiting->error = error;
      waiting->finished = true;
    }
    inserting_ = false;
    finished_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

}  // namespace officer::integrations::postgres
