#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/integrations/http/http_client.hpp>

namespace spdlog {
class logger;
}

#include <officer/integrations/oauth/authorized_send.hpp>

namespace officer::integrations::google {

inline constexpr std::string_view kDefaultGoogleApiBaseUrl = "https://www.googleapis.com";

/// Where GoogleCalendar gets a person's access token. `rejected` is empty on a first call; after
/// a 401 it is the token Google refused, and the source must return a fresh one (refreshing it
/// unless someone already did: TokenRefresher::AccessToken(key, rejected) does exactly this).
/// Throws ReconnectNeeded (a PermanentError) when the person must connect again, or
/// TransientError.
using AccessTokenSource = oauth::AccessTokenSource;

/// Google Calendar v3 behind the domain's calendar port, acting with each person's own token on
/// their "primary" calendar. A 401 fetches a fresh token once and retries the call once; a
/// second 401 is ReconnectNeeded. 429 and 5xx are retried by the HttpClient. Other refusals are
/// PermanentError naming the operation, status and Google's reason, never a token. Safe from
/// many threads.
class GoogleCalendar final : public domain::CalendarGateway {
 public:
  /// `api_base_url`: GOOGLE_API_BASE_URL (kDefaultGoogleApiBaseUrl), no trailing slash needed.
  GoogleCalendar(std::shared_ptr<http::HttpClient> http, std::string api_base_url,
                 AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger);

  /// One POST /calendar/v3/freeBusy per 50 attendees (Google's per-request cap), duplicates
  /// asked once. A calendar answered with `errors` (notFound: unknown or not shared) is
  /// NotVisible; busy periods become intervals.
  std::vector<domain::AttendeeAvailability> FreeBusy(const domain::UserId& owner,
                                                     const std::vector<std::string>& attendees,
                                                     const domain::Interval& window) override;
  /// POST /calendar/v3/calendars/primary/events?sendUpdates=all (plus conferenceDataVersion=1
  /// when a Meet link is asked for, see WantsMeetLink) with EventBody and a client-chosen id
  /// (32 hex digits), so a retried insert answered 409 duplicate counts as created; returns the
  /// event id.
  domain::CreatedCalendarEvent CreateRecurringEvent(const domain::UserId& owner,
                                                    const domain::RecurringEvent& event) override;
  /// DELETE .../events/{id}?sendUpdates=all; 404 and 410 (already gone) count as done.
  void DeleteEvent(const domain::UserId& owner, const std::string& event_id) override;
  /// With `person`'s token: GET .../events/{id} to find their own attendee entry (self: true),
  /// then PATCH .../events/{id}?sendUpdates=all with ResponseBody (attendeesOmitted: true, only
  /// their entry, its responseStatus set). An event that is gone (404/410) is left alone.
  /// PermanentError when they are not among its attendees.
  void Respond(const domain::UserId& person, const std::string& event_id,
               domain::CalendarResponse response) override;
  /// GET .../events/{id}: Cancelled for status "cancelled", 404 or 410; Active otherwise.
  domain::CalendarEventStatus EventStatus(const domain::UserId& owner,
                                          const std::string& event_id) override;

 private:
  http::HttpResponse Send(const domain::UserId& user, http::HttpRequest request,
                          std::string_view operation);
  std::string EventUrl(const std::string& event_id) const;

  std::shared_ptr<http::HttpClient> http_;
  std::string base_url_;
  AccessTokenSource tokens_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::integrations::google
