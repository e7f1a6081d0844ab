// A slow Slack for `deploy/dev bench`: every Web API method and every response_url POST answers
// {"ok":true,...} after a delay (default 500 ms), so a server that waited on Slack before
// acknowledging would show it in its latency. Not a test.
//
//   fake_slack --port 5090 [--delay-ms 500]
//   GET /bench/stats            {"calls": <Slack calls answered>, "delay_ms": <current delay>}
//   POST /bench/delay?ms=<N>    change the delay
// Runs until SIGTERM or SIGINT.
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include <officer/fakes/fake_http_server.hpp>

namespace {

using officer::fakes::FakeHttpServer;
using officer::fakes::FakeResponse;
using officer::fakes::RecordedRequest;

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  std::atomic<long> delay_ms{500};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--port") {
      port = std::atoi(argv[i + 1]);
    } else if (arg == "--delay-ms") {
      delay_ms = std::atol(argv[i + 1]);
    } else {
      std::cerr << "usage: fake_slack --port N [--delay-ms MS]\n";
      return 2;
    }
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::atomic<long> calls{0};
  FakeHttpServer server(static_cast<std::uint16_t>(port));
  server.Handle("/bench/stats", [&](const RecordedRequest&) {
    return FakeResponse::Json(
        nlohmann::json{{"calls", calls.load()}, {"delay_ms", delay_ms.load()}}.dump());
  });
  server.Handle("/bench/delay", [&](const RecordedRequest& request) {
    delay_ms = std::atol(request.QueryParam("ms").value_or("500").c_str());
    return FakeResponse::Json(nlohmann::json{{"delay_ms", delay_ms.load()}}.dump());
  });
  server.SetFallback([&](const RecordedRequest& request) {
    ++calls;
    auto response =
        request.path.rfind("/api/", 0) == 0
            ? FakeResponse::Json(R"({"ok":true,"channel":"C0BENCH","ts":"1700000000.000100",)"
                                 R"("message_ts":"1700000000.000100"})")
            : FakeResponse::Json(R"({"ok":true})");
    response.delay = std::chrono::milliseconds(delay_ms.load());
    return response;
  });
  // The server records every request; the bench only needs the count, so forget them regularly.
  std::cout << "fake_slack listening on " << server.BaseUrl() << " (delay " << delay_ms.load()
            << " ms)" << std::endl;
  int signal = 0;
  timespec tick{5, 0};
  siginfo_t info{};
  for (;;) {
    signal = sigtimedwait(&stop_signals, &info, &tick);
    if (signal > 0) break;
    server.ClearRequests();
  }
  return 0;
}
