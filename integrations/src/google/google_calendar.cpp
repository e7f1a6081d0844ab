#include <officer/integrations/google/google_calendar.hpp>

#include <algorithm>
#include <set>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/integrations/calendar/free_busy_batches.hpp>
#include <officer/integrations/crypto/primitives.hpp>
#include <officer/integrations/google/calendar_json.hpp>
#include <officer/integrations/oauth/authorized_send.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::google {

namespace {

using nlohmann::json;
namespace d = domain;

constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr std::size_t kMaxCalendarsPerQuery = 50;

// A non-2xx answer as an exception: rate limits and 5xx left over from the transport's retries
// are worth retrying later; anything else will not get better by itself.
[[noreturn]] void ThrowFor(std::string_view operation, const http::HttpResponse& response) {
  const std::string reason = ErrorReason(response.body);
  std::string what = "Google Calendar " + std::string(operation) + " answered HTTP " +
                     std::to_string(response.status);
  if (!reason.empty()) what += " (" + reason + ")";
  const bool rate_limited = response.status == 403 &&
                            (reason == "rateLimitExceeded" || reason == "userRateLimitExceeded");
  if (response.status >= 500 || response.status == 429 || rate_limited) {
    throw TransientError(what);
  }
  throw PermanentError(what);
}

json ParseBody(std::string_view operation, const http::HttpResponse& response) {
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw TransientError("Google Calendar " + std::string(operation) +
                         " answered something that is not JSON");
  }
  return body;
}

bool IsGone(int status) { return status == 404 || status == 410; }

}  // namespace

GoogleCalendar::GoogleCalendar(std::shared_ptr<http::HttpClient> http, std::string api_base_url,
                               AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger)
    : http_(std::move(http)),
      base_url_(std::move(api_base_url)),
      tokens_(std::move(tokens)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("google")) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::string GoogleCalendar::EventUrl(const std::string& event_id) const {
  return base_url_ + "/calendar/v3/calendars/primary/events/" + http::PercentEncode(event_id);
}

http::HttpResponse GoogleCalendar::Send(const d::UserId& user, http::HttpRequest request,
                                        std::string_view operation) {
  return oauth::SendAuthorized(*http_, std::move(request), tokens_, user, "google", operation,
                               *logger_);
}

std::vector<d::AttendeeAvailability> GoogleCalendar::FreeBusy(
    const d::UserId& owner, const std::vector<std::string>& attendees, const d::Interval& window) {
  return calendar::FreeBusyInBatches(
      attendees, kMaxCalendarsPerQuery, [&](const std::vector<std::string>& batch) {
        http::HttpRequest request;
        request.method = http::Method::kPost;
        request.url = base_url_ + "/calendar/v3/freeBusy";
        request.content_type = kJson;
        request.body = FreeBusyRequest(batch, window).dump();
        const auto response = Send(owner, std::move(request), "freeBusy");
        if (!response.IsSuccess()) ThrowFor("freeBusy", response);
        auto part = ParseFreeBusy(ParseBody("freeBusy", response), batch);
        const auto hidden = std::count_if(part.begin(), part.end(), [](const auto& availability) {
          return std::holds_alternative<d::NotVisible>(availability.availability);
        });
        logger_->debug("google freeBusy for {}: {} calendars, {} not visible", owner.value(),
                       batch.size(), hidden);
        return part;
      });
}

