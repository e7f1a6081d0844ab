#include <officer/bot/http/listener.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <thread>

#include <cpprest/http_listener.h>

namespace officer::bot {

namespace http = web::http;
namespace listener = web::http::experimental::listener;

struct HttpListener::State {
  std::string address;
  RequestHandler handler;
  std::size_t max_body_bytes;
  std::unique_ptr<listener::http_listener> server;
  std::atomic<bool> draining{false};
  std::atomic<int> in_flight{0};

  void Reply(http::http_request& request, const OutboundResponse& response) {
    http::http_response reply(static_cast<http::status_code>(response.status));
    for (const auto& [name, value] : response.headers) reply.headers().add(name, value);
    reply.set_body(response.body, response.content_type);
    request.reply(reply).then([](pplx::task<void> sent) {
      try {
        sent.get();
      } catch (const std::exception&) {
        // The client went away before the reply; nothing is left to tell it.
      }
    });
  }

  void Handle(http::http_request request) {
    if (draining) {
      auto response = JsonError(503, "shutting_down", "Officer is restarting; try again.");
      response.headers.emplace_back("Connection", "close");
      Reply(request, response);
      return;
    }
    ++in_flight;
    InboundRequest inbound;
    inbound.method = request.method();
    inbound.path = request.relative_uri().path();
    inbound.query = request.relative_uri().query();
    for (const auto& [name, value] : request.headers()) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      inbound.headers.emplace(std::move(lower), value);
    }
    if (request.headers().content_length() > max_body_bytes) {
      inbound.body_too_large = true;
      Finish(request, inbound);
      return;
    }
    // Never block a pool thread waiting for the body: the same pool reads it, so blocked
    // handlers would deadlock the listener once every pool thread waits.
    request.extract_vector().then([this, request, inbound = std::move(inbound)](
                                      pplx::task<std::vector<unsigned char>> body) mutable {
      try {
        auto bytes = body.get();
        if (bytes.size() > max_body_bytes) {
          inbound.body_too_large = true;
        } else {
          inbound.body.assign(bytes.begin(), bytes.end());
        }
      } catch (const std::exception&) {
        Reply(request, JsonError(400, "bad_request", "The request body could not be read."));
        --in_flight;
        return;
      }
      Finish(request, inbound);
    });
  }

  // Dispatches and replies; the dispatcher never throws, so every request gets its answer.
  void Finish(http::http_request& request, const InboundRequest& inbound) {
    Reply(request, handler(inbound));
    --in_flight;
  }
};

HttpListener::HttpListener(std::string address, RequestHandler handler, std::size_t max_body_bytes)
    : state_(std::make_unique<State>()) {
  state_->address = std::move(address);
  state_->handler = std::move(handler);
  state_->max_body_bytes = max_body_bytes;
}

HttpListener::~HttpListener() {
  if (state_->server) Drain(std::chrono::milliseconds(0));
}

void HttpListener::Open() {
  listener::http_listener_config config;
  config.set_timeout(std::chrono::seconds(30));
  state_->server = std::make_unique<listener::http_listener>(web::uri(state_->address), config);
  State* state = state_.get();
  state_->server->support([state](http::http_request request) { state->Handle(request); });
  try {
    state_->server->open().wait();
  } catch (const std::exception& error) {
    state_->server.reset();
    throw std::runtime_error("cannot listen on " + state_->address + ": " + error.what());
  }
}

int HttpListener::Drain(std::chrono::milliseconds timeout) {
  if (!state_->server) return 0;
  state_->draining = true;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (state_->in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const int left = state_->in_flight;
  // Give the last replies a moment to leave before the sockets close.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  try {
    state_->server->close().wait();
  } catch (const std::exception&) {
    // Closing a listener whose sockets already failed has nothing left to release.
  }
  state_->server.reset();
  return left;
}

}  // namespace officer::bot
