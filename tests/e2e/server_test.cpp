#include <signal.h>

#include <cstdlib>
#include <sstream>
#include <thread>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <officer/testing/http_call.hpp>
#include <officer/testing/officer_process.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using officer::testing::HttpCall;
using officer::testing::OfficerProcess;
using officer::testing::TestDatabase;

// The contract's error shape: a code and a sentence, nothing else.
void CheckJsonError(const officer::testing::HttpReply& reply, int status, const std::string& code) {
  CHECK(reply.status == status);
  CHECK(reply.headers.at("content-type").find("application/json") == 0);
  auto body = nlohmann::json::parse(reply.body);
  CHECK(body.at("error") == code);
  CHECK(body.at("message").get<std::string>().size() > 10);
}

}  // namespace

TEST_SUITE("server") {
  TEST_CASE("healthz answers ok and readyz answers ready with the database up") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    auto health = HttpCall("GET", officer.BaseUrl() + "/healthz");
    CHECK(health.status == 200);
    CHECK(nlohmann::json::parse(health.body).at("status") == "ok");
    CHECK(HttpCall("GET", officer.BaseUrl() + "/readyz").status == 200);
  }

  TEST_CASE("an unknown route is a 404 JSON error") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    CheckJsonError(HttpCall("GET", officer.BaseUrl() + "/no/such/thing"), 404, "not_found");
  }

  TEST_CASE("a wrong method is a 405 JSON error naming the allowed one") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    auto reply = HttpCall("DELETE", officer.BaseUrl() + "/healthz");
    CheckJsonError(reply, 405, "method_not_allowed");
    CHECK(reply.headers.at("allow") == "GET");
  }

  TEST_CASE("a body over 64 KiB is a 413 JSON error") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    CheckJsonError(
        HttpCall("POST", officer.BaseUrl() + "/slack/commands", std::string(65 * 1024 + 1, 'x'),
                 {{"Content-Type", "application/x-www-form-urlencoded"}}),
        413, "payload_too_large");
  }

  TEST_CASE("a body of the wrong content type is a 415 JSON error") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    CheckJsonError(HttpCall("POST", officer.BaseUrl() + "/slack/commands", R"({"text":"help"})",
                            {{"Content-Type", "application/json"}}),
                   415, "unsupported_media_type");
  }

  TEST_CASE("metrics count requests by route and status and expose a latency histogram") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    HttpCall("GET", officer.BaseUrl() + "/healthz");
    HttpCall("GET", officer.BaseUrl() + "/nowhere");
    auto metrics = HttpCall("GET", officer.BaseUrl() + "/metrics");
    CHECK(metrics.status == 200);
    CHECK(metrics.headers.at("content-type").find("text/plain") == 0);
    CHECK(metrics.body.find(
              R"(officer_http_requests_total{method="GET",route="/healthz",status="200"})") !=
          std::string::npos);
    CHECK(metrics.body.find(
              R"(officer_http_requests_total{method="GET",route="unmatched",status="404"} 1)") !=
          std::string::npos);
    CHECK(metrics.body.find(R"(officer_http_request_duration_seconds_bucket{route="/healthz",)") !=
          std::string::npos);
  }

  TEST_CASE("each request is one log line with method, path, status and milliseconds") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    HttpCall("GET", officer.BaseUrl() + "/readyz?token=xoxb-should-not-matter");
    CHECK(officer.Stop() == 0);
    const std::string output = officer.Output();
    CHECK(output.find("GET /readyz 200 ") != std::string::npos);
    CHECK(output.find("xoxb-should-not-matter") == std::string::npos);
  }

  TEST_CASE("json log format writes one JSON object per line") {
    TestDatabase db;
    auto officer =
        OfficerProcess::Serve({{"DATABASE_URL", db.Url()}, {"OFFICER_LOG_FORMAT", "json"}});
    HttpCall("GET", officer.BaseUrl() + "/healthz");
    CHECK(officer.Stop() == 0);
    std::istringstream lines(officer.Output());
    int parsed = 0;
    for (std::string line; std::getline(lines, line);) {
      auto object = nlohmann::json::parse(line, nullptr, false);
      CAPTURE(line);
      REQUIRE_FALSE(object.is_discarded());
      CHECK(object.contains("level"));
      CHECK(object.contains("message"));
      ++parsed;
    }
    CHECK(parsed >= 3);
  }

  TEST_CASE("SIGTERM lets a request in flight finish and exits 0") {
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    officer::testing::RawHttpConnection connection(officer.Port());
    // The body arrives after the signal, so the request is still being handled when it lands.
    connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::thread stopper([&] { officer.Stop(SIGTERM); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    connection.Send("67890");
    auto reply = connection.ReadReply();
    stopper.join();
    CHECK(reply.status == 200);
    CHECK(officer.Wait(std::chrono::seconds(1)) == 0);
    CHECK(officer.Output().find("received SIGTERM") != std::string::npos);
  }

  TEST_CASE("a bad configuration value stops start-up with one line naming it") {
    auto [status, output] = officer::testing::RunOfficer(
        {"serve"},
        {{"OFFICER_SECRET_KEY", "1234"}, {"DATABASE_URL", "postgresql://x@127.0.0.1/x"}});
    CHECK(status == 2);
    CHECK(output ==
          "officer: OFFICER_SECRET_KEY must be 64 hex characters (32 bytes); generate "
          "one with `openssl rand -hex 32`\n");
  }

  TEST_CASE("version and help answer without any configuration") {
    auto [status, output] = officer::testing::RunOfficer({"--version"}, {});
    CHECK(status == 0);
    CHECK(output.rfind("officer ", 0) == 0);
    auto [help_status, help] = officer::testing::RunOfficer({"help"}, {});
    CHECK(help_status == 0);
    for (const char* word : {"serve", "migrate", "say", "SLACK_SIGNING_SECRET", "DATABASE_URL"}) {
      CAPTURE(word);
      CHECK(help.find(word) != std::string::npos);
    }
  }
}

TEST_SUITE("outage") {
  TEST_CASE("readyz turns 503 while PostgreSQL is stopped and 200 once it is back") {
    const char* control = std::getenv("OFFICER_TEST_PG_CONTROL");
    REQUIRE_MESSAGE(control != nullptr,
                    "run through deploy/dev test, which sets OFFICER_TEST_PG_CONTROL");
    TestDatabase db;
    auto officer = OfficerProcess::Serve({{"DATABASE_URL", db.Url()}});
    REQUIRE(HttpCall("GET", officer.BaseUrl() + "/readyz").status == 200);

    REQUIRE(std::system((std::string(control) + " stop").c_str()) == 0);
    auto down = HttpCall("GET", officer.BaseUrl() + "/readyz");
    REQUIRE(std::system((std::string(control) + " start").c_str()) == 0);
    CheckJsonError(down, 503, "database_unavailable");
    CHECK(HttpCall("GET", officer.BaseUrl() + "/healthz").status == 200);

    int status = 0;
    for (int i = 0; i < 50 && status != 200; ++i) {
      status = HttpCall("GET", officer.BaseUrl() + "/readyz").status;
      if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    CHECK(status == 200);
  }
}
