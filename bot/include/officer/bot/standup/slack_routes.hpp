#pragma once

#include <functional>
#include <memory>
#include <string>

#include <spdlog/logger.h>

#include <officer/bot/http/dispatcher.hpp>
#include <officer/bot/standup/standup_service.hpp>
#include <officer/domain/ports/clock.hpp>

namespace officer::bot::standup {

/// POST /slack/commands, /slack/interactions and /slack/events. Every request's signature is
/// checked over the raw body before anything is decoded; a bad, missing or stale one is a 401
/// that changes nothing.
void AddSlackRoutes(Dispatcher& dispatcher, std::string signing_secret, const domain::Clock& clock,
                    StandupService& service, std::shared_ptr<spdlog::logger> logger);

/// Local mode only: GET /local/messages?after=N, what the bot would have posted to Slack, signed
/// like a Slack request (over an empty body) so only `officer say` on this machine reads it.
/// `messages_after` returns the JSON document to send.
void AddLocalMessagesRoute(Dispatcher& dispatcher, std::string signing_secret,
                           const domain::Clock& clock,
                           std::function<std::string(long long after)> messages_after);

}  // namespace officer::bot::standup
