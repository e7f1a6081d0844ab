// The HTTP server: HTTP/1.1 with keep-alive straight on epoll. Every thread waits on one epoll
// set in which each connection is armed for a single event (EPOLLONESHOT), so one connection is
// served by one thread at a time, and the thread that read a request runs its handler and writes
// the answer itself: no hand-over between threads, no task or stream objects per request.
// cpprestsdk's listener, used before, spent more than half of a slash command's CPU time on its
// own machinery (README, Benchmarks). Handlers may block (the database); there are many threads
// per core so a few slow requests do not hold up the rest.
#include <officer/bot/http/listener.hpp>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <officer/bot/http/http_wire.hpp>

namespace officer::bot {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHeadBytes = 64 * 1024;
// A connection with a request half read, or idle between requests, for this long is closed.
constexpr auto kIdleTimeout = std::chrono::seconds(30);
// After an answer that closes the connection, what the client still sends is read and dropped
// for this long, so closing does not reset the connection before the client has read the answer.
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

std::int64_t Millis(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

struct Address {
  std::string host;
  std::string port;
};

// "http://host:port[/]" as main passes it.
Address ParseAddress(const std::string& address) {
  std::string rest = address;
  const std::string scheme = "http://";
  if (rest.rfind(scheme, 0) == 0) rest = rest.substr(scheme.size());
  rest = rest.substr(0, rest.find('/'));
  const auto colon = rest.rfind(':');
  if (colon == std::string::npos) return Address{rest, "80"};
  std::string host = rest.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return Address{host, rest.substr(colon + 1)};
}

enum class Phase {
  kHead,       // reading a request head (or idle between requests)
  kBody,       // reading the body of a request whose head has been read
  kLingering,  // answered and closing: reading and dropping whatever still comes
};

}  // namespace

struct HttpListener::State {
  struct Connection {
    int fd = -1;
    std::string in;
    std::string out;  // what is still to be written
    std::size_t out_sent = 0;
    Phase phase = Phase::kHead;
    http_wire::RequestHead head;
    bool admitted = false;  // counted in in_flight
    bool rejected = false;  // arrived while draining: answered 503, never handled
    bool sent_continue = false;
    bool close_after_write = false;
    // When to give up on this connection (kNever while a handler runs); read by the reaper.
    std::atomic<std::int64_t> deadline_ms{kNever};
  };

  std::string address;
  RequestHandler handler;
  std::size_t max_body_bytes = 0;
  int port = 0;
  int listen_fd = -1;
  int epoll_fd = -1;
  int stop_fd = -1;  // an eventfd; readable once the threads are to stop
  std::vector<std::thread> threads;
  std::thread reaper;
  std::atomic<bool> draining{false};
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::mutex connections_mutex;
  std::unordered_map<Connection*, std::unique_ptr<Connection>> connections;
  std::mutex reaper_mutex;
  std::condition_variable reaper_wake;

