#include <officer/integrations/http/http_transport.hpp>

#include <algorithm>
#include <charconv>
#include <random>
#include <thread>

#include <cpprest/http_client.h>
#include <spdlog/logger.h>

namespace officer::integrations::http {

namespace {

namespace chr = std::chrono;
namespace cpprest = web::http;

using utility::conversions::to_string_t;
using utility::conversions::to_utf8string;

cpprest::method ToCpprest(Method method) {
  switch (method) {
    case Method::kGet:
      return cpprest::methods::GET;
    case Method::kPost:
      return cpprest::methods::POST;
    case Method::kPut:
      return cpprest::methods::PUT;
    case Method::kPatch:
      return cpprest::methods::PATCH;
    case Method::kDelete:
      return cpprest::methods::DEL;
  }
  return cpprest::methods::GET;
}

// What a log line or an exception may say about the target: host and path, never the query,
// and only the host when the path is itself a secret.
std::string LogTarget(const web::uri& uri, bool redact_path) {
  std::string target = to_utf8string(uri.host());
  if (uri.port() > 0) target += ":" + std::to_string(uri.port());
  target += redact_path ? std::string("/***") : to_utf8string(uri.path());
  return target;
}

// Retry-After in delta-seconds; an HTTP-date (rare from the APIs we call) yields nullopt, and
// the caller falls back to exponential backoff.
std::optional<chr::seconds> ParseRetryAfter(const HttpResponse& response) {
  auto value = response.Header("Retry-After");
  if (!value) return std::nullopt;
  std::string_view text = *value;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  long long seconds = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) {
    return std::nullopt;
  }
  return chr::seconds(seconds);
}

chr::milliseconds Backoff(const RetryPolicy& policy, int retry_number) {
  auto full = policy.initial_backoff;
  for (int i = 1; i < retry_number && full < policy.max_backoff; ++i) full *= 2;
  full = std::min(full, policy.max_backoff);
  thread_local std::mt19937 random_engine{std::random_device{}()};
  std::uniform_int_distribution<long long> jitter(full.count() / 2, full.count());
  return chr::milliseconds(jitter(random_engine));
}

HttpResponse FromCpprest(const cpprest::http_response& response) {
  HttpResponse out;
  out.status = response.status_code();
  for (const auto& [name, value] : response.headers()) {
    out.headers.emplace(to_utf8string(name), to_utf8string(value));
  }
  auto bytes = response.extract_vector().get();
  out.body.assign(bytes.begin(), bytes.end());
  return out;
}

}  // namespace

Sleeper RealSleeper() {
  return [](chr::milliseconds wait) { std::this_thread::sleep_for(wait); };
}

HttpTransport::HttpTransport(HttpTransportConfig config, std::shared_ptr<spdlog::logger> logger,
                             Sleeper sleeper)
    : config_(std::move(config)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("http")),
      sleeper_(sleeper ? std::move(sleeper) : RealSleeper()) {
  if (!config_.ca_file.empty()) {
    // Fail at start-up, not on the first HTTPS call, when the bundle is missing or not PEM.
    boost::asio::ssl::context probe(boost::asio::ssl::context::sslv23_client);
    boost::system::error_code error;
    probe.load_verify_file(config_.ca_file, error);
    if (error) {
      throw officer::PermanentError("OFFICER_CA_FILE: cannot load CA bundle '" + config_.ca_file +
                                    "': " + error.message());
    }
  }
  config_.retry.max_attempts = std::max(1, config_.retry.max_attempts);
}

HttpTransport::~HttpTransport() = default;

std::shared_ptr<cpprest::client::http_client> HttpTransport::ClientFor(const std::string& origin,
                                                                       chr::milliseconds timeout) {
  std::string key = origin + "|" + std::to_string(timeout.count());
  std::lock_guard lock(clients_mutex_);
  if (auto it = clients_.find(key); it != clients_.end()) return it->second;

  cpprest::client::http_client_config client_config;
  client_config.set_timeout(timeout);
  client_config.set_validate_certificates(true);
  if (!config_.ca_file.empty()) {
    client_config.set_ssl_context_callback(
        [ca_file = config_.ca_file](boost::asio::ssl::context& context) {
          // Added to the system store cpprestsdk already loaded (set_default_verify_paths). The
          // constructor proved the file loads; should it fail now, the system store remains.
          boost::system::error_code error;
          context.load_verify_file(ca_file, error);
        });
  }
  auto client = std::make_shared<cpprest::client::http_client>(to_string_t(origin), client_config);
  if (config_.pipeline_stage) client->add_handler(config_.pipeline_stage);
  clients_.emplace(key, client);
  return client;
}

