#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace web::http::experimental::listener {
class http_listener;
}

namespace officer::fakes {

/// One request the fake server received.
struct RecordedRequest {
  std::string method{};
  /// Path without the query, still percent-encoded.
  std::string path{};
  /// Raw query string without '?'.
  std::string query{};
  /// Header names lower-cased.
  std::map<std::string, std::string> headers;
  std::string body{};

  /// The header's value (name matched case-insensitively); empty when absent.
  std::string Header(std::string_view name) const;
  /// A query parameter, percent-decoded ('+' as space).
  std::optional<std::string> QueryParam(std::string_view name) const;
};

/// What the fake answers.
struct FakeResponse {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body{};
  std::string content_type = "application/json; charset=utf-8";
  /// Wait this long before answering (interrupted when the server stops).
  std::chrono::milliseconds delay{0};

  static FakeResponse Json(std::string json_text, int status = 200);
  static FakeResponse Status(int status);
  /// 429 with Retry-After: seconds and Slack's {"ok":false,"error":"ratelimited"}.
  static FakeResponse RateLimited(int retry_after_seconds);
  /// Holds the connection open without answering until the server stops.
  static FakeResponse NeverAnswer();
};

using FakeHandler = std::function<FakeResponse(const RecordedRequest&)>;

/// Decodes %XX and (optionally) '+' as space.
std::string UrlDecode(std::string_view text, bool plus_is_space = true);
/// Splits an application/x-www-form-urlencoded string (or a query string) into decoded pairs.
std::vector<std::pair<std::string, std::string>> ParseFormFields(std::string_view text);

/// A self-signed certificate for 127.0.0.1 and localhost (valid 2000-2999), PEM: serve it with
/// FakeHttpServer(port, /*tls=*/true) and trust it through HttpTransportConfig::ca_file.
std::string_view LoopbackCertificatePem();
std::string_view LoopbackPrivateKeyPem();

/// An HTTP(S) server on 127.0.0.1 for tests (cpprestsdk listener). Records every request; answers
/// from a per-path queue of scripted responses first, then from the path's handler, then from
/// the fallback (404). Handlers run concurrently on the listener's threads: everything here is
/// guarded by a mutex, and handlers are called without holding it.
class FakeHttpServer {
 public:
  /// port 0 picks a free ephemeral port; tls serves HTTPS with LoopbackCertificatePem().
  /// Throws std::runtime_error when it cannot listen.
  explicit FakeHttpServer(std::uint16_t port = 0, bool tls = false);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  std::uint16_t Port() const { return port_; }
  /// "http://127.0.0.1:<port>" (https with tls)
  std::string BaseUrl() const;

  /// Answers requests to exactly this path (any method).
  void Handle(std::string path, FakeHandler handler);
  /// Answers paths nobody handles; default 404.
  void SetFallback(FakeHandler handler);
  /// Scripted answers for a path, used once each and in order before its handler:
  /// e.g. Enqueue("/x", Status(500), 2) then the handler answers the third call.
  void Enqueue(const std::string& path, FakeResponse response, int times = 1);

  std::vector<RecordedRequest> Requests() const;
  std::vector<RecordedRequest> RequestsTo(std::string_view path) const;
  std::size_t CountTo(std::string_view path) const;
  void ClearRequests();

 private:
  struct Pending;
  void OnRequest(const std::shared_ptr<Pending>& pending);
  FakeResponse Respond(const RecordedRequest& request);
  void Finish();

  std::uint16_t port_ = 0;
  bool tls_ = false;
  std::unique_ptr<web::http::experimental::listener::http_listener> listener_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;
  int in_flight_ = 0;
  std::map<std::string, FakeHandler, std::less<>> handlers_;
  FakeHandler fallback_;
  std::map<std::string, std::deque<FakeResponse>, std::less<>> scripted_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace officer::fakes
