#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include <officer/bot/http/inbound_request.hpp>
#include <officer/bot/observability/metrics.hpp>

namespace officer::bot {

using RouteParams = std::map<std::string, std::string>;
using Handler = std::function<OutboundResponse(const InboundRequest&, const RouteParams&)>;

/// Routes neutral requests to handlers and is the one catch boundary for them: unknown routes,
/// wrong methods, oversized bodies and wrong content types become the contract's JSON errors, an
/// escaping exception becomes a 500/503 JSON error, and every request is counted and logged once.
class Dispatcher {
 public:
  Dispatcher(std::shared_ptr<spdlog::logger> logger, Metrics& metrics);

  /// `pattern` segments like `{id}` match one path segment. When `content_types` is not empty,
  /// a request with a body must carry one of them.
  void Add(std::string method, std::string pattern, Handler handler,
           std::vector<std::string> content_types = {});

  /// Never throws.
  OutboundResponse Dispatch(const InboundRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    std::vector<std::string> content_types;
    Handler handler;
  };
  OutboundResponse Route_(const InboundRequest& request, std::string& route_label) const;

  std::shared_ptr<spdlog::logger> logger_;
  Metrics& metrics_;
  std::vector<Route> routes_;
};

}  // namespace officer::bot