  void Open() {
    const Address where = ParseAddress(address);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (const int error = ::getaddrinfo(where.host.empty() ? nullptr : where.host.c_str(),
                                        where.port.c_str(), &hints, &found);
        error != 0) {
      throw std::runtime_error("cannot listen on " + address + ": " + ::gai_strerror(error));
    }
    std::string problem = "no address";
    for (addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
      const int fd =
          ::socket(candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (fd < 0) continue;
      const int one = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
      if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0 &&
          ::listen(fd, SOMAXCONN) == 0) {
        listen_fd = fd;
        break;
      }
      problem = std::strerror(errno);
      ::close(fd);
    }
    ::freeaddrinfo(found);
    if (listen_fd < 0) throw std::runtime_error("cannot listen on " + address + ": " + problem);
    sockaddr_storage bound{};
    socklen_t bound_length = sizeof bound;
    ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&bound), &bound_length);
    port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                             : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    stop_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event listen_event{};
    listen_event.events = EPOLLIN | EPOLLONESHOT;
    listen_event.data.ptr = nullptr;  // the listening socket
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &listen_event);
    epoll_event stop_event{};
    stop_event.events = EPOLLIN;  // level-triggered: wakes every thread
    stop_event.data.ptr = &stop_fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, stop_fd, &stop_event);

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    // Waiting threads cost little, and clicks waiting on the database share one insert
    // (GroupedEnqueue): the more requests can wait at once, the fewer statements they need.
    const unsigned count = std::max(64U, 4 * cores);
    for (unsigned i = 0; i < count; ++i) threads.emplace_back([this] { Serve(); });
    reaper = std::thread([this] { Reap(); });
  }

  void Close() {
    stopping = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(stop_fd, &one, sizeof one);
    reaper_wake.notify_all();
    for (auto& thread : threads) thread.join();
    threads.clear();
    if (reaper.joinable()) reaper.join();
    for (auto& [pointer, connection] : connections) ::close(connection->fd);
    connections.clear();
    ::close(listen_fd);
    ::close(epoll_fd);
    ::close(stop_fd);
    listen_fd = epoll_fd = stop_fd = -1;
  }

  void Serve() {
    epoll_event event{};
    while (!stopping) {
      const int ready = ::epoll_wait(epoll_fd, &event, 1, -1);
      if (ready <= 0 || stopping) continue;
      if (event.data.ptr == &stop_fd) break;
      if (event.data.ptr == nullptr) {
        Accept();
        continue;
      }
      Run(*static_cast<Connection*>(event.data.ptr));
    }
  }

  void Accept() {
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        // Out of descriptors or memory: the pending connection stays pending, and re-arming at
        // once would spin on it; a moment later some may have been freed.
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        break;  // EAGAIN: all taken
      }
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      Connection* pointer = connection.get();
      {
        std::lock_guard lock(connections_mutex);
        connections.emplace(pointer, std::move(connection));
      }
      pointer->deadline_ms = Millis(Clock::now() + kIdleTimeout);
      epoll_event event{};
      event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
      event.data.ptr = pointer;
      ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLONESHOT;
    event.data.ptr = nullptr;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &event);
  }

  // Serves one connection's event; this thread owns the connection until it re-arms it.
  void Run(Connection& c) {
    c.deadline_ms = kNever;
    if (!c.out.empty()) {
      if (!Flush(c)) return Drop(c);
      if (!c.out.empty()) return Arm(c, true, kIdleTimeout);
    }
    const bool peer_closed = Read(c);
    if (c.phase == Phase::kLingering) {
      return peer_closed ? Drop(c) : Arm(c, false, kLingerTimeout);
    }
    for (;;) {
      if (c.close_after_write) {  // its last answer is written
        if (peer_closed || ::shutdown(c.fd, SHUT_WR) != 0) return Drop(c);
        c.in.clear();
        c.phase = Phase::kLingering;
        return Arm(c, false, kLingerTimeout);
      }
      const bool more = Step(c);
      if (!c.out.empty()) {
        if (!Flush(c)) return Drop(c);
        if (!c.out.empty()) return Arm(c, true, kIdleTimeout);  // the rest when writable
        continue;
      }
      if (!more) break;
    }
    if (peer_closed) return Drop(c);
    Arm(c, false, kIdleTimeout);
  }

  // Reads what has arrived (dropping it while lingering); true when the peer closed or the
  // connection broke.
  bool Read(Connection& c) const {
    const std::size_t enough = kMaxHeadBytes + 2 * max_body_bytes;
    char chunk[16384];
    for (;;) {
      const auto got = ::recv(c.fd, chunk, sizeof chunk, 0);
      if (got > 0) {
        if (c.phase != Phase::kLingering) c.in.append(chunk, static_cast<std::size_t>(got));
        if (c.in.size() > enough) return false;  // serve what is here first
        continue;
      }
      if (got < 0 && errno == EINTR) continue;
      return got == 0 || errno != EAGAIN;
    }
  }

  // Moves the connection's request on by what has arrived, queuing its answer once it is
  // complete. True when another request may already be waiting in the buffer.
  bool Step(Connection& c) {
    if (c.phase == Phase::kHead) {
      if (c.in.empty()) return false;
      auto parsed = http_wire::ParseHead(c.in, kMaxHeadBytes);
      if (parsed.status == http_wire::Parse::kIncomplete) return false;
      if (parsed.status != http_wire::Parse::kComplete) {
        Answer(c,
               http_wire::BadRequest(parsed.status == http_wire::Parse::kTooLarge
                                         ? "its head is larger than 64 KiB"
                                         : parsed.problem),
               true, false);
        return false;
      }
      c.head = std::move(parsed.head);
      c.in.erase(0, c.head.length);
      c.sent_continue = false;
      if (draining) {
        c.rejected = true;
      } else {
        c.admitted = true;
        ++in_flight;
      }
      // Too large by its Content-Length, or arriving while draining: answered at once, and the
      // body is never read.
      if (c.rejected) {
        Finish(c, ShuttingDown(), true);
        return false;
      }
      if (c.head.content_length && *c.head.content_length > max_body_bytes) {
        Finish(c, Handled(c, std::string(), true), true);
        return false;
      }
      c.phase = Phase::kBody;
    }
    std::string body;
    std::size_t consumed = 0;
    if (c.head.chunked) {
      auto decoded = http_wire::DecodeChunked(c.in, max_body_bytes, body);
      // Tiny chunks could make a body within the limit take far more bytes than the limit.
      if (decoded.status == http_wire::Parse::kIncomplete &&
          c.in.size() > kMaxHeadBytes + 2 * max_body_bytes) {
        decoded.status = http_wire::Parse::kTooLarge;
      }
      if (decoded.status == http_wire::Parse::kIncomplete) return ContinueOrWait(c);
      if (decoded.status == http_wire::Parse::kBad) {
        Finish(c, http_wire::BadRequest("its chunked body is malformed"), true);
        return false;
      }
      if (decoded.status == http_wire::Parse::kTooLarge) {
        Finish(c, Handled(c, std::string(), true), true);
        return false;
      }
      consumed = decoded.consumed;
    } else {
      const std::size_t length = c.head.content_length.value_or(0);
      if (c.in.size() < length) return ContinueOrWait(c);
      body = c.in.substr(0, length);
      consumed = length;
    }
    c.in.erase(0, consumed);
    c.phase = Phase::kHead;
    Finish(c, Handled(c, std::move(body), false), !c.head.keep_alive);
    return !c.close_after_write && !c.in.empty();
  }

  // Asks a client that waits for it (Expect: 100-continue) to send the body.
  static bool ContinueOrWait(Connection& c) {
    if (c.head.expect_continue && !c.sent_continue && c.in.empty()) {
      c.sent_continue = true;
      c.out = "HTTP/1.1 100 Continue\r\n\r\n";
      c.out_sent = 0;
    }
    return false;
  }

  // The head is done with once its request is handed over (only its method and keep-alive are
  // read after), so its parts move into the request.
  OutboundResponse Handled(Connection& c, std::string body, bool too_large) {
    InboundRequest request;
    request.method = c.head.method;
    request.path = std::move(c.head.path);
    request.query = std::move(c.head.query);
    request.headers = std::move(c.head.headers);
    request.body = std::move(body);
    request.body_too_large = too_large;
    try {
      return handler(request);
    } catch (const std::exception&) {
      // The dispatcher never throws; this only keeps a broken handler from taking a thread down.
      return JsonError(500, "internal_error",
                       "Something went wrong on Officer's side; it has been logged.");
    }
  }

  static OutboundResponse ShuttingDown() {
    return JsonError(503, "shutting_down", "Officer is restarting; try again.");
  }

  // Queues the answer to the current request and ends it.
  void Finish(Connection& c, const OutboundResponse& response, bool close) {
    Answer(c, response, close || c.rejected, c.head.method == "HEAD");
    if (c.admitted) {
      c.admitted = false;
      --in_flight;
    }
    c.rejected = false;
  }

  static void Answer(Connection& c, const OutboundResponse& response, bool close, bool head_only) {
    bool closing = close;
    for (const auto& [name, value] : response.headers) {
      if (::strcasecmp(name.c_str(), "connection") == 0 &&
          ::strcasecmp(value.c_str(), "close") == 0) {
        closing = true;
      }
    }
    c.out += http_wire::WriteResponse(response, closing, head_only);
    c.close_after_write = c.close_after_write || closing;
  }

  // Writes what is queued; false when the connection broke.
  static bool Flush(Connection& c) {
    while (c.out_sent < c.out.size()) {
      const auto sent =
          ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
      if (sent > 0) {
        c.out_sent += static_cast<std::size_t>(sent);
      } else if (sent < 0 && errno == EINTR) {
        continue;
      } else {
        return sent < 0 && errno == EAGAIN;
      }
    }
    c.out.clear();
    c.out_sent = 0;
    return true;
  }

  void Arm(Connection& c, bool for_writing, std::chrono::seconds timeout) {
    c.deadline_ms = Millis(Clock::now() + timeout);
    epoll_event event{};
    event.events = (for_writing ? EPOLLOUT : EPOLLIN | EPOLLRDHUP) | EPOLLONESHOT;
    event.data.ptr = &c;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &event);
  }

  void Drop(Connection& c) {
    if (c.admitted) {
      c.admitted = false;
      --in_flight;
    }
    std::unique_ptr<Connection> owned;
    std::lock_guard lock(connections_mutex);
    if (auto found = connections.find(&c); found != connections.end()) {
      owned = std::move(found->second);
      connections.erase(found);
    }
    ::close(c.fd);
  }

  // Once a second: a connection past its deadline is shut down, which wakes the thread that
  // owns it next to close it (closing here could race with that thread).
  void Reap() {
    std::unique_lock wait_lock(reaper_mutex);
    while (!stopping) {
      reaper_wake.wait_for(wait_lock, std::chrono::seconds(1));
      if (stopping) break;
      const auto now = Millis(Clock::now());
      std::lock_guard lock(connections_mutex);
      for (auto& [pointer, connection] : connections) {
        if (connection->deadline_ms.load(std::memory_order_relaxed) < now) {
          ::shutdown(connection->fd, SHUT_RDWR);
        }
      }
    }
  }
};

HttpListener::HttpListener(std::string address, RequestHandler handler, std::size_t max_body_bytes)
    : state_(std::make_unique<State>()) {
  state_->address = std::move(address);
  state_->handler = std::move(handler);
  state_->max_body_bytes = max_body_bytes;
}

HttpListener::~HttpListener() {
  if (state_->listen_fd >= 0) Drain(std::chrono::milliseconds(0));
}

void HttpListener::Open() { state_->Open(); }

int HttpListener::Port() const { return state_->port; }

int HttpListener::Drain(std::chrono::milliseconds timeout) {
  if (state_->listen_fd < 0) return 0;
  state_->draining = true;
  const auto deadline = Clock::now() + timeout;
  while (state_->in_flight > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const int left = state_->in_flight;
  // Give the last answers a moment to leave before the sockets close.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  state_->Close();
  return left;
}

}  // namespace officer::bot
