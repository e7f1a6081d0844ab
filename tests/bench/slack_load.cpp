// Load generator for `deploy/dev bench`: signed Slack slash commands or button clicks, sent over N
// keep-alive connections for a fixed time, closed loop (each connection sends its next request when
// the previous answer is complete). Prints one JSON object with requests/s, p50, p99, max latency,
// errors (non-2xx answers, socket errors, and requests left unanswered for 3 s or more at the
// end) and the generator's own CPU use (it shares the machine with the server it measures).
//
//   slack_load --url http://127.0.0.1:5000 --secret S --kind help|click
//              [--connections 50] [--duration 10] [--warmup 0] [--threads 1]
//              [--response-url http://127.0.0.1:9/response/x]
//   slack_load --once --url ... --secret S --kind help|click   one request; prints status and body
//
// Requests are signed exactly as Slack signs them and re-signed every second, so any run length
// stays inside the 5-minute timestamp window. Latency is from the first byte written to the last
// byte of the answer read; a closed loop understates queueing delay (coordinated omission), the
// same way for every server measured.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/bot/slack/signature.hpp>

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 5000;
  std::string secret;
  std::string kind = "help";
  std::string response_url = "http://127.0.0.1:9/response/bench";
  int connections = 50;
  double duration_s = 10;
  double warmup_s = 0;
  int threads = 1;
  bool once = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::cerr << "slack_load: " << problem
            << "\nusage: slack_load --url http://HOST:PORT --secret S --kind help|click "
               "[--connections N] [--duration S] [--warmup S] [--threads T] [--response-url U] "
               "[--once]\n";
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--url") {
      std::string url = value();
      const std::string prefix = "http://";
      if (url.rfind(prefix, 0) != 0) Usage("--url must start with http://");
      url = url.substr(prefix.size());
      if (auto slash = url.find('/'); slash != std::string::npos) url.resize(slash);
      const auto colon = url.rfind(':');
      if (colon == std::string::npos) Usage("--url needs a port");
      options.host = url.substr(0, colon);
      if (options.host == "localhost") options.host = "127.0.0.1";
      options.port = std::stoi(url.substr(colon + 1));
    } else if (arg == "--secret") {
      options.secret = value();
    } else if (arg == "--kind") {
      options.kind = value();
    } else if (arg == "--response-url") {
      options.response_url = value();
    } else if (arg == "--connections") {
      options.connections = std::stoi(value());
    } else if (arg == "--duration") {
      options.duration_s = std::stod(value());
    } else if (arg == "--warmup") {
      options.warmup_s = std::stod(value());
    } else if (arg == "--threads") {
      options.threads = std::stoi(value());
    } else if (arg == "--once") {
      options.once = true;
    } else {
      Usage("unknown argument " + arg);
    }
  }
  if (options.secret.empty()) Usage("--secret is required");
  if (options.kind != "help" && options.kind != "click") Usage("--kind is help or click");
  if (options.connections < 1 || options.threads < 1) Usage("connections and threads must be >= 1");
  return options;
}

std::string FormEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// A standup as Officer posts it, as Slack echoes it back inside a click's payload.
nlohmann::json StandupMessage() {
  const auto text = [](const char* type, const std::string& value) {
    return nlohmann::json{{"type", type}, {"text", value}, {"verbatim", false}};
  };
  const auto button = [&](const char* id, const char* label, const char* style) {
    return nlohmann::json{{"type", "button"},
                          {"action_id", id},
                          {"value", "00000000-0000-0000-0000-00000000bench"},
                          {"style", style},
                          {"text", {{"type", "plain_text"}, {"text", label}, {"emoji", true}}}};
  };
  nlohmann::json people = nlohmann::json::array();
  for (int i = 0; i < 6; ++i) {
    people.push_back(text("mrkdwn", "<@U0PERSON" + std::to_string(i) + "> — waiting"));
  }
  return {{"type", "message"},
          {"subtype", "bot_message"},
          {"text", "Daily standup · Weekdays · 9:30 Europe/Berlin · 15 min"},
          {"ts", "1700000000.000100"},
          {"bot_id", "B0BENCH"},
          {"app_id", "A0BENCH"},
          {"team", "T0BENCH"},
          {"bot_profile",
           {{"id", "B0BENCH"},
            {"app_id", "A0BENCH"},
            {"name", "Officer"},
            {"deleted", false},
            {"updated", 1700000000},
            {"team_id", "T0BENCH"},
            {"icons",
             {{"image_36", "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png"},
              {"image_48", "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png"},
              {"image_72", "https://a.slack-edge.com/80588/img/plugins/app/service_72.png"}}}}},
          {"blocks",
           {{{"type", "header"},
             {"block_id", "standup_title"},
             {"text", {{"type", "plain_text"}, {"text", "Daily standup"}, {"emoji", true}}}},
            {{"type", "section"},
             {"block_id", "standup_when"},
             {"text", text("mrkdwn",
                           "*Weekdays · 9:30 Europe/Berlin · 15 min*\nNext: Fri 27 Nov 09:30\n"
                           "Video: <https://zoom.us/j/123456789?pwd=abcdef|Zoom>")}},
            {{"type", "section"}, {"block_id", "standup_people"}, {"fields", people}},
            {{"type", "actions"},
             {"block_id", "standup_actions"},
             {"elements",
              {button("standup_accept", "Accept", "primary"),
               button("standup_decline", "Decline", "danger")}}},
            {{"type", "context"},
             {"block_id", "standup_footer"},
             {"elements", {text("mrkdwn", "Booked by <@U0BENCH> · reminders 10 min before")}}}}}};
}

