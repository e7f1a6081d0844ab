#include <officer/testing/http_call.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace officer::testing {

namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Parses a complete response; returns false while more bytes are needed.
bool Parse(const std::string& raw, bool closed, HttpReply& reply) {
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  reply = HttpReply{};
  reply.status = std::stoi(raw.substr(raw.find(' ') + 1, 3));
  std::size_t line_start = raw.find("\r\n") + 2;
  while (line_start < head_end) {
    const auto line_end = raw.find("\r\n", line_start);
    const std::string line = raw.substr(line_start, line_end - line_start);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      reply.headers[Lower(line.substr(0, colon))] = value;
    }
    line_start = line_end + 2;
  }
  std::string body = raw.substr(head_end + 4);
  if (auto it = reply.headers.find("content-length"); it != reply.headers.end()) {
    const auto length = std::stoul(it->second);
    if (body.size() < length) return false;
    reply.body = body.substr(0, length);
    return true;
  }
  if (auto it = reply.headers.find("transfer-encoding");
      it != reply.headers.end() && Lower(it->second) == "chunked") {
    std::string decoded;
    std::size_t at = 0;
    while (true) {
      const auto size_end = body.find("\r\n", at);
      if (size_end == std::string::npos) return false;
      const auto size = std::stoul(body.substr(at, size_end - at), nullptr, 16);
      if (size == 0) break;
      if (body.size() < size_end + 2 + size) return false;
      decoded += body.substr(size_end + 2, size);
      at = size_end + 2 + size + 2;
    }
    reply.body = decoded;
    return true;
  }
  if (!closed) return false;
  reply.body = body;
  return true;
}

}  // namespace

RawHttpConnection::RawHttpConnection(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{30, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
}

RawHttpConnection::~RawHttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void RawHttpConnection::Send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("the connection closed while sending");
    sent += static_cast<std::size_t>(n);
  }
}

HttpReply RawHttpConnection::ReadReply() {
  std::string raw;
  HttpReply reply;
  char buffer[8192];
  while (true) {
    const auto n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n < 0) throw std::runtime_error("no reply within 30 s");
    if (n == 0) {
      if (Parse(raw, true, reply)) return reply;
      throw std::runtime_error("the connection closed before a full reply");
    }
    raw.append(buffer, static_cast<std::size_t>(n));
    if (Parse(raw, false, reply)) return reply;
  }
}

HttpReply HttpCall(const std::string& method, const std::string& url, const std::string& body,
                   const std::map<std::string, std::string>& headers) {
  const std::string prefix = "http://";
  const auto host_start = url.rfind(prefix, 0) == 0 ? prefix.size() : 0;
  const auto path_start = url.find('/', host_start);
  const std::string authority = url.substr(host_start, path_start - host_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  const int port = std::stoi(authority.substr(authority.find(':') + 1));

  std::string request =
      method + " " + path + " HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  RawHttpConnection connection(port);
  connection.Send(request);
  return connection.ReadReply();
}

}  // namespace officer::testing
