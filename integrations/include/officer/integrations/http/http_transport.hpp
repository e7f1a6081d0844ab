#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <officer/domain/errors.hpp>
#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}
namespace web::http {
class http_pipeline_stage;
namespace client {
class http_client;
}
}  // namespace web::http

namespace officer::integrations::http {

/// When and how long to retry. Attempts count the first try.
struct RetryPolicy {
  int max_attempts = 3;
  /// Backoff before retry n is min(max_backoff, initial_backoff * 2^(n-1)), then jittered into
  /// [half, full] of that.
  std::chrono::milliseconds initial_backoff{250};
  std::chrono::milliseconds max_backoff{4000};
  /// A 429 asking to wait longer than this fails at once with RateLimitedError.
  std::chrono::seconds max_retry_after{30};
};

struct HttpTransportConfig {
  /// Per attempt; a request may override it.
  std::chrono::milliseconds timeout{10000};
  /// Extra PEM CA bundle trusted besides the system store (OFFICER_CA_FILE); empty for none.
  /// Certificates are always verified.
  std::string ca_file;
  RetryPolicy retry;
  std::string user_agent = "Officer";
  /// Test seam: a cpprestsdk pipeline stage added to every client (canned responses).
  std::shared_ptr<web::http::http_pipeline_stage> pipeline_stage;
};

/// Waits between attempts. Tests inject one that records instead of sleeping.
using Sleeper = std::function<void(std::chrono::milliseconds)>;

/// std::this_thread::sleep_for.
Sleeper RealSleeper();

/// A 429 that could not be waited out; carries the server's Retry-After when it gave one.
class RateLimitedError : public officer::TransientError {
 public:
  RateLimitedError(const std::string& what, std::chrono::seconds retry_after)
      : officer::TransientError(what), retry_after_(retry_after) {}
  std::chrono::seconds RetryAfter() const { return retry_after_; }

 private:
  std::chrono::seconds retry_after_;
};

/// HttpClient over cpprestsdk's http_client. One cached client per origin and timeout; safe to
/// call from many threads. Logs one debug line per attempt (method, host+path, status, ms);
/// never bodies, headers or query strings.
class HttpTransport final : public HttpClient {
 public:
  /// Throws PermanentError when config.ca_file is set but cannot be read.
  HttpTransport(HttpTransportConfig config, std::shared_ptr<spdlog::logger> logger,
                Sleeper sleeper = RealSleeper());
  ~HttpTransport() override;

  HttpResponse Send(const HttpRequest& request) override;

 private:
  std::shared_ptr<web::http::client::http_client> ClientFor(const std::string& origin,
                                                            std::chrono::milliseconds timeout);

  HttpTransportConfig config_;
  std::shared_ptr<spdlog::logger> logger_;
  Sleeper sleeper_;
  std::mutex clients_mutex_;
  std::unordered_map<std::string, std::shared_ptr<web::http::client::http_client>> clients_;
};

}  // namespace officer::integrations::http
