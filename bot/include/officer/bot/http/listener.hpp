#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <officer/bot/http/inbound_request.hpp>

namespace officer::bot {

/// The HTTP/1.1 server: reads each request into an InboundRequest, calls the handler on the
/// thread that read it, and writes the answer. Keep-alive, pipelining, chunked request bodies and
/// Expect: 100-continue; a body over `max_body_bytes` is not read but handed over as too large.
class HttpListener {
 public:
  using RequestHandler = std::function<OutboundResponse(const InboundRequest&)>;

  HttpListener(std::string address, RequestHandler handler, std::size_t max_body_bytes);
  ~HttpListener();
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  /// Starts accepting. Throws std::runtime_error when the address cannot be bound.
  void Open();
  /// The port listened on (useful after opening port 0).
  int Port() const;
  /// Answers new requests with 503, waits up to `timeout` for in-flight ones, then closes.
  /// Returns the number of requests still in flight when it gave up (0 on a clean drain).
  int Drain(std::chrono::milliseconds timeout);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace officer::bot
