#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace officer::wiring {

/// Runs `task` on its own thread every `interval` until stopped.
class PeriodicTask {
 public:
  PeriodicTask(std::function<void()> task, std::chrono::milliseconds interval)
      : thread_([this, task = std::move(task), interval] {
          std::unique_lock lock(mutex_);
          while (!stopping_) {
            lock.unlock();
            task();
            lock.lock();
            wake_.wait_for(lock, interval, [this] { return stopping_; });
          }
        }) {}
  ~PeriodicTask() { Stop(); }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace officer::wiring
