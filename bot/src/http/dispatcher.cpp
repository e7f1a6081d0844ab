#include <officer/bot/http/dispatcher.hpp>

#include <algorithm>
#include <chrono>
#include <optional>

#include <spdlog/spdlog.h>

#include <officer/domain/errors.hpp>

namespace officer::bot {

namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

std::optional<RouteParams> Match(const std::vector<std::string>& pattern,
                                 const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return std::nullopt;
  RouteParams params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& want = pattern[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      params[want.substr(1, want.size() - 2)] = PercentDecode(path[i], false);
    } else if (want != path[i]) {
      return std::nullopt;
    }
  }
  return params;
}

std::string MediaType(const std::string& content_type) {
  std::string media = content_type.substr(0, content_type.find(';'));
  media.erase(std::remove(media.begin(), media.end(), ' '), media.end());
  std::transform(media.begin(), media.end(), media.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return media;
}

}  // namespace

Dispatcher::Dispatcher(std::shared_ptr<spdlog::logger> logger, Metrics& metrics)
    : logger_(std::move(logger)), metrics_(metrics) {}

void Dispatcher::Add(std::string method, std::string pattern, Handler handler,
                     std::vector<std::string> content_types) {
  auto segments = Segments(pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments),
                          std::move(content_types), std::move(handler)});
}

OutboundResponse Dispatcher::Dispatch(const InboundRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  std::string route_label = "unmatched";
  OutboundResponse response;
  try {
    response = Route_(request, route_label);
  } catch (const TransientError& error) {
    logger_->warn("{} {} failed on lost infrastructure: {}", request.method, request.path,
                  error.what());
    response = JsonError(503, "unavailable",
                         "Officer cannot reach a service it depends on; try again shortly.");
  } catch (const std::exception& error) {
    logger_->error("{} {} failed: {}", request.method, request.path, error.what());
    response = JsonError(500, "internal_error",
                         "Something went wrong on Officer's side; it has been logged.");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.RecordRequest(request.method, route_label, response.status, seconds);
  logger_->info("{} {} {} {:.1f}ms", request.method, request.path, response.status,
                seconds * 1000.0);
  return response;
}

OutboundResponse Dispatcher::Route_(const InboundRequest& request, std::string& route_label) const {
  if (request.body_too_large) {
    return JsonError(413, "payload_too_large", "The request body is larger than 64 KiB.");
  }
  const auto path = Segments(request.path);
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    auto params = Match(route.segments, path);
    if (!params) continue;
    if (route.method != request.method) {
      allowed.push_back(route.method);
      continue;
    }
    route_label = route.pattern;
    if (!route.content_types.empty() && !request.body.empty()) {
      const std::string media = MediaType(request.Header("content-type").value_or(""));
      if (std::find(route.content_types.begin(), route.content_types.end(), media) ==
          route.content_types.end()) {
        return JsonError(415, "unsupported_media_type",
                         "Send this endpoint a body of type " + route.content_types.front() + ".");
      }
    }
    return route.handler(request, *params);
  }
  if (!allowed.empty()) {
    std::string allow;
    for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    auto response = JsonError(405, "method_not_allowed",
                              request.method + " is not supported here; use " + allow + ".");
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  return JsonError(404, "not_found", "There is nothing at " + request.path + ".");
}

}  // namespace officer::bot
