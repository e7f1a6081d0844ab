#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <officer/domain/ports/video_meeting_provider.hpp>
#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}

#include <officer/integrations/oauth/authorized_send.hpp>

namespace officer::integrations::zoom {

inline constexpr std::string_view kDefaultZoomApiBaseUrl = "https://api.zoom.us/v2";

/// Where ZoomMeetings gets a person's access token. `rejected` is empty on a first call; after
/// Zoom refused a token (HTTP 401 or error code 124) it is that token, and the source must
/// return a fresh one (TokenRefresher::AccessToken(key, rejected), which also persists Zoom's
/// rotated refresh token). Throws ReconnectNeeded or TransientError.
using AccessTokenSource = oauth::AccessTokenSource;

/// Zoom behind the domain's video-meeting port, acting with each person's own user-level OAuth
/// token (/users/me). An answer with HTTP 401 or error code 124 (invalid or expired token)
/// fetches a fresh token once and retries the call once; a second refusal is
/// ReconnectNeeded("zoom"). 429 and 5xx are retried by the HttpClient. Other refusals are
/// PermanentError naming the operation, status and Zoom's error code, never a token or a join
/// link. Safe from many threads.
class ZoomMeetings final : public domain::VideoMeetingProvider {
 public:
  /// `base_url`: ZOOM_API_BASE_URL (kDefaultZoomApiBaseUrl), no trailing slash needed.
  ZoomMeetings(std::shared_ptr<http::HttpClient> http, std::string base_url,
               AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger);

  /// POST /users/me/meetings with MeetingBody; returns join_url and the meeting id.
  domain::CreatedVideoMeeting CreateRecurringMeeting(
      const domain::UserId& owner, const domain::StandupMeeting& meeting) override;
  /// DELETE /meetings/{id}; 404 (code 3001, meeting does not exist) counts as done.
  void DeleteMeeting(const domain::UserId& owner, const std::string& external_id) override;

 private:
  http::HttpResponse Send(const domain::UserId& user, http::HttpRequest request,
                          std::string_view operation);

  std::shared_ptr<http::HttpClient> http_;
  std::string base_url_;
  AccessTokenSource tokens_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::zoom
