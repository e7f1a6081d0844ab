#pragma once

#include <map>
#include <string>

namespace officer::testing {

struct HttpReply {
  int status = 0;
  /// Header names lower-cased.
  std::map<std::string, std::string> headers;
  std::string body;
};

/// One blocking HTTP/1.1 request over a fresh loopback connection (`url` is http://host:port/…).
HttpReply HttpCall(const std::string& method, const std::string& url, const std::string& body = "",
                   const std::map<std::string, std::string>& headers = {});

/// A raw connection for requests sent in pieces, e.g. a body that arrives late.
class RawHttpConnection {
 public:
  RawHttpConnection(int port);
  ~RawHttpConnection();
  RawHttpConnection(const RawHttpConnection&) = delete;
  RawHttpConnection& operator=(const RawHttpConnection&) = delete;

  void Send(const std::string& bytes);
  /// Reads until the peer closes or a full response with Content-Length has arrived.
  HttpReply ReadReply();

 private:
  int fd_ = -1;
};

}  // namespace officer::testing
