#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace officer::integrations::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };

/// "GET", "POST", ...
std::string_view MethodName(Method method);

/// Orders header names case-insensitively (ASCII), as HTTP requires.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view lhs, std::string_view rhs) const;
};

using Headers = std::map<std::string, std::string, CaseInsensitiveLess>;

/// One outbound HTTP call. Headers may carry credentials: they are never logged.
struct HttpRequest {
  Method method = Method::kGet;
  /// Absolute URL: scheme://host[:port]/path[?query].
  std::string url;
  Headers headers;
  std::string body;
  /// Sent as Content-Type when the body is not empty (or when set explicitly).
  std::string content_type;
  /// Overrides the transport's default timeout for this call.
  std::optional<std::chrono::milliseconds> timeout;
  /// Overrides the retry policy's attempt count; 1 turns retries off for a call that must not
  /// be repeated after an ambiguous failure.
  std::optional<int> max_attempts;
  /// Log the host only: for URLs whose path is itself a secret (Slack's response_url).
  bool redact_path = false;
};

/// What the server answered. Any status is a value; the transport throws only for failures.
struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;

  /// The header's value, matched case-insensitively.
  std::optional<std::string> Header(std::string_view name) const;
  bool IsSuccess() const { return status >= 200 && status < 300; }
};

/// RFC 3986 percent-encoding of everything but unreserved characters.
std::string PercentEncode(std::string_view text);

/// application/x-www-form-urlencoded (also fit for query strings), in the given order.
std::string FormUrlEncode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace officer::integrations::http
