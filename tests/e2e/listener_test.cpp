// The HTTP listener on loopback with a recording handler: keep-alive, pipelining, chunked and
// late bodies, Expect: 100-continue, oversized bodies, unreadable requests and draining, as raw
// bytes on a socket so nothing in between smooths them over.
#include <officer/bot/http/listener.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

using officer::bot::HttpListener;
using officer::bot::InboundRequest;
using officer::bot::OutboundResponse;

constexpr std::size_t kMaxBody = 64 * 1024;

// A listener on a free port whose handler answers with what it was given.
struct EchoServer {
  std::mutex mutex;
  std::vector<InboundRequest> seen;
  std::atomic<int> hold_ms{0};
  HttpListener listener{
      "http://127.0.0.1:0",
      [this](const InboundRequest& request) {
        if (hold_ms > 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms.load()));
        }
        {
          std::lock_guard lock(mutex);
          seen.push_back(request);
        }
        if (request.body_too_large) {
          return OutboundResponse{413, "application/json", R"({"error":"x"})", {}};
        }
        nlohmann::json echo = {{"method", request.method},
                               {"path", request.path},
                               {"query", request.query},
                               {"body", request.body}};
        return OutboundResponse{200, "application/json", echo.dump(), {}};
      },
      kMaxBody};

  EchoServer() { listener.Open(); }

  std::size_t Seen() {
    std::lock_guard lock(mutex);
    return seen.size();
  }
};

// A client socket that reads answers one at a time, keeping what arrives beyond the first.
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("cannot connect");
    }
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void Send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("the connection closed while sending");
      sent += static_cast<std::size_t>(n);
    }
  }

  // The next whole answer (head and Content-Length body), or "" when the server closed first.
  std::string Next() {
    for (;;) {
      const auto head_end = buffer_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::size_t length = 0;
        const auto field = buffer_.find("Content-Length: ");
        if (field != std::string::npos && field < head_end) {
          length = std::stoul(buffer_.substr(field + 16));
        }
        if (buffer_.size() >= head_end + 4 + length) {
          std::string answer = buffer_.substr(0, head_end + 4 + length);
          buffer_.erase(0, answer.size());
          return answer;
        }
      }
      char chunk[4096];
      const auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got < 0) throw std::runtime_error("no answer within 10 s");
      if (got == 0) return {};
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  // Everything received until `marker` has arrived.
  std::string ReadUntil(const std::string& marker) {
    char chunk[4096];
    while (buffer_.find(marker) == std::string::npos) {
      const auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got <= 0) throw std::runtime_error("closed or silent before " + marker);
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
    return std::exchange(buffer_, std::string());
  }

  // True when the server closes the connection (after any answers still to read).
  bool ClosedByServer() {
    char chunk[4096];
    for (;;) {
      const auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got == 0) return true;
      if (got < 0) return false;
    }
  }

 private:
  int fd_ = -1;
  std::string buffer_;
};

nlohmann::json BodyOf(const std::string& answer) {
  return nlohmann::json::parse(answer.substr(answer.find("\r\n\r\n") + 4));
}

int StatusOf(const std::string& answer) {
  return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0;
}

