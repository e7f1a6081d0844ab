#pragma once

#include <optional>
#include <string>

#include <officer/bot/slack/payload.hpp>

namespace officer::bot::standup {

/// An Accept, Decline or Cancel click, queued so that acknowledging it costs Slack one insert;
/// a job worker applies it right after. Clicks on one meeting share a queue and apply in order.
inline constexpr const char* kClickJob = "click";

/// True for the buttons a click job applies; any other action needs no job.
bool IsStandupButton(const slack::BlockActions& click);

/// What applying the click needs: who clicked what, in which workspace, and where to answer.
std::string EncodeClickJob(const slack::BlockActions& click);
/// nullopt for a payload that is not a click job.
std::optional<slack::BlockActions> DecodeClickJob(const std::string& payload);

/// The queue that keeps the clicks on one meeting in order.
std::string ClickQueueKey(const slack::BlockActions& click);

}  // namespace officer::bot::standup
