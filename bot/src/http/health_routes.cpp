#include <officer/bot/http/health_routes.hpp>

namespace officer::bot {

void AddHealthRoutes(Dispatcher& dispatcher, std::function<bool()> database_ready,
                     const Metrics& metrics) {
  dispatcher.Add("GET", "/healthz", [](const InboundRequest&, const RouteParams&) {
    return JsonResponse(R"({"status":"ok"})");
  });
  dispatcher.Add(
      "GET", "/readyz",
      [database_ready = std::move(database_ready)](const InboundRequest&, const RouteParams&) {
        if (!database_ready()) {
          return JsonError(503, "database_unavailable",
                           "Officer cannot reach PostgreSQL; it keeps retrying and "
                           "recovers by itself once the database is back.");
        }
        return JsonResponse(R"({"status":"ready"})");
      });
  dispatcher.Add("GET", "/metrics", [&metrics](const InboundRequest&, const RouteParams&) {
    return OutboundResponse{200, "text/plain; version=0.0.4", metrics.Render(), {}};
  });
}

}  // namespace officer::bot
