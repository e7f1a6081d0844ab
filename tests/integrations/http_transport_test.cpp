#include <officer/integrations/http/http_transport.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <officer/fakes/fake_http_server.hpp>

namespace {

using namespace std::chrono_literals;
using officer::fakes::FakeHttpServer;
using officer::fakes::FakeResponse;
using officer::fakes::RecordedRequest;
namespace http = officer::integrations::http;

// Records waits instead of sleeping, so retry tests take no wall-clock time.
class RecordingSleeper {
 public:
  http::Sleeper AsSleeper() {
    return [this](std::chrono::milliseconds wait) {
      std::lock_guard lock(mutex_);
      waits_.push_back(wait);
    };
  }
  std::vector<std::chrono::milliseconds> Waits() const {
    std::lock_guard lock(mutex_);
    return waits_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> waits_;
};

std::shared_ptr<spdlog::logger> QuietLogger() { return std::make_shared<spdlog::logger>("test"); }

http::HttpTransportConfig FastConfig() {
  http::HttpTransportConfig config;
  config.timeout = 2000ms;
  config.retry.max_attempts = 3;
  config.retry.initial_backoff = 100ms;
  config.retry.max_backoff = 1000ms;
  config.retry.max_retry_after = 30s;
  return config;
}

http::HttpRequest Get(const FakeHttpServer& server, const std::string& path_and_query) {
  http::HttpRequest request;
  request.url = server.BaseUrl() + path_and_query;
  return request;
}

}  // namespace

TEST_SUITE("http") {
  TEST_CASE("a GET returns the status, headers and body the server sent") {
    FakeHttpServer server;
    server.Handle("/things", [](const RecordedRequest&) {
      auto response = FakeResponse::Json(R"({"thing":1})");
      response.headers["X-Request-Id"] = "abc";
      return response;
    });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    auto response = transport.Send(Get(server, "/things?a=1&b=two"));

    CHECK(response.status == 200);
    CHECK(response.body == R"({"thing":1})");
    CHECK(response.Header("x-request-id") == "abc");
    CHECK(response.Header("content-type").value_or("").find("application/json") == 0);
    auto requests = server.RequestsTo("/things");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "GET");
    CHECK(requests[0].QueryParam("b") == "two");
    CHECK(requests[0].Header("user-agent") == "Officer");
    CHECK(sleeper.Waits().empty());
  }

