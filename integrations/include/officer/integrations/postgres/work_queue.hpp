#pragma once

#include <functional>

#include <officer/domain/ports/work_queue.hpp>
#include <officer/integrations/postgres/grouped_enqueue.hpp>
#include <officer/integrations/postgres/job_store.hpp>

namespace officer::integrations::postgres {

/// The domain's work queue over the jobs table; `queued` runs after each new job (to wake this
/// process's workers at once instead of at their next poll). In-order jobs (clicks, which a
/// request waits on) are inserted in groups with whatever other requests queue at that moment.
class PgWorkQueue final : public domain::WorkQueue {
 public:
  PgWorkQueue(JobStore& store, std::function<void()> queued)
      : store_(store), grouped_(store), queued_(std::move(queued)) {}

  bool Enqueue(const std::string& kind, const std::string& payload,
               const std::string& idempotency_key) override {
    const bool fresh = store_.Enqueue(NewJob{
        kind, payload, "",
        idempotency_key.empty() ? std::nullopt : std::optional<std::string>(idempotency_key)});
    if (fresh && queued_) queued_();
    return fresh;
  }

  void EnqueueInOrder(const std::string& kind, const std::string& payload,
                      const std::string& queue_key) override {
    grouped_.Enqueue(NewJob{kind, payload, queue_key, std::nullopt, std::chrono::seconds(0), kind});
    if (queued_) queued_();
  }

  void EnqueueEach(const std::string& kind, const std::vector<std::string>& payloads) override {
    if (payloads.empty()) return;
    store_.EnqueueEach(kind, payloads);
    if (queued_) queued_();
  }

 private:
  JobStore& store_;
  GroupedEnqueue grouped_;
  std::function<void()> queued_;
};

}  // namespace officer::integrations::postgres
