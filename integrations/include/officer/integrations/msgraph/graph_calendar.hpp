#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}

#include <officer/integrations/oauth/authorized_send.hpp>

namespace officer::integrations::msgraph {

inline constexpr std::string_view kDefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

/// Where GraphCalendar gets a person's access token. `rejected` is empty on a first call; after
/// a 401 it is the token Graph refused, and the source must return a fresh one
/// (TokenRefresher::AccessToken(key, rejected)). Throws ReconnectNeeded or TransientError.
using AccessTokenSource = oauth::AccessTokenSource;

/// Microsoft Graph (Outlook / Microsoft 365) behind the domain's calendar port, acting with
/// each person's own delegated token on their default calendar (/me). A 401 fetches a fresh
/// token once and retries the call once; a second 401 is ReconnectNeeded("microsoft"). 429
/// (Retry-After) and 5xx are retried by the HttpClient. Other refusals are PermanentError
/// naming the operation, status and Graph's error code, never a token. Safe from many threads.
///
/// Graph ids are per mailbox, so the event reference returned is "<organizer's id>|<iCalUId>":
/// the organizer's calls use the id, and Respond finds the attendee's own copy by its iCalUId.
class GraphCalendar final : public domain::CalendarGateway {
 public:
  /// `base_url`: MS_GRAPH_BASE_URL (kDefaultGraphBaseUrl), no trailing slash needed.
  GraphCalendar(std::shared_ptr<http::HttpClient> http, std::string base_url,
                AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger);

  /// One POST /me/calendar/getSchedule per 100 schedules, duplicates asked once, with
  /// Prefer: outlook.timezone="UTC" (see ParseSchedule for what counts as busy). A schedule
  /// answered with an `error` is NotVisible.
  std::vector<domain::AttendeeAvailability> FreeBusy(const domain::UserId& owner,
                                                     const std::vector<std::string>& attendees,
                                                     const domain::Interval& window) override;
  /// POST /me/events with EventBody and a fresh transactionId; returns the event reference and,
  /// when a Teams meeting was asked for, its onlineMeeting.joinUrl.
  domain::CreatedCalendarEvent CreateRecurringEvent(const domain::UserId& owner,
                                                    const domain::RecurringEvent& event) override;
  /// POST /me/events/{id}/cancel {comment} (organizer only; attendees get a cancellation).
  /// 404 counts as done. A 400 (Graph refuses to cancel what it does not see as a meeting it
  /// organizes, e.g. one without attendees) falls back to DELETE /me/events/{id}.
  void DeleteEvent(const domain::UserId& owner, const std::string& event_id) override;
  /// With `person`'s token: finds their copy (GET /me/events?$filter=iCalUId eq '…'), then
  /// POST /me/events/{their id}/accept or /decline {sendResponse: true}. No copy, or a 404
  /// (not on their calendar, or gone), is left alone.
  void Respond(const domain::UserId& person, const std::string& event_id,
               domain::CalendarResponse response) override;
  /// GET /me/events/{id}?$select=isCancelled: Cancelled for isCancelled true or 404.
  domain::CalendarEventStatus EventStatus(const domain::UserId& owner,
                                          const std::string& event_id) override;

 private:
  http::HttpResponse Send(const domain::UserId& user, http::HttpRequest request,
                          std::string_view operation);
  /// The organizer's event in the organizer's mailbox.
  std::string EventUrl(const std::string& event_id) const;
  /// The id of `person`'s own copy of the event; nullopt when they have none.
  std::optional<std::string> OwnCopyOf(const domain::UserId& person, const std::string& event_id);

  std::shared_ptr<http::HttpClient> http_;
  std::string base_url_;
  AccessTokenSource tokens_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::msgraph