d::CreatedCalendarEvent GoogleCalendar::CreateRecurringEvent(const d::UserId& owner,
                                                             const d::RecurringEvent& event) {
  const bool meet = WantsMeetLink(event);
  http::HttpRequest request;
  request.method = http::Method::kPost;
  request.url = base_url_ + "/calendar/v3/calendars/primary/events?sendUpdates=all";
  if (meet) request.url += "&conferenceDataVersion=1";
  request.content_type = kJson;
  // A new requestId per insert: Google ignores a repeated one.
  json body_out = EventBody(event, meet ? crypto::HexEncode(crypto::RandomBytes(16)) : "");
  // The id is chosen here (lower-case hex is valid base32hex), so a retry after a lost answer
  // meets 409 duplicate instead of booking the standup twice.
  const std::string chosen_id = crypto::HexEncode(crypto::RandomBytes(16));
  body_out["id"] = chosen_id;
  request.body = body_out.dump();
  const auto response = Send(owner, std::move(request), "events.insert");
  if (response.status == 409) {
    logger_->info("google event {} already existed on the calendar of {} (a retried insert)",
                  chosen_id, owner.value());
    if (!meet) return {chosen_id, ""};
    // The first insert's answer, with its Meet link, was lost: read the link off the event.
    http::HttpRequest get;
    get.url = EventUrl(chosen_id);
    const auto existing = Send(owner, std::move(get), "events.get");
    if (!existing.IsSuccess()) ThrowFor("events.get", existing);
    return {chosen_id, MeetLinkOf(ParseBody("events.get", existing))};
  }
  if (!response.IsSuccess()) ThrowFor("events.insert", response);
  const json body = ParseBody("events.insert", response);
  const auto id = body.find("id");
  if (id == body.end() || !id->is_string() || id->get<std::string>().empty()) {
    throw TransientError("Google Calendar events.insert answered without an event id");
  }
  const std::string link = meet ? MeetLinkOf(body) : "";
  logger_->info("google event {} created on the calendar of {}{}", id->get<std::string>(),
                owner.value(), link.empty() ? "" : " with a Meet link");
  return {id->get<std::string>(), link};
}

void GoogleCalendar::DeleteEvent(const d::UserId& owner, const std::string& event_id) {
  http::HttpRequest request;
  request.method = http::Method::kDelete;
  request.url = EventUrl(event_id) + "?sendUpdates=all";
  const auto response = Send(owner, std::move(request), "events.delete");
  if (response.IsSuccess() || IsGone(response.status)) {
    logger_->info("google event {} of {} deleted{}", event_id, owner.value(),
                  response.IsSuccess() ? "" : " (already gone)");
    return;
  }
  ThrowFor("events.delete", response);
}

void GoogleCalendar::Respond(const d::UserId& person, const std::string& event_id,
                             d::CalendarResponse response) {
  http::HttpRequest get;
  get.url = EventUrl(event_id);
  const auto current = Send(person, std::move(get), "events.get");
  if (IsGone(current.status)) {
    logger_->info("google event {} is gone; no response recorded for {}", event_id, person.value());
    return;
  }
  if (!current.IsSuccess()) ThrowFor("events.get", current);
  const json event = ParseBody("events.get", current);
  std::string self_email;
  if (auto attendees = event.find("attendees"); attendees != event.end() && attendees->is_array()) {
    for (const auto& attendee : *attendees) {
      if (attendee.is_object() && attendee.value("self", false) && attendee.contains("email") &&
          attendee["email"].is_string()) {
        self_email = attendee["email"].get<std::string>();
      }
    }
  }
  if (self_email.empty()) {
    throw PermanentError("the Google event is not on " + person.value() +
                         "'s calendar as an invitation");
  }

  http::HttpRequest patch;
  patch.method = http::Method::kPatch;
  patch.url = EventUrl(event_id) + "?sendUpdates=all";
  patch.content_type = kJson;
  patch.body = ResponseBody(self_email, response).dump();
  const auto answered = Send(person, std::move(patch), "events.patch");
  if (!answered.IsSuccess()) ThrowFor("events.patch", answered);
}

d::CalendarEventStatus GoogleCalendar::EventStatus(const d::UserId& owner,
                                                   const std::string& event_id) {
  http::HttpRequest request;
  request.url = EventUrl(event_id);
  const auto response = Send(owner, std::move(request), "events.get");
  if (IsGone(response.status)) return d::CalendarEventStatus::Cancelled;
  if (!response.IsSuccess()) ThrowFor("events.get", response);
  const json body = ParseBody("events.get", response);
  return body.value("status", std::string()) == "cancelled" ? d::CalendarEventStatus::Cancelled
                                                            : d::CalendarEventStatus::Active;
}

}  // namespace officer::integrations::google