HttpResponse HttpTransport::Send(const HttpRequest& request) {
  web::uri uri;
  try {
    uri = web::uri(to_string_t(request.url));
  } catch (const web::uri_exception&) {
    throw officer::PermanentError("unusable URL for an outbound HTTP call");
  }
  if ((uri.scheme() != "http" && uri.scheme() != "https") || uri.host().empty()) {
    throw officer::PermanentError("outbound HTTP needs an absolute http(s) URL");
  }
  const std::string target = LogTarget(uri, request.redact_path);
  const std::string method_name(MethodName(request.method));
  const auto timeout = request.timeout.value_or(config_.timeout);
  const int max_attempts = std::max(1, request.max_attempts.value_or(config_.retry.max_attempts));
  auto client = ClientFor(to_utf8string(uri.authority().to_string()), timeout);

  std::string last_failure;
  for (int attempt = 1;; ++attempt) {
    cpprest::http_request message(ToCpprest(request.method));
    message.set_request_uri(uri.resource());
    for (const auto& [name, value] : request.headers) {
      message.headers().add(to_string_t(name), to_string_t(value));
    }
    if (!message.headers().has("User-Agent")) {
      message.headers().add("User-Agent", to_string_t(config_.user_agent));
    }
    if (!request.body.empty() || !request.content_type.empty()) {
      message.set_body(std::string(request.body), request.content_type.empty()
                                                      ? std::string("application/octet-stream")
                                                      : request.content_type);
    }

    const auto started = chr::steady_clock::now();
    auto elapsed_ms = [&] {
      return chr::duration_cast<chr::milliseconds>(chr::steady_clock::now() - started).count();
    };
    std::optional<HttpResponse> response;
    try {
      response = FromCpprest(client->request(message).get());
      logger_->debug("http {} {} -> {} in {} ms (attempt {}/{})", method_name, target,
                     response->status, elapsed_ms(), attempt, max_attempts);
    } catch (const cpprest::http_exception& error) {
      // cpprestsdk's messages name the failing step (connect, timeout), not the URL.
      last_failure = error.error_code() == std::errc::timed_out
                         ? std::string("timed out after ") + std::to_string(timeout.count()) + " ms"
                         : std::string(error.what());
      logger_->debug("http {} {} -> failed ({}) in {} ms (attempt {}/{})", method_name, target,
                     last_failure, elapsed_ms(), attempt, max_attempts);
    }

    const bool last_attempt = attempt >= max_attempts;
    if (response && response->status == 429) {
      auto retry_after = ParseRetryAfter(*response);
      if (retry_after && *retry_after > config_.retry.max_retry_after) {
        throw RateLimitedError("rate limited by " + target + ": Retry-After " +
                                   std::to_string(retry_after->count()) + " s exceeds the " +
                                   std::to_string(config_.retry.max_retry_after.count()) +
                                   " s we wait",
                               *retry_after);
      }
      if (last_attempt) {
        throw RateLimitedError(
            "rate limited by " + target + " after " + std::to_string(attempt) + " attempts",
            retry_after.value_or(chr::seconds(0)));
      }
      auto wait = retry_after ? chr::duration_cast<chr::milliseconds>(*retry_after)
                              : Backoff(config_.retry, attempt);
      logger_->info("http {} {} rate limited; retrying in {} ms", method_name, target,
                    wait.count());
      sleeper_(wait);
      continue;
    }
    if (response && response->status < 500) return std::move(*response);
    if (response) last_failure = "HTTP " + std::to_string(response->status);
    if (last_attempt) {
      throw officer::TransientError("http " + method_name + " " + target + " failed after " +
                                    std::to_string(attempt) + " attempt(s): " + last_failure);
    }
    sleeper_(Backoff(config_.retry, attempt));
  }
}

}  // namespace officer::integrations::http