// The body Slack would send, and the path it goes to.
std::pair<std::string, std::string> Body(const Options& options) {
  if (options.kind == "help") {
    return {"/slack/commands",
            "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general"
            "&user_id=U0BENCH&user_name=bench&command=%2Fstandup&text=help&api_app_id=A0BENCH"
            "&is_enterprise_install=false&response_url=" +
                FormEncode(options.response_url) + "&trigger_id=1.2.bench"};
  }
  const nlohmann::json payload = {
      {"type", "block_actions"},
      {"user",
       {{"id", "U0BENCH"}, {"username", "bench"}, {"name", "bench"}, {"team_id", "T0BENCH"}}},
      {"api_app_id", "A0BENCH"},
      {"token", "bench"},
      {"container",
       {{"type", "message"}, {"message_ts", "1700000000.000100"}, {"channel_id", "C0BENCH"}}},
      {"trigger_id", "1.2.bench"},
      {"team", {{"id", "T0BENCH"}, {"domain", "bench"}}},
      {"enterprise", nullptr},
      {"is_enterprise_install", false},
      // Slack sends the message the button is on, with all its blocks (about 2 KB for a standup),
      // and the state of its inputs: both servers parse it.
      {"message", StandupMessage()},
      {"state", {{"values", nlohmann::json::object()}}},
      {"channel", {{"id", "C0BENCH"}, {"name", "general"}}},
      {"response_url", options.response_url},
      {"actions",
       {{{"action_id", "standup_accept"},
         {"block_id", "standup_actions"},
         {"type", "button"},
         {"value", "00000000-0000-0000-0000-00000000bench"},
         {"text", {{"type", "plain_text"}, {"text", "Accept"}}},
         {"action_ts", "1700000000.000200"}}}},
  };
  return {"/slack/interactions", "payload=" + FormEncode(payload.dump())};
}

// The whole HTTP request, signed for the given second.
std::string SignedRequest(const Options& options, long long unix_seconds) {
  const auto [path, body] = Body(options);
  const std::string timestamp = std::to_string(unix_seconds);
  const std::string signature =
      officer::bot::slack::SignSlackRequest(options.secret, timestamp, body);
  std::string request = "POST " + path + " HTTP/1.1\r\nHost: " + options.host + ":" +
                        std::to_string(options.port) +
                        "\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)"
                        "\r\nContent-Type: application/x-www-form-urlencoded"
                        "\r\nX-Slack-Request-Timestamp: " +
                        timestamp + "\r\nX-Slack-Signature: " + signature +
                        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return request;
}

long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Parses one complete HTTP/1.1 response at the front of `buffer`. Returns the bytes it spans
// (0 while incomplete); sets status, body and whether the server will close the connection.
struct Parsed {
  std::size_t length = 0;
  int status = 0;
  bool close = false;
  std::string body;
  bool bad = false;
};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Parsed ParseResponse(std::string_view buffer, bool want_body) {
  Parsed out;
  const auto head_end = buffer.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return out;
  const std::string head = Lower(buffer.substr(0, head_end));
  if (head.rfind("http/1.", 0) != 0 || head.size() < 12) {
    out.bad = true;
    return out;
  }
  out.status = std::atoi(head.c_str() + 9);
  out.close = head.find("\r\nconnection: close") != std::string::npos;
  const std::size_t body_start = head_end + 4;
  if (const auto cl = head.find("\r\ncontent-length:"); cl != std::string::npos) {
    const std::size_t length = std::strtoull(head.c_str() + cl + 17, nullptr, 10);
    if (buffer.size() < body_start + length) return out;
    out.length = body_start + length;
    if (want_body) out.body = std::string(buffer.substr(body_start, length));
    return out;
  }
  if (head.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
    std::size_t at = body_start;
    for (;;) {
      const auto line_end = buffer.find("\r\n", at);
      if (line_end == std::string_view::npos) return out;
      const std::size_t size =
          std::strtoull(std::string(buffer.substr(at, line_end - at)).c_str(), nullptr, 16);
      if (size == 0) {
        const auto trailer_end = buffer.find("\r\n", line_end + 2);
        if (trailer_end == std::string_view::npos) return out;
        out.length = trailer_end + 2;
        return out;
      }
      if (buffer.size() < line_end + 2 + size + 2) return out;
      if (want_body) out.body += std::string(buffer.substr(line_end + 2, size));
      at = line_end + 2 + size + 2;
    }
  }
  // No length: the body runs to the end of the connection (not expected from either server).
  out.close = true;
  out.length = buffer.size();
  return out;
}

