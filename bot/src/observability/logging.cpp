#include <officer/bot/observability/logging.hpp>

#include <chrono>

#include <spdlog/details/fmt_helper.h>
#include <spdlog/formatter.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
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
    : format_(format), sink_(std::make_shared<spdlog::sinks::stderr_sink_mt>()) {
  Configure(*sink_, format_);
}

Logging::Logging(LogFormat format, std::ostream& stream)
    : format_(format), sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(stream, true)) {
  Configure(*sink_, format_);
}

std::shared_ptr<spdlog::logger> Logging::Logger(const std::string& name) const {
  auto logger = std::make_shared<spdlog::logger>(name, sink_);
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::info);
  return logger;
}

}  // namespace officer::bot
