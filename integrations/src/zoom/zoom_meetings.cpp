#include <officer/integrations/zoom/zoom_meetings.hpp>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/integrations/oauth/authorized_send.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>
#include <officer/integrations/zoom/zoom_json.hpp>

namespace officer::integrations::zoom {

namespace {

using nlohmann::json;
namespace d = domain;

constexpr std::string_view kJson = "application/json; charset=utf-8";

// Zoom answers a bad or expired token with HTTP 401 and code 124, but code 124 has been seen
// under other statuses too: either one means "get a fresh token".
bool TokenRefused(const http::HttpResponse& response) {
  return response.status == 401 ||
         (!response.IsSuccess() && ErrorCode(response.body) == kInvalidAccessToken);
}

[[noreturn]] void ThrowFor(std::string_view operation, const http::HttpResponse& response) {
  std::string what =
      "Zoom " + std::string(operation) + " answered HTTP " + std::to_string(response.status);
  if (const auto code = ErrorCode(response.body)) what += " (code " + std::to_string(*code) + ")";
  if (response.status >= 500 || response.status == 429) throw TransientError(what);
  throw PermanentError(what);
}

}  // namespace

ZoomMeetings::ZoomMeetings(std::shared_ptr<http::HttpClient> http, std::string base_url,
                           AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger)
    : http_(std::move(http)),
      base_url_(std::move(base_url)),
      tokens_(std::move(tokens)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("zoom")) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

http::HttpResponse ZoomMeetings::Send(const d::UserId& user, http::HttpRequest request,
                                      std::string_view operation) {
  return oauth::SendAuthorized(*http_, std::move(request), tokens_, user, "zoom", operation,
                               *logger_, TokenRefused);
}

d::CreatedVideoMeeting ZoomMeetings::CreateRecurringMeeting(const d::UserId& owner,
                                                            const d::StandupMeeting& meeting) {
  http::HttpRequest request;
  request.method = http::Method::kPost;
  request.url = base_url_ + "/users/me/meetings";
  request.content_type = kJson;
  request.body = MeetingBody(meeting).dump();
  const auto response = Send(owner, std::move(request), "meetings.create");
  if (!response.IsSuccess()) ThrowFor("meetings.create", response);
  const json body = json::parse(response.body, nullptr, false);
  auto created = ParseCreatedMeeting(body);
  if (!created) {
    throw TransientError("Zoom meetings.create answered without a meeting id and join link");
  }
  logger_->info("zoom meeting {} created for {} (standup {})", created->external_id, owner.value(),
                meeting.id.value());
  return std::move(*created);
}

void ZoomMeetings::DeleteMeeting(const d::UserId& owner, const std::string& external_id) {
  http::HttpRequest request;
  request.method = http::Method::kDelete;
  request.url = base_url_ + "/meetings/" + http::PercentEncode(external_id);
  const auto response = Send(owner, std::move(request), "meetings.delete");
  if (response.IsSuccess() || response.status == 404) {
    logger_->info("zoom meeting {} of {} deleted{}", external_id, owner.value(),
                  response.IsSuccess() ? "" : " (it no longer existed)");
    return;
  }
  ThrowFor("meetings.delete", response);
}

}  // namespace officer::integrations::zoom
