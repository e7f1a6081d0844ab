#include <officer/integrations/msgraph/graph_calendar.hpp>

#include <algorithm>
#include <set>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/integrations/calendar/free_busy_batches.hpp>
#include <officer/integrations/crypto/primitives.hpp>
#include <officer/integrations/msgraph/graph_json.hpp>
#include <officer/integrations/oauth/authorized_send.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace officer::integrations::msgraph {

namespace {

using nlohmann::json;
namespace d = domain;

constexpr std::string_view kJson = "application/json; charset=utf-8";
// getSchedule takes a list of addresses; 100 per call keeps each request well inside what
// Graph accepts for one mailbox query.
constexpr std::size_t kMaxSchedulesPerQuery = 100;
constexpr std::string_view kCancelComment = "This standup was cancelled in Officer.";

// A non-2xx answer as an exception: throttling and 5xx left over from the transport's retries
// are worth retrying later; anything else will not get better by itself.
[[noreturn]] void ThrowFor(std::string_view operation, const http::HttpResponse& response) {
  const std::string code = ErrorCode(response.body);
  std::string what = "Microsoft Graph " + std::string(operation) + " answered HTTP " +
                     std::to_string(response.status);
  if (!code.empty()) what += " (" + code + ")";
  if (response.status >= 500 || response.status == 429) throw TransientError(what);
  throw PermanentError(what);
}

json ParseBody(std::string_view operation, const http::HttpResponse& response) {
  json body = json::parse(response.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    throw TransientError("Microsoft Graph " + std::string(operation) +
                         " answered something that is not JSON");
  }
  return body;
}

// Graph ids are per mailbox: the organizer's event and an attendee's copy of it have different
// ids and share the iCalUId. The event reference Officer keeps is "<organizer's id>|<iCalUId>"
// (neither contains '|'), so an attendee's copy can be found without the organizer's token.
constexpr char kRefSeparator = '|';

struct EventRef {
  std::string id;
  std::string ical_uid;  ///< empty in references made before it was kept
};

EventRef ParseRef(const std::string& reference) {
  const auto bar = reference.find(kRefSeparator);
  if (bar == std::string::npos) return {reference, ""};
  return {reference.substr(0, bar), reference.substr(bar + 1)};
}

std::string StringField(const json& body, const char* name) {
  const auto field = body.find(name);
  return field != body.end() && field->is_string() ? field->get<std::string>() : std::string();
}

http::HttpRequest JsonPost(std::string url, const json& body) {
  http::HttpRequest request;
  request.method = http::Method::kPost;
  request.url = std::move(url);
  request.content_type = kJson;
  request.body = body.dump();
  return request;
}

}  // namespace

GraphCalendar::GraphCalendar(std::shared_ptr<http::HttpClient> http, std::string base_url,
                             AccessTokenSource tokens, std::shared_ptr<spdlog::logger> logger)
    : http_(std::move(http)),
      base_url_(std::move(base_url)),
      tokens_(std::move(tokens)),
      logger_(logger ? std::move(logger) : std::make_shared<spdlog::logger>("msgraph")) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::string GraphCalendar::EventUrl(const std::string& event_id) const {
  return base_url_ + "/me/events/" + http::PercentEncode(ParseRef(event_id).id);
}

std::optional<std::string> GraphCalendar::OwnCopyOf(const d::UserId& person,
                                                    const std::string& event_id) {
  const auto ref = ParseRef(event_id);
  if (ref.ical_uid.empty()) return ref.id;
  // An OData string literal doubles its single quotes.
  std::string literal;
  for (const char c : ref.ical_uid) literal += c == '\'' ? std::string("''") : std::string(1, c);
  http::HttpRequest request;
  request.url = base_url_ +
                "/me/events?$filter=" + http::PercentEncode("iCalUId eq '" + literal + "'") +
                "&$select=id";
  const auto response = Send(person, std::move(request), "events.list");
  if (!response.IsSuccess()) ThrowFor("events.list", response);
  const json body = ParseBody("events.list", response);
  if (auto value = body.find("value"); value != body.end() && value->is_array()) {
    for (const auto& event : *value) {
      if (!event.is_object()) continue;
      if (auto id = StringField(event, "id"); !id.empty()) return id;
    }
  }
  return std::nullopt;
}

http::HttpResponse GraphCalendar::Send(const d::UserId& user, http::HttpRequest request,
                                       std::string_view operation) {
  return oauth::SendAuthorized(*http_, std::move(request), tokens_, user, "microsoft", operation,
                               *logger_);
}

