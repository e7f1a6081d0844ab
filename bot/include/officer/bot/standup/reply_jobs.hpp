#pragma once

#include <string>

#include <officer/bot/standup/slack_api.hpp>
#include <officer/bot/standup/standup_service.hpp>

namespace officer::bot::standup {

/// A queued private reply (a refused click): {team, channel, user, response_url, text}.
void RunReplyJob(SlackApi& slack, const std::string& payload);

/// A queued direct message (kDirectJob): {team, user, text}.
void RunDirectJob(SlackApi& slack, const std::string& payload);

/// Publishes a person's Home tab (kPublishHomeJob): {team, user}, with their standups as of now.
void RunPublishHomeJob(SlackApi& slack, StandupService& service, const std::string& payload);

/// Opens the booking modal for a `/standup` with no text; where modals cannot be shown (local
/// mode) the person gets the usage instead.
void RunOpenModalJob(SlackApi& slack, const std::string& payload,
                     const std::string& default_time_zone);

}  // namespace officer::bot::standup
