#include <officer/bot/observability/logging.hpp>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <mutex>

#include <spdlog/details/fmt_helper.h>
#include <spdlog/formatter.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/ostream_sink.h>
#include <nlohmann/json.hpp>

namespace officer::bot {

namespace {

/// One JSON object per line, so log shippers need no parsing rules.
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto since_epoch = msg.time.time_since_epoch();
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
    nlohmann::json line = {
        {"ts_ms", millis},
        {"level", spdlog::level::to_string_view(msg.level).data()},
        {"logger", std::string(msg.logger_name.data(), msg.logger_name.size())},
        {"message", std::string(msg.payload.data(), msg.payload.size())},
    };
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(text.data(), text.data() + text.size());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLogFormatter>();
  }
};

// Lines to stderr written in batches: an info line (one per request) waits in memory until the
// buffer fills or the next flush, at most kFlushEvery later; a warning or an error is written at
// once with everything before it. One write(2) per line cost a system call and a turn of the
// shared sink's lock on every request.
class BufferedStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  ~BufferedStderrSink() override {
    std::lock_guard lock(mutex_);
    WriteOut();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    buffer_.append(line.data(), line.size());
    if (msg.level >= spdlog::level::warn || buffer_.size() >= kMaxBuffered) WriteOut();
  }
  void flush_() override { WriteOut(); }

 private:
  static constexpr std::size_t kMaxBuffered = 64 * 1024;

  void WriteOut() {
    std::size_t written = 0;
    while (written < buffer_.size()) {
      const auto n = ::write(STDERR_FILENO, buffer_.data() + written, buffer_.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // stderr is gone; nothing else could report it
      written += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

  std::string buffer_;
};

void Configure(spdlog::sinks::sink& sink, LogFormat format) {
  if (format == LogFormat::kJson) {
    sink.set_formatter(std::make_unique<JsonLogFormatter>());
  } else {
    sink.set_formatter(std::make_unique<spdlog::pattern_formatter>(
        "%Y-%m-%dT%H:%M:%S.%eZ %l %n: %v", spdlog::pattern_time_type::utc));
  }
}

}  // namespace

Logging::Logging(LogFormat format)
    : format_(format), sink_(std::make_shared<BufferedStderrSink>()) {
  Configure(*sink_, format_);
  flusher_ = std::thread([this] {
    std::unique_lock lock(flusher_mutex_);
    while (!flusher_stop_.wait_for(lock, kFlushEvery, [this] { return stopping_; })) {
      sink_->flush();
    }
  });
}

Logging::Logging(LogFormat format, std::ostream& stream)
    : format_(format), sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(stream, true)) {
  Configure(*sink_, format_);
}

Logging::~Logging() {
  if (flusher_.joinable()) {
    {
      std::lock_guard lock(flusher_mutex_);
      stopping_ = true;
    }
    flusher_stop_.notify_all();
    flusher_.join();
  }
  sink_->flush();
}

std::shared_ptr<spdlog::logger> Logging::Logger(const std::string& name) const {
  auto logger = std::make_shared<spdlog::logger>(name, sink_);
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  return logger;
}

}  // namespace officer::bot
