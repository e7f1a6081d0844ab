#pragma once

#include <functional>

#include <officer/bot/http/dispatcher.hpp>
#include <officer/bot/observability/metrics.hpp>

namespace officer::bot {

/// GET /healthz (the process answers), GET /readyz (the database answers), GET /metrics.
void AddHealthRoutes(Dispatcher& dispatcher, std::function<bool()> database_ready,
                     const Metrics& metrics);

}  // namespace officer::bot
