#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/fakes/fake_http_server.hpp>

namespace officer::fakes {

/// An event as the fake keeps it.
struct FakeGoogleEvent {
  std::string id;
  std::string organizer;  ///< e-mail of the calendar it was inserted on
  nlohmann::json body;    ///< the inserted Event resource, with responseStatus kept current
  std::string status = "confirmed";  ///< "cancelled" once deleted
  /// The query of the insert: sendUpdates, conferenceDataVersion.
  std::map<std::string, std::string> query;
};

/// Google Calendar v3 over real HTTP, with the documented shapes (see
/// shared/reference/calendars-video-oauth.md section 1):
/// - POST /calendar/v3/freeBusy {timeMin, timeMax, items:[{id}]} ->
///   {kind, timeMin, timeMax, calendars: {id: {busy: [{start, end}]}}}; an invisible calendar
///   answers {errors: [{domain: "global", reason}], busy: []}.
/// - POST /calendar/v3/calendars/{primary|own e-mail}/events[?sendUpdates&conferenceDataVersion]:
///   stores the Event (409 duplicate for a reused client id; 400 without start/end/timeZone)
///   and answers it with id, status, htmlLink, organizer, and with conferenceDataVersion=1 and
///   a createRequest, hangoutLink plus conferenceData.entryPoints.
/// - GET .../events/{id}: the event as the token's owner sees it (their attendee entry has
///   self: true); 404 when they are neither organizer nor attendee; a deleted event answers
///   status "cancelled" (as Google's sync does).
/// - PATCH .../events/{id}: merges attendees by e-mail (responseStatus), other fields replace.
/// - DELETE .../events/{id}: 204; 410 deleted when already deleted; 404 unknown.
/// Auth: "Authorization: Bearer <token>" must be a token added with AddAccessToken (401
/// authError otherwise); the token names whose "primary" calendar it opens. Thread-safe.
/// Scripted failures go through Server().Enqueue(path, ...).
class FakeGoogleCalendar {
 public:
  explicit FakeGoogleCalendar(std::uint16_t port = 0);

  /// For GOOGLE_API_BASE_URL: "http://127.0.0.1:<port>".
  std::string BaseUrl() const { return server_.BaseUrl(); }
  FakeHttpServer& Server() { return server_; }

  /// Bearer `token` acts as `email`.
  void AddAccessToken(std::string token, std::string email);
  void RemoveAccessToken(const std::string& token);
  /// Busy periods for a calendar, RFC 3339 ("2026-12-01T08:30:00Z"); replaces earlier ones.
  void SetBusy(std::string email, std::vector<std::pair<std::string, std::string>> busy);
  /// freeBusy answers this calendar with errors [{domain: "global", reason}].
  void MakeInvisible(std::string email, std::string reason = "notFound");
  /// The next `times` authenticated requests answer 401 authError whatever the token.
  void FailNextWith401(int times = 1);
  /// Marks the event cancelled, as if its organizer deleted it elsewhere.
  void CancelEvent(const std::string& id);

  std::vector<FakeGoogleEvent> Events() const;
  std::optional<FakeGoogleEvent> FindEvent(const std::string& id) const;
  /// Bodies of every freeBusy query, in order.
  std::vector<nlohmann::json> FreeBusyQueries() const;

 private:
  FakeResponse Dispatch(const RecordedRequest& request);
  FakeResponse FreeBusy(const nlohmann::json& body);
  FakeResponse Insert(const std::string& owner, const RecordedRequest& request,
                      const nlohmann::json& body);
  FakeResponse Get(const std::string& owner, const std::string& id) const;
  FakeResponse Patch(const std::string& owner, const std::string& id, const nlohmann::json& body);
  FakeResponse Delete(const std::string& owner, const std::string& id);
  nlohmann::json View(const FakeGoogleEvent& event, const std::string& viewer) const;

  mutable std::mutex mutex_;
  std::map<std::string, std::string> tokens_;  // token -> e-mail
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> busy_;
  std::map<std::string, std::string> invisible_;  // e-mail -> reason
  std::map<std::string, FakeGoogleEvent> events_;
  std::vector<nlohmann::json> freebusy_queries_;
  int fail_401_ = 0;
  std::uint64_t counter_ = 0;

  // Last: its handlers reach the state above, so it stops before that state goes away.
  FakeHttpServer server_;
};

}  // namespace officer::fakes
