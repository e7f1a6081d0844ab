#pragma once

#include <memory>
#include <ostream>
#include <string>

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

namespace officer::bot {

enum class LogFormat { kText, kJson };

/// Named loggers that share one sink, formatted as text lines or one JSON object per line.
class Logging {
 public:
  /// Logs to stderr.
  explicit Logging(LogFormat format);
  /// Logs to `stream` (tests capture the output this way).
  Logging(LogFormat format, std::ostream& stream);

  std::shared_ptr<spdlog::logger> Logger(const std::string& name) const;

 private:
  LogFormat format_;
  std::shared_ptr<spdlog::sinks::sink> sink_;
};

}  // namespace officer::bot
