#pragma once

#include <string>

#include <officer/bot/standup/slack_api.hpp>
#include <officer/bot/standup/standup_service.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>

namespace officer::bot::standup {

/// Runs a queued booking: resolves the people (user groups and channels expanded through Slack),
/// picks the zone, books through the domain and saves the standup with its effects.
class BookingWorker {
 public:
  static constexpr std::size_t kMaxPeople = 100;

  BookingWorker(domain::MeetingRepository& meetings, SlackApi& slack, const domain::Clock& clock,
                ServiceSettings settings, bool video_available);

  /// Handles one book job. Throws TransientError when Slack or the database should be retried.
  void Run(const std::string& payload);

 private:
  domain::MeetingRepository& meetings_;
  SlackApi& slack_;
  const domain::Clock& clock_;
  ServiceSettings settings_;
  bool video_available_;
};

}  // namespace officer::bot::standup
