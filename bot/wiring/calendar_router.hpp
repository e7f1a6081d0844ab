#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/token_refresher.hpp>
#include <officer/integrations/postgres/free_busy_cache.hpp>

namespace spdlog {
class logger;
}

namespace officer::wiring {

/// Where the Google, Graph and Zoom clients get a person's access token: their connection to
/// `provider` (found by user id, an active one first) through the refresher. Throws
/// ReconnectNeeded when they never connected it; `on_missing` (may be null) is called first.
std::function<std::string(const domain::UserId&, std::string_view)> AccessTokenSourceFor(
    integrations::oauth::CredentialStore& credentials,
    integrations::oauth::TokenRefresher& refresher, std::string provider,
    std::function<void(const domain::UserId&)> on_missing = nullptr);

/// The calendars behind the router; `google` and `microsoft` are null when not configured.
struct CalendarBackends {
  domain::CalendarGateway& local;
  domain::CalendarGateway* google = nullptr;
  domain::CalendarGateway* microsoft = nullptr;
};

/// The one CalendarGateway Officer runs on: it routes every call to the calendar of the person
/// it acts for. A person with an active Google connection is served by Google, with an active
/// Microsoft one by Graph (the most recently connected wins when both); everyone else by the
/// local calendar. The calendar port names people by user id only, so connections are found by
/// user id across workspaces (CredentialStore::ConnectionsOf).
///
/// FreeBusy: the organizer's calendar answers for every attendee it can see. An attendee it
/// reports NotVisible, and who connected a calendar of their own, is then asked through their
/// own credential; attendees are e-mails and are matched to people by the e-mail Slack gave
/// (table people, CredentialStore::ConnectionsOfEmail). When the organizer is on the local
/// calendar, a connected attendee's own busy times are added to what the local calendar knows.
/// An attendee's own calendar failing leaves the organizer's answer; the organizer's
/// connection needing a reconnect falls back to the local calendar. Answers are cached
/// (FreeBusyCache, shared by the replicas) per asking account; booking drops the attendees'
/// entries, cancelling drops all (the attendees of a cancelled event are not known here).
///
/// Events are created on the organizer's calendar; the returned id carries the provider
/// ("google:<id>", "microsoft:<id>"; local ids are bare) so deleting, answering and the
/// reminder's status check reach the calendar that holds the event even after the organizer
/// connects elsewhere. EventStatus is never cached. Thread-safe.
class CalendarRouter final : public domain::CalendarGateway {
 public:
  CalendarRouter(integrations::oauth::CredentialStore& credentials, CalendarBackends backends,
                 integrations::postgres::FreeBusyCache& cache,
                 std::shared_ptr<spdlog::logger> logger);

  std::vector<domain::AttendeeAvailability> FreeBusy(const domain::UserId& owner,
                                                     const std::vector<std::string>& attendees,
                                                     const domain::Interval& window) override;
  domain::CreatedCalendarEvent CreateRecurringEvent(const domain::UserId& owner,
                                                    const domain::RecurringEvent& event) override;
  void DeleteEvent(const domain::UserId& owner, const std::string& event_id) override;
  void Respond(const domain::UserId& person, const std::string& event_id,
               domain::CalendarResponse response) override;
  domain::CalendarEventStatus EventStatus(const domain::UserId& owner,
                                          const std::string& event_id) override;

 private:
  /// "google", "microsoft" or "local" for the calendar `owner` is served by.
  std::string ProviderOf(const domain::UserId& owner);
  /// The connected (provider, user) of the person with this e-mail, if any.
  std::optional<std::pair<std::string, domain::UserId>> OwnCalendarOf(const std::string& email);
  domain::CalendarGateway* Backend(const std::string& provider);
  /// Availability of `attendees` as `owner` sees them at `provider`, cached.
  std::vector<domain::Availability> Ask(const std::string& provider, const domain::UserId& owner,
                                        const std::vector<std::string>& attendees,
                                        const domain::Interval& rounded);

  integrations::oauth::CredentialStore& credentials_;
  CalendarBackends backends_;
  integrations::postgres::FreeBusyCache& cache_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace officer::wiring
