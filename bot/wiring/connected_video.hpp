#pragma once

#include <functional>

#include <officer/domain/ports/video_meeting_provider.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::wiring {

/// The video provider as the effect runner sees it: forwards to Zoom, and when the organizer
/// cannot be acted for (never connected, or the connection needs reconnecting) tells
/// `on_not_connected` with the standup's workspace before the ReconnectNeeded goes on, so the
/// organizer can be asked to connect. Thread-safe when the provider is.
class ConnectedVideo final : public domain::VideoMeetingProvider {
 public:
  using OnNotConnected = std::function<void(const domain::WorkspaceId&, const domain::UserId&)>;

  ConnectedVideo(domain::VideoMeetingProvider& provider, OnNotConnected on_not_connected)
      : provider_(provider), on_not_connected_(std::move(on_not_connected)) {}

  domain::CreatedVideoMeeting CreateRecurringMeeting(
      const domain::UserId& owner, const domain::StandupMeeting& meeting) override {
    try {
      return provider_.CreateRecurringMeeting(owner, meeting);
    } catch (const integrations::oauth::ReconnectNeeded&) {
      if (on_not_connected_) on_not_connected_(meeting.workspace, owner);
      throw;
    }
  }

  void DeleteMeeting(const domain::UserId& owner, const std::string& external_id) override {
    provider_.DeleteMeeting(owner, external_id);
  }

 private:
  domain::VideoMeetingProvider& provider_;
  OnNotConnected on_not_connected_;
};

}  // namespace officer::wiring