std::vector<d::AttendeeAvailability> GraphCalendar::FreeBusy(
    const d::UserId& owner, const std::vector<std::string>& attendees, const d::Interval& window) {
  return calendar::FreeBusyInBatches(
      attendees, kMaxSchedulesPerQuery, [&](const std::vector<std::string>& batch) {
        auto request =
            JsonPost(base_url_ + "/me/calendar/getSchedule", ScheduleRequest(batch, window));
        request.headers.insert_or_assign("Prefer", "outlook.timezone=\"UTC\"");
        const auto response = Send(owner, std::move(request), "getSchedule");
        if (!response.IsSuccess()) ThrowFor("getSchedule", response);
        auto part = ParseSchedule(ParseBody("getSchedule", response), batch);
        const auto hidden = std::count_if(part.begin(), part.end(), [](const auto& availability) {
          return std::holds_alternative<d::NotVisible>(availability.availability);
        });
        logger_->debug("graph getSchedule for {}: {} schedules, {} not visible", owner.value(),
                       batch.size(), hidden);
        return part;
      });
}

d::CreatedCalendarEvent GraphCalendar::CreateRecurringEvent(const d::UserId& owner,
                                                            const d::RecurringEvent& event) {
  // transactionId makes a POST the transport repeats after a lost answer return the event the
  // first one created instead of booking the standup twice.
  const auto transaction_id = crypto::HexEncode(crypto::RandomBytes(16));
  auto request = JsonPost(base_url_ + "/me/events", EventBody(event, transaction_id));
  const auto response = Send(owner, std::move(request), "events.create");
  if (!response.IsSuccess()) ThrowFor("events.create", response);
  const json body = ParseBody("events.create", response);
  const std::string id = StringField(body, "id");
  if (id.empty()) {
    throw TransientError("Microsoft Graph events.create answered without an event id");
  }
  std::string join_url;
  if (WantsTeamsMeeting(event)) {
    if (auto online = body.find("onlineMeeting"); online != body.end() && online->is_object()) {
      join_url = StringField(*online, "joinUrl");
    }
  }
  logger_->info("graph event created on the calendar of {}{}", owner.value(),
                join_url.empty() ? "" : " with a Teams meeting");
  const std::string ical_uid = StringField(body, "iCalUId");
  return {ical_uid.empty() ? id : id + kRefSeparator + ical_uid, join_url};
}

void GraphCalendar::DeleteEvent(const d::UserId& owner, const std::string& event_id) {
  auto cancel = JsonPost(EventUrl(event_id) + "/cancel", json{{"comment", kCancelComment}});
  const auto response = Send(owner, std::move(cancel), "events.cancel");
  if (response.IsSuccess() || response.status == 404) {
    logger_->info("graph event of {} cancelled{}", owner.value(),
                  response.IsSuccess() ? "" : " (already gone)");
    return;
  }
  if (response.status != 400) ThrowFor("events.cancel", response);

  logger_->info("graph cancel of an event of {} refused ({}); deleting it instead", owner.value(),
                ErrorCode(response.body));
  http::HttpRequest remove;
  remove.method = http::Method::kDelete;
  remove.url = EventUrl(event_id);
  const auto removed = Send(owner, std::move(remove), "events.delete");
  if (removed.IsSuccess() || removed.status == 404) return;
  ThrowFor("events.delete", removed);
}

void GraphCalendar::Respond(const d::UserId& person, const std::string& event_id,
                            d::CalendarResponse response) {
  const bool accept = response == d::CalendarResponse::Accepted;
  const auto own_copy = OwnCopyOf(person, event_id);
  if (!own_copy) {
    logger_->info("graph event is not on the calendar of {}; no response recorded", person.value());
    return;
  }
  auto request = JsonPost(base_url_ + "/me/events/" + http::PercentEncode(*own_copy) +
                              (accept ? "/accept" : "/decline"),
                          json{{"sendResponse", true}});
  const auto answered =
      Send(person, std::move(request), accept ? "events.accept" : "events.decline");
  if (answered.status == 404) {
    logger_->info("graph event is not on the calendar of {}; no response recorded", person.value());
    return;
  }
  if (!answered.IsSuccess()) ThrowFor(accept ? "events.accept" : "events.decline", answered);
}

d::CalendarEventStatus GraphCalendar::EventStatus(const d::UserId& owner,
                                                  const std::string& event_id) {
  http::HttpRequest request;
  request.url = EventUrl(event_id) + "?$select=isCancelled";
  const auto response = Send(owner, std::move(request), "events.get");
  if (response.status == 404) return d::CalendarEventStatus::Cancelled;
  if (!response.IsSuccess()) ThrowFor("events.get", response);
  const json body = ParseBody("events.get", response);
  return body.value("isCancelled", false) ? d::CalendarEventStatus::Cancelled
                                          : d::CalendarEventStatus::Active;
}

}  // namespace officer::integrations::msgraph
