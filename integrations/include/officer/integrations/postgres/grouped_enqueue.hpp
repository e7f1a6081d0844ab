#pragma once

#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

#include <officer/integrations/postgres/job_store.hpp>

namespace officer::integrations::postgres {

/// Group commit for jobs queued while someone waits (a click's acknowledgement): the threads that
/// queue at the same moment share one INSERT. The first caller inserts its job at once; callers
/// arriving while that statement runs wait for it, then the first of them inserts all of theirs
/// together. Alone, a job costs what JobStore::Enqueue costs; under load, one statement (one
/// round trip, one commit) serves every waiting request, so PostgreSQL's work per job falls.
class GroupedEnqueue {
 public:
  explicit GroupedEnqueue(JobStore& store) : store_(store) {}

  /// Returns once `job` is stored (its ids keep the order in which callers arrived); throws what
  /// the insert threw (TransientError when the database is away), and then nothing was stored.
  void Enqueue(NewJob job);

 private:
  struct Waiting {
    NewJob job;
    bool finished = false;
    bool leads = false;  ///< handed the next insert by the caller that ran the last one
    std::exception_ptr error;
    // One per caller: waking exactly the callers a statement served (and the next leader) costs
    // far less than waking every waiting thread each time, which contended on the mutex.
    std::condition_variable wake;
  };

  JobStore& store_;
  std::mutex mutex_;
  std::vector<Waiting*> waiting_;
  bool inserting_ = false;
};

}  // namespace officer::integrations::postgres