  TEST_CASE("a POST carries its body, content type and the caller's headers") {
    FakeHttpServer server;
    server.Handle("/submit", [](const RecordedRequest&) { return FakeResponse::Status(201); });
    http::HttpTransport transport(FastConfig(), QuietLogger());
    http::HttpRequest request;
    request.method = http::Method::kPost;
    request.url = server.BaseUrl() + "/submit";
    request.body = "grant_type=refresh_token&x=%20";
    request.content_type = "application/x-www-form-urlencoded";
    request.headers.emplace("Authorization", "Basic dXNlcjpwYXNz");

    auto response = transport.Send(request);

    CHECK(response.status == 201);
    auto requests = server.RequestsTo("/submit");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].body == request.body);
    CHECK(requests[0].Header("Content-Type") == "application/x-www-form-urlencoded");
    CHECK(requests[0].Header("authorization") == "Basic dXNlcjpwYXNz");
  }

  TEST_CASE("a 429 with Retry-After: 1 is waited out and the next attempt succeeds") {
    FakeHttpServer server;
    server.Enqueue("/limited", FakeResponse::RateLimited(1));
    server.Handle("/limited", [](const RecordedRequest&) { return FakeResponse::Json("{}"); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    auto response = transport.Send(Get(server, "/limited"));

    CHECK(response.status == 200);
    CHECK(server.CountTo("/limited") == 2);
    REQUIRE(sleeper.Waits().size() == 1);
    CHECK(sleeper.Waits()[0] == std::chrono::milliseconds(1000));
  }

  TEST_CASE("a Retry-After beyond the maximum wait gives RateLimitedError at once") {
    FakeHttpServer server;
    server.Handle("/limited",
                  [](const RecordedRequest&) { return FakeResponse::RateLimited(120); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    std::chrono::seconds retry_after{0};
    try {
      transport.Send(Get(server, "/limited"));
      FAIL("expected RateLimitedError");
    } catch (const http::RateLimitedError& error) {
      retry_after = error.RetryAfter();
      CHECK(std::string(error.what()).find("rate limited") != std::string::npos);
    }
    CHECK(retry_after == std::chrono::seconds(120));
    CHECK(server.CountTo("/limited") == 1);
    CHECK(sleeper.Waits().empty());
  }

  TEST_CASE("a 429 that persists through every attempt ends in a TransientError") {
    FakeHttpServer server;
    server.Handle("/limited", [](const RecordedRequest&) { return FakeResponse::RateLimited(2); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    CHECK_THROWS_AS(transport.Send(Get(server, "/limited")), officer::TransientError);
    CHECK(server.CountTo("/limited") == 3);
    CHECK(sleeper.Waits() == std::vector<std::chrono::milliseconds>{2000ms, 2000ms});
  }

  TEST_CASE("500 twice then success succeeds on the third try after growing backoffs") {
    FakeHttpServer server;
    server.Enqueue("/flaky", FakeResponse::Status(500), 2);
    server.Handle("/flaky", [](const RecordedRequest&) { return FakeResponse::Json("[]"); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    auto response = transport.Send(Get(server, "/flaky"));

    CHECK(response.status == 200);
    CHECK(server.CountTo("/flaky") == 3);
    auto waits = sleeper.Waits();
    REQUIRE(waits.size() == 2);
    // Equal jitter: half to all of 100 ms, then of 200 ms.
    CHECK(waits[0] >= 50ms);
    CHECK(waits[0] <= 100ms);
    CHECK(waits[1] >= 100ms);
    CHECK(waits[1] <= 200ms);
  }

  TEST_CASE("a server that always answers 500 ends with TransientError after N tries") {
    FakeHttpServer server;
    server.Handle("/down", [](const RecordedRequest&) { return FakeResponse::Status(503); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    CHECK_THROWS_AS(transport.Send(Get(server, "/down")), officer::TransientError);
    CHECK(server.CountTo("/down") == 3);
    CHECK(sleeper.Waits().size() == 2);
  }

  TEST_CASE("a request can turn retries off") {
    FakeHttpServer server;
    server.Handle("/down", [](const RecordedRequest&) { return FakeResponse::Status(500); });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());
    auto request = Get(server, "/down");
    request.max_attempts = 1;

    CHECK_THROWS_AS(transport.Send(request), officer::TransientError);
    CHECK(server.CountTo("/down") == 1);
    CHECK(sleeper.Waits().empty());
  }

  TEST_CASE("a 4xx other than 429 is returned as a value without retrying") {
    FakeHttpServer server;
    server.Handle("/missing", [](const RecordedRequest&) {
      return FakeResponse::Json(R"({"error":"nope"})", 404);
    });
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());

    auto response = transport.Send(Get(server, "/missing"));

    CHECK(response.status == 404);
    CHECK(response.body == R"({"error":"nope"})");
    CHECK(server.CountTo("/missing") == 1);
  }

  TEST_CASE("a server that never answers hits the timeout and gives TransientError") {
    FakeHttpServer server;
    server.Handle("/slow", [](const RecordedRequest&) { return FakeResponse::NeverAnswer(); });
    RecordingSleeper sleeper;
    auto config = FastConfig();
    config.retry.max_attempts = 2;
    http::HttpTransport transport(config, QuietLogger(), sleeper.AsSleeper());
    auto request = Get(server, "/slow");
    request.timeout = 300ms;

    const auto started = std::chrono::steady_clock::now();
    std::string message;
    try {
      transport.Send(request);
      FAIL("expected TransientError");
    } catch (const officer::TransientError& error) {
      message = error.what();
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;

    CHECK(message.find("timed out after 300 ms") != std::string::npos);
    CHECK(elapsed >= 500ms);
    CHECK(elapsed < 5s);
    CHECK(sleeper.Waits().size() == 1);
  }

  TEST_CASE("a refused connection is retried, then gives TransientError") {
    std::string base_url;
    {
      FakeHttpServer gone;
      base_url = gone.BaseUrl();
    }
    RecordingSleeper sleeper;
    http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());
    http::HttpRequest request;
    request.url = base_url + "/anything";

    CHECK_THROWS_AS(transport.Send(request), officer::TransientError);
    CHECK(sleeper.Waits().size() == 2);
  }

  TEST_CASE("a URL that is not absolute http(s) is a PermanentError") {
    http::HttpTransport transport(FastConfig(), QuietLogger());
    http::HttpRequest request;
    SUBCASE("relative") { request.url = "/api/chat.postMessage"; }
    SUBCASE("other scheme") { request.url = "ftp://example.com/file"; }
    SUBCASE("garbage") { request.url = "http://exa mple.com/%%"; }
    CHECK_THROWS_AS(transport.Send(request), officer::PermanentError);
  }

  TEST_CASE("an unreadable CA bundle stops construction with PermanentError") {
    auto config = FastConfig();
    config.ca_file = "/nonexistent/officer-ca.pem";
    CHECK_THROWS_AS(http::HttpTransport(config, QuietLogger()), officer::PermanentError);
  }

  TEST_CASE("a file that is not a PEM CA bundle stops construction with PermanentError") {
    const std::string path = "/tmp/officer-http-test-not-a-ca.pem";
    std::ofstream(path) << "not a certificate\n";
    auto config = FastConfig();
    config.ca_file = path;
    CHECK_THROWS_AS(http::HttpTransport(config, QuietLogger()), officer::PermanentError);
  }

  TEST_CASE("HTTPS verifies the certificate, and an extra CA bundle makes a private CA trusted") {
    FakeHttpServer server(0, /*tls=*/true);
    server.Handle("/secure", [](const RecordedRequest&) { return FakeResponse::Json("{}"); });
    REQUIRE(server.BaseUrl().rfind("https://127.0.0.1:", 0) == 0);

    SUBCASE("an unknown issuer is refused") {
      RecordingSleeper sleeper;
      http::HttpTransport transport(FastConfig(), QuietLogger(), sleeper.AsSleeper());
      CHECK_THROWS_AS(transport.Send(Get(server, "/secure")), officer::TransientError);
      CHECK(server.CountTo("/secure") == 0);
    }
    SUBCASE("the issuer from OFFICER_CA_FILE is trusted") {
      const std::string path =
          "/tmp/officer-http-test-ca-" + std::to_string(server.Port()) + ".pem";
      std::ofstream(path) << officer::fakes::LoopbackCertificatePem();
      auto config = FastConfig();
      config.ca_file = path;
      http::HttpTransport transport(config, QuietLogger());
      CHECK(transport.Send(Get(server, "/secure")).status == 200);
      CHECK(server.CountTo("/secure") == 1);
    }
  }

  TEST_CASE("the log line names method, host, path, status and time but no query or header") {
    FakeHttpServer server;
    server.Handle("/v1/items", [](const RecordedRequest&) { return FakeResponse::Json("{}"); });
    std::ostringstream captured;
    auto logger = std::make_shared<spdlog::logger>(
        "http", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    logger->set_level(spdlog::level::trace);
    http::HttpTransport transport(FastConfig(), logger);
    auto request = Get(server, "/v1/items?code=secret-code-123");
    request.headers.emplace("Authorization", "Bearer secret-token-456");
    request.method = http::Method::kPost;
    request.content_type = "application/json";
    request.body = R"({"password":"secret-body-789"})";

    transport.Send(request);

    const std::string log = captured.str();
    CHECK(log.find("POST 127.0.0.1:" + std::to_string(server.Port()) + "/v1/items -> 200") !=
          std::string::npos);
    CHECK(log.find(" ms") != std::string::npos);
    CHECK(log.find("secret") == std::string::npos);
  }

  TEST_CASE("a redacted path is logged as host only") {
    FakeHttpServer server;
    server.Handle("/actions/T1/B2/hook-secret",
                  [](const RecordedRequest&) { return FakeResponse::Json("{}"); });
    std::ostringstream captured;
    auto logger = std::make_shared<spdlog::logger>(
        "http", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    logger->set_level(spdlog::level::trace);
    http::HttpTransport transport(FastConfig(), logger);
    auto request = Get(server, "/actions/T1/B2/hook-secret");
    request.redact_path = true;

    CHECK(transport.Send(request).status == 200);
    CHECK(captured.str().find("hook-secret") == std::string::npos);
    CHECK(captured.str().find("/***") != std::string::npos);
  }

  TEST_CASE("many threads share one transport safely") {
    FakeHttpServer server;
    std::atomic<int> served{0};
    server.Handle("/count", [&served](const RecordedRequest&) {
      ++served;
      return FakeResponse::Json("{}");
    });
    http::HttpTransport transport(FastConfig(), QuietLogger());
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 10; ++i) {
          if (transport.Send(Get(server, "/count")).status == 200) ++ok;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    CHECK(ok == 80);
    CHECK(served == 80);
  }

  TEST_CASE("form encoding escapes everything but unreserved characters") {
    CHECK(http::PercentEncode("a b&c=d/é~") == "a%20b%26c%3Dd%2F%C3%A9~");
    CHECK(http::FormUrlEncode({{"grant_type", "refresh_token"}, {"scope", "a b"}}) ==
          "grant_type=refresh_token&scope=a%20b");
  }
}
