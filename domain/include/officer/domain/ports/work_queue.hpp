#pragma once

#include <string>

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
};

}  // namespace officer::domain
