#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

namespace officer::bot {

enum class LogFormat { kText, kJson };

/// Named loggers that share one sink, formatted as text lines or one JSON object per line.
class Logging {
 public:
  /// How long an info line may wait in memory before it is written to stderr; warnings and
  /// errors are written at once, and everything when Logging is destroyed.
  static constexpr std::chrono::milliseconds kFlushEvery{100};

  /// Logs to stderr, in batches.
  explicit Logging(LogFormat format);
  /// Logs to `stream` (tests capture the output this way), each line at once.
  Logging(LogFormat format, std::ostream& stream);
  ~Logging();
  Logging(const Logging&) = delete;
  Logging& operator=(const Logging&) = delete;

  std::shared_ptr<spdlog::logger> Logger(const std::string& name) const;

 private:
  LogFormat format_;
  std::shared_ptr<spdlog::sinks::sink> sink_;
  std::thread flusher_;
  std::mutex flusher_mutex_;
  std::condition_variable flusher_stop_;
  bool stopping_ = false;
};

}  // namespace officer::bot