std::string Post(const std::string& path, const std::string& body, const std::string& extra = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_SUITE("listener") {
  TEST_CASE("requests on one kept-alive connection are answered in turn") {
    EchoServer server;
    Client client(server.listener.Port());
    for (int i = 0; i < 3; ++i) {
      client.Send(Post("/echo/" + std::to_string(i) + "?q=%20x", "body " + std::to_string(i)));
      const auto answer = client.Next();
      CAPTURE(answer);
      REQUIRE(StatusOf(answer) == 200);
      CHECK(answer.find("Content-Type: application/json\r\n") != std::string::npos);
      const auto body = BodyOf(answer);
      CHECK(body["method"] == "POST");
      CHECK(body["path"] == "/echo/" + std::to_string(i));
      CHECK(body["query"] == "q=%20x");
      CHECK(body["body"] == "body " + std::to_string(i));
    }
    CHECK(server.Seen() == 3);
  }

  TEST_CASE("pipelined requests sent at once get their answers in order") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send(Post("/a", "1") + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n" + Post("/c", "333"));
    CHECK(BodyOf(client.Next())["path"] == "/a");
    CHECK(BodyOf(client.Next())["path"] == "/b");
    const auto last = BodyOf(client.Next());
    CHECK(last["path"] == "/c");
    CHECK(last["body"] == "333");
  }

  TEST_CASE("a request arriving byte by byte is read whole") {
    EchoServer server;
    Client client(server.listener.Port());
    for (const char byte : Post("/slow", "late body")) {
      client.Send(std::string(1, byte));
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(BodyOf(client.Next())["body"] == "late body");
  }

  TEST_CASE("a chunked body is decoded") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    client.Send("\r\n5;x=y\r\npedia\r\n0\r\n\r\n");
    const auto answer = client.Next();
    CHECK(BodyOf(answer)["body"] == "Wikipedia");
    client.Send(Post("/after", ""));  // the connection is still in step
    CHECK(BodyOf(client.Next())["path"] == "/after");
  }

  TEST_CASE("a client that expects 100-continue is told to send the body") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send("POST /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    CHECK(client.Next() == "HTTP/1.1 100 Continue\r\n\r\n");
    client.Send("hello");
    CHECK(BodyOf(client.Next())["body"] == "hello");
  }

  TEST_CASE("HTTP/1.0 and Connection: close get one answer and a closed connection") {
    EchoServer server;
    for (const char* request :
         {"GET /old HTTP/1.0\r\n\r\n", "GET /bye HTTP/1.1\r\nConnection: close\r\n\r\n"}) {
      CAPTURE(request);
      Client client(server.listener.Port());
      client.Send(request);
      const auto answer = client.Next();
      CHECK(StatusOf(answer) == 200);
      CHECK(answer.find("Connection: close\r\n") != std::string::npos);
      CHECK(client.ClosedByServer());
    }
  }

  TEST_CASE("a HEAD request gets the head of the answer only") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /g HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string raw = client.ReadUntil(R"("path":"/g")");
    const auto first_end = raw.find("\r\n\r\n");
    CHECK(raw.substr(0, 15) == "HTTP/1.1 200 OK");
    CHECK(raw.find("Content-Length: ") < first_end);
    CHECK(raw.substr(first_end + 4, 15) == "HTTP/1.1 200 OK");  // no body in between
  }

  TEST_CASE("an unreadable request is a 400 JSON error and the connection closes") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send("GET / HTTP/1.1\r\nNo colon here\r\n\r\n");
    const auto answer = client.Next();
    CHECK(StatusOf(answer) == 400);
    CHECK(BodyOf(answer)["error"] == "bad_request");
    CHECK(client.ClosedByServer());
    CHECK(server.Seen() == 0);
  }

  TEST_CASE(
      "a body over the limit is handed over as too large, unread, and the client can read "
      "the 413 after sending it all") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send(Post("/big", std::string(3 * kMaxBody, 'x')));
    const auto answer = client.Next();
    CHECK(StatusOf(answer) == 413);
    CHECK(answer.find("Connection: close\r\n") != std::string::npos);
    CHECK(client.ClosedByServer());
    REQUIRE(server.Seen() == 1);
    CHECK(server.seen[0].body_too_large);
    CHECK(server.seen[0].body.empty());
  }

  TEST_CASE("a chunked body over the limit is too large as well") {
    EchoServer server;
    Client client(server.listener.Port());
    client.Send("POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10001\r\n");
    CHECK(StatusOf(client.Next()) == 413);
    CHECK(client.ClosedByServer());
  }

  TEST_CASE("slow handlers run side by side") {
    EchoServer server;
    server.hold_ms = 300;
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    std::atomic<int> ok{0};
    for (int i = 0; i < 6; ++i) {
      clients.emplace_back([&] {
        Client client(server.listener.Port());
        client.Send(Post("/slow", "x"));
        if (StatusOf(client.Next()) == 200) ++ok;
      });
    }
    for (auto& client : clients) client.join();
    CHECK(ok == 6);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1500));
  }

  TEST_CASE("draining finishes the request in flight and turns new ones away with 503") {
    EchoServer server;
    Client early(server.listener.Port());
    early.Send("POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::thread drain([&] { CHECK(server.listener.Drain(std::chrono::seconds(5)) == 0); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Client late(server.listener.Port());
    late.Send(Post("/late", "x"));
    const auto refused = late.Next();
    CHECK(StatusOf(refused) == 503);
    CHECK(BodyOf(refused)["error"] == "shutting_down");
    early.Send("cd");
    const auto answer = early.Next();
    drain.join();
    CHECK(StatusOf(answer) == 200);
    CHECK(BodyOf(answer)["body"] == "abcd");
  }
}