int Connect(const Options& options) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(options.port));
  ::inet_pton(AF_INET, options.host.c_str(), &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

int Once(const Options& options) {
  const int fd = Connect(options);
  if (fd < 0) {
    std::cerr << "slack_load: cannot connect to " << options.host << ":" << options.port << "\n";
    return 1;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const timeval patience{5, 0};  // a hung server fails the check instead of hanging the bench
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  const std::string request = SignedRequest(options, UnixNow());
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    return 1;
  }
  std::string buffer;
  char chunk[16384];
  for (;;) {
    const auto got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(got));
    if (ParseResponse(buffer, false).length > 0) break;
  }
  ::close(fd);
  const Parsed parsed = ParseResponse(buffer, true);
  if (parsed.length == 0) {
    std::cerr << "slack_load: no complete answer\n";
    return 1;
  }
  std::cout << nlohmann::json{{"status", parsed.status}, {"body", parsed.body}}.dump() << "\n";
  return parsed.status >= 200 && parsed.status < 300 ? 0 : 1;
}

struct Connection {
  int fd = -1;
  std::string out;
  std::size_t sent = 0;
  std::string in;
  SteadyClock::time_point started;
  bool busy = false;
};

struct Tally {
  std::vector<std::uint32_t> latencies_us;
  std::uint64_t non_2xx = 0;
  std::uint64_t socket_errors = 0;
  std::uint64_t timeouts = 0;
  std::map<int, std::uint64_t> statuses;
};

// One epoll loop driving its share of the connections until `end`; counts requests that started
// at or after `measure_from`.
void Drive(const Options& options, int connections, SteadyClock::time_point measure_from,
           SteadyClock::time_point end, Tally& tally) {
  const int epoll = ::epoll_create1(0);
  std::vector<Connection> conns(static_cast<std::size_t>(connections));
  long long signed_second = UnixNow();
  std::string request = SignedRequest(options, signed_second);

  auto open = [&](std::size_t i) {
    Connection& c = conns[i];
    if (c.fd >= 0) {
      ::epoll_ctl(epoll, EPOLL_CTL_DEL, c.fd, nullptr);
      ::close(c.fd);
    }
    c = Connection{};
    for (int attempt = 0; attempt < 50 && c.fd < 0; ++attempt) {
      c.fd = Connect(options);
      if (c.fd < 0) {
        ++tally.socket_errors;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    if (c.fd < 0) return false;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;  // edge: no wake-ups while idle
    event.data.u64 = i;
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, c.fd, &event);
    return true;
  };
  auto send_more = [&](Connection& c) -> bool {
    while (c.sent < c.out.size()) {
      const auto n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
      if (n > 0) {
        c.sent += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EAGAIN) {
        return true;
      } else {
        return false;
      }
    }
    return true;
  };
  auto start_request = [&](std::size_t i) -> bool {
    Connection& c = conns[i];
    const long long now_s = UnixNow();
    if (now_s != signed_second) {
      signed_second = now_s;
      request = SignedRequest(options, signed_second);
    }
    c.out = request;
    c.sent = 0;
    c.in.clear();
    c.busy = true;
    c.started = SteadyClock::now();
    return send_more(c);
  };
  auto fail = [&](std::size_t i) {
    if (conns[i].busy && conns[i].started >= measure_from) ++tally.socket_errors;
    if (SteadyClock::now() < end && open(i)) start_request(i);
  };

  for (std::size_t i = 0; i < conns.size(); ++i) {
    if (open(i) && !start_request(i)) fail(i);
  }
  std::vector<epoll_event> events(static_cast<std::size_t>(connections));
  char chunk[16384];
  while (SteadyClock::now() < end) {
    const int ready = ::epoll_wait(epoll, events.data(), connections, 50);
    for (int e = 0; e < ready; ++e) {
      const std::size_t i = events[static_cast<std::size_t>(e)].data.u64;
      Connection& c = conns[i];
      const auto flags = events[static_cast<std::size_t>(e)].events;
      if (c.busy && c.sent < c.out.size() && (flags & EPOLLOUT)) {
        if (!send_more(c)) {
          fail(i);
          continue;
        }
      }
      if (!(flags & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP))) continue;
      bool closed = false;
      for (;;) {
        const auto got = ::recv(c.fd, chunk, sizeof chunk, 0);
        if (got > 0) {
          c.in.append(chunk, static_cast<std::size_t>(got));
          continue;
        }
        if (got == 0 || errno != EAGAIN) closed = true;
        break;
      }
      const Parsed parsed = c.busy ? ParseResponse(c.in, false) : Parsed{};
      if (parsed.bad) {
        fail(i);
        continue;
      }
      if (parsed.length > 0) {
        const auto done = SteadyClock::now();
        if (c.started >= measure_from && done <= end) {
          tally.latencies_us.push_back(static_cast<std::uint32_t>(
              std::chrono::duration_cast<std::chrono::microseconds>(done - c.started).count()));
          ++tally.statuses[parsed.status];
          if (parsed.status < 200 || parsed.status >= 300) ++tally.non_2xx;
        }
        c.busy = false;
        if (parsed.close || closed) {
          if (done < end && open(i)) start_request(i);
        } else if (done < end && !start_request(i)) {
          fail(i);
        }
      } else if (closed) {
        fail(i);
      }
    }
  }
  // A request still unanswered after Slack's 3 s at the end is one Slack would have shown the
  // user as a timeout: an error, so a server that stalls does not look merely idle.
  for (auto& c : conns) {
    if (c.busy && c.started >= measure_from && end - c.started >= std::chrono::seconds(3)) {
      ++tally.timeouts;
    }
    if (c.fd >= 0) ::close(c.fd);
  }
  ::close(epoll);
}

double CpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = ParseOptions(argc, argv);
  if (options.once) return Once(options);

  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &files);

  const int threads = std::min(options.threads, options.connections);
  const auto begin = SteadyClock::now();
  const auto measure_from =
      begin + std::chrono::microseconds(static_cast<long long>(options.warmup_s * 1e6));
  const auto end =
      measure_from + std::chrono::microseconds(static_cast<long long>(options.duration_s * 1e6));
  const double cpu_before = CpuSeconds();
  std::vector<Tally> tallies(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    const int share = options.connections / threads + (t < options.connections % threads ? 1 : 0);
    workers.emplace_back([&, t, share] {
      Drive(options, share, measure_from, end, tallies[static_cast<std::size_t>(t)]);
    });
  }
  for (auto& worker : workers) worker.join();
  const double cpu = CpuSeconds() - cpu_before;
  const double wall = std::chrono::duration<double>(SteadyClock::now() - begin).count();

  Tally all;
  for (auto& tally : tallies) {
    all.latencies_us.insert(all.latencies_us.end(), tally.latencies_us.begin(),
                            tally.latencies_us.end());
    all.non_2xx += tally.non_2xx;
    all.socket_errors += tally.socket_errors;
    all.timeouts += tally.timeouts;
    for (const auto& [status, count] : tally.statuses) all.statuses[status] += count;
  }
  std::sort(all.latencies_us.begin(), all.latencies_us.end());
  auto percentile = [&](double p) -> double {
    if (all.latencies_us.empty()) return 0;
    const auto index =
        static_cast<std::size_t>(p * static_cast<double>(all.latencies_us.size() - 1));
    return all.latencies_us[index] / 1000.0;
  };
  nlohmann::json statuses = nlohmann::json::object();
  for (const auto& [status, count] : all.statuses) statuses[std::to_string(status)] = count;
  const nlohmann::json result = {
      {"kind", options.kind},
      {"connections", options.connections},
      {"duration_s", options.duration_s},
      {"requests", all.latencies_us.size()},
      {"rps", static_cast<double>(all.latencies_us.size()) / options.duration_s},
      {"p50_ms", percentile(0.50)},
      {"p99_ms", percentile(0.99)},
      {"max_ms", all.latencies_us.empty() ? 0.0 : all.latencies_us.back() / 1000.0},
      {"errors", all.non_2xx + all.socket_errors + all.timeouts},
      {"non_2xx", all.non_2xx},
      {"socket_errors", all.socket_errors},
      {"timeouts", all.timeouts},
      {"statuses", statuses},
      {"generator_cpu_pct", wall > 0 ? 100.0 * cpu / wall : 0.0},
  };
  std::cout << result.dump() << std::endl;
  return 0;
}
