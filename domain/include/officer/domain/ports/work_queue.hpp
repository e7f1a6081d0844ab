#pragma once

#include <string>
#include <vector>

namespace officer::domain {

/// Durable work to do after the current request has been answered.
/// Failures throw TransientError.
class WorkQueue {
 public:
  WorkQueue() = default;
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;
  virtual ~WorkQueue() = default;

  /// Queues a job of `kind` with a JSON `payload`. Returns false, queuing nothing, when a job
  /// with the same non-empty `idempotency_key` was queued before (a retried request).
  virtual bool Enqueue(const std::string& kind, const std::string& payload,
                       const std::string& idempotency_key) = 0;
  /// Queues a job of `kind` for workers of its own (a backlog of other jobs never delays it)
  /// that starts only once every job queued before it with the same `queue_key` has finished,
  /// so such jobs apply one at a time in the order they were queued.
  virtual void EnqueueInOrder(const std::string& kind, const std::string& payload,
                              const std::string& queue_key) = 0;
  /// Queues one job of `kind` per payload, all at once.
  virtual void EnqueueEach(const std::string& kind, const std::vector<std::string>& payloads) = 0;
};

}  // namespace officer::domain
