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

/// One scheduleItem of a person's calendar: status ("busy", "tentative", "oof", "free",
/// "workingElsewhere") and RFC 3339 start/end ("2026-12-01T08:30:00Z").
struct FakeScheduleItem {
  std::string status;
  std::string start;
  std::string end;
};

/// An event as the fake keeps it.
struct FakeGraphEvent {
  std::string id;
  std::string organizer;  ///< e-mail of the mailbox it was created in
  nlohmann::json body;    ///< the POSTed event, plus id, organizer, webLink, onlineMeeting
  bool cancelled = false;
  std::string cancel_comment;
  /// Attendee e-mail -> "accepted" | "declined", from /accept and /decline.
  std::map<std::string, std::string> responses;
};

/// Microsoft Graph calendar endpoints over real HTTP, with the documented shapes (see
/// shared/reference/calendars-video-oauth.md section 3):
/// - POST /me/calendar/getSchedule {schedules, startTime, endTime, availabilityViewInterval}
///   -> {value: [{scheduleId, availabilityView, scheduleItems: [{status, isPrivate, start:
///   {dateTime: "...0000000", timeZone: "UTC"}, end}]}]}; a schedule made invisible answers
///   {scheduleId, error: {message, responseCode}} instead. Items are clipped to the window.
/// - POST /me/events: 400 ErrorInvalidRequest without start/end dateTime+timeZone; otherwise
///   201 with the event, id, organizer, and with isOnlineMeeting + teamsForBusiness an
///   onlineMeeting {joinUrl}. A repeated transactionId answers the event already created.
/// - GET /me/events/{id}: the event with isCancelled; the organizer's cancelled event is gone
///   (404 ErrorItemNotFound), attendees still see it with isCancelled: true.
/// - POST /me/events/{id}/cancel {comment}: 202, organizer only (400 ErrorInvalidRequest
///   "You need to be an organizer to cancel a meeting."); 404 when unknown or already gone.
/// - POST /me/events/{id}/accept|decline {comment?, sendResponse}: 202 for an attendee
///   (recorded), 400 for the organizer, 404 when the caller is not invited.
/// - DELETE /me/events/{id}: 204 for the organizer, 404 otherwise.
/// - GET /me/events?$filter=iCalUId eq '<uid>': {value: [the caller's copy]} or {value: []}.
/// As in Graph, each mailbox has its own id for an event: the organizer's is FakeGraphEvent::id,
/// an attendee's copy has another (AttendeeCopyId); all copies share the iCalUId.
/// Auth: "Authorization: Bearer <token>" must be a token added with AddAccessToken (401
/// InvalidAuthenticationToken otherwise); it names whose mailbox /me is. Thread-safe.
/// Scripted failures go through Server().Enqueue(path, ...).
class FakeGraphCalendar {
 public:
  explicit FakeGraphCalendar(std::uint16_t port = 0);

  /// For MS_GRAPH_BASE_URL: "http://127.0.0.1:<port>" (the fake serves /me/... at its root).
  std::string BaseUrl() const { return server_.BaseUrl(); }
  FakeHttpServer& Server() { return server_; }

  /// Bearer `token` acts as `email`.
  void AddAccessToken(std::string token, std::string email);
  /// The person's schedule items; replaces earlier ones.
  void SetSchedule(std::string email, std::vector<FakeScheduleItem> items);
  /// getSchedule answers this address with error {message, responseCode}.
  void MakeInvisible(std::string email,
                     std::string message = "The specified object was not found in the store.",
                     std::string response_code = "ErrorMailboxNotFound");
  /// The next `times` authenticated requests answer 401 whatever the token.
  void FailNextWith401(int times = 1);

  std::vector<FakeGraphEvent> Events() const;
  /// By the organizer's id.
  std::optional<FakeGraphEvent> FindEvent(const std::string& id) const;
  /// The id `attendee`'s mailbox knows the event with organizer id `id` by.
  static std::string AttendeeCopyId(const std::string& id, const std::string& attendee);
  /// Bodies of every getSchedule call, in order.
  std::vector<nlohmann::json> ScheduleQueries() const;

 private:
  FakeResponse Dispatch(const RecordedRequest& request);
  FakeResponse GetSchedule(const nlohmann::json& body);
  FakeResponse Create(const std::string& owner, const nlohmann::json& body);
  FakeResponse Get(const std::string& owner, const std::string& id) const;
  FakeResponse List(const std::string& owner, const RecordedRequest& request) const;
  FakeResponse Cancel(const std::string& owner, const std::string& id, const nlohmann::json& body);
  FakeResponse Answer(const std::string& owner, const std::string& id, const std::string& verb);
  FakeResponse Delete(const std::string& owner, const std::string& id);
  nlohmann::json View(const FakeGraphEvent& event, const std::string& viewer) const;
  std::string MailboxId(const FakeGraphEvent& event, const std::string& viewer) const;
  const FakeGraphEvent* Visible(const std::string& owner, const std::string& id) const;

  mutable std::mutex mutex_;
  std::map<std::string, std::string> tokens_;  // token -> e-mail
  std::map<std::string, std::vector<FakeScheduleItem>> schedules_;
  std::map<std::string, std::pair<std::string, std::string>> invisible_;  // e-mail -> error
  std::map<std::string, FakeGraphEvent> events_;
  std::vector<nlohmann::json> schedule_queries_;
  int fail_401_ = 0;
  std::uint64_t counter_ = 0;

  // Last: its handlers reach the state above, so it stops before that state goes away.
  FakeHttpServer server_;
};

}  // namespace officer::fakes
