#pragma once

#include <optional>
#include <string>

#include <officer/bot/slack/command_text.hpp>

namespace officer::bot::standup {

/// A booking asked for in Slack, queued so the acknowledgement does not wait for Slack's Web API
/// and the calendars. The meeting id is chosen when queuing, so a repeated run books nothing twice.
struct BookJob {
  std::string team;
  std::string channel;
  std::string user;
  std::string response_url;
  std::string meeting_id;
  slack::BookCommand command;
};

std::string EncodeBookJob(const BookJob& job);
/// nullopt for a payload that is not a book job.
std::optional<BookJob> DecodeBookJob(const std::string& payload);

/// A fresh meeting id: "sd-" and 6 characters people can read aloud and type.
std::string NewMeetingId();

}  // namespace officer::bot::standup
