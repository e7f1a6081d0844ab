#pragma once

#include <officer/integrations/http/http_types.hpp>

namespace officer::integrations::http {

/// The outbound HTTP seam every provider client (Slack, Google, Graph, Zoom, OAuth) calls through.
class HttpClient {
 public:
  HttpClient() = default;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  virtual ~HttpClient() = default;

  /// Sends the request, retrying per policy; returns the final response for any status that is
  /// not retried (2xx, 3xx, 4xx but 429). Throws TransientError after exhausted retries, a
  /// timeout or too long a rate limit; PermanentError for an unusable URL. Safe from any thread.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

}  // namespace officer::integrations::http
