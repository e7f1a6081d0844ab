#include <officer/integrations/postgres/grouped_enqueue.hpp>

#include <utility>

namespace officer::integrations::postgres {

void GroupedEnqueue::Enqueue(NewJob job) {
  Waiting mine{std::move(job), false, false, nullptr, {}};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&mine);
  if (inserting_) {
    mine.wake.wait(lock, [&] { return mine.finished || mine.leads; });
  }
  if (!mine.finished) {
    // This thread inserts for everyone waiting, its own job among them.
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
    // Notified under the lock: a caller cannot see `finished` and return (destroying its
    // Waiting) before its notification is sent.
    for (auto* waiting : group) {
      waiting->error = error;
      waiting->finished = true;
      if (waiting != &mine) waiting->wake.notify_one();
    }
    if (waiting_.empty()) {
      inserting_ = false;
    } else {
      waiting_.front()->leads = true;
      waiting_.front()->wake.notify_one();
    }
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

}  // namespace officer::integrations::postgres
