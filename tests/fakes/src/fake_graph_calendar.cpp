#include <officer/fakes/fake_graph_calendar.hpp>

#include <algorithm>
#include <cctype>

#include <officer/integrations/google/rfc3339.hpp>

namespace officer::fakes {

namespace {

using nlohmann::json;
namespace google = integrations::google;

constexpr std::string_view kEventsPrefix = "/me/events/";

// Graph's error envelope: {"error": {"code", "message", "innerError": {...}}}.
FakeResponse GraphError(int status, std::string_view code, std::string_view message) {
  return FakeResponse::Json(
      json{{"error",
            {{"code", code},
             {"message", message},
             {"innerError", {{"request-id", "fake-request"}, {"date", "2026-12-01T00:00:00"}}}}}}
          .dump(),
      status);
}

FakeResponse NotFound() {
  return GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool SameEmail(const std::string& a, const std::string& b) { return Lower(a) == Lower(b); }

// 204 must carry no body: FakeResponse::Status(204) sends its text, which a client reading
// no body for 204 takes as the start of the next response on a kept-alive connection.
FakeResponse NoContent() {
  FakeResponse response;
  response.status = 204;
  return response;
}

std::string BearerToken(const RecordedRequest& request) {
  const std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.rfind(kBearer, 0) == 0 ? header.substr(kBearer.size()) : std::string();
}

bool IsAttendee(const json& body, const std::string& email) {
  auto attendees = body.find("attendees");
  if (attendees == body.end() || !attendees->is_array()) return false;
  return std::any_of(attendees->begin(), attendees->end(), [&](const json& attendee) {
    return attendee.is_object() && attendee.contains("emailAddress") &&
           attendee["emailAddress"].is_object() &&
           SameEmail(attendee["emailAddress"].value("address", std::string()), email);
  });
}

bool HasDateTimeAndZone(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_object() && it->contains("dateTime") &&
         (*it)["dateTime"].is_string() && it->contains("timeZone") && (*it)["timeZone"].is_string();
}

// A request dateTimeTimeZone in UTC ("2026-12-01T00:00:00", "UTC") as an instant.
std::optional<date::sys_seconds> UtcInstant(const json& value) {
  if (!value.is_object() || value.value("timeZone", std::string()) != "UTC") return std::nullopt;
  return google::ParseRfc3339(value.value("dateTime", std::string()) + "Z");
}

// Graph writes dateTime without an offset and with seven fractional digits.
json GraphDateTime(date::sys_seconds instant) {
  return {{"dateTime", date::format("%Y-%m-%dT%H:%M:%S", instant) + ".0000000"},
          {"timeZone", "UTC"}};
}

}  // namespace

FakeGraphCalendar::FakeGraphCalendar(std::uint16_t port) : server_(port) {
  server_.SetFallback([this](const RecordedRequest& request) { return Dispatch(request); });
}

void FakeGraphCalendar::AddAccessToken(std::string token, std::string email) {
  std::lock_guard lock(mutex_);
  tokens_[std::move(token)] = std::move(email);
}

void FakeGraphCalendar::SetSchedule(std::string email, std::vector<FakeScheduleItem> items) {
  std::lock_guard lock(mutex_);
  schedules_[Lower(std::move(email))] = std::move(items);
}

void FakeGraphCalendar::MakeInvisible(std::string email, std::string message,
                                      std::string response_code) {
  std::lock_guard lock(mutex_);
  invisible_[Lower(std::move(email))] = {std::move(message), std::move(response_code)};
}

void FakeGraphCalendar::FailNextWith401(int times) {
  std::lock_guard lock(mutex_);
  fail_401_ = times;
}

std::vector<FakeGraphEvent> FakeGraphCalendar::Events() const {
  std::lock_guard lock(mutex_);
  std::vector<FakeGraphEvent> out;
  for (const auto& [id, event] : events_) out.push_back(event);
  return out;
}

std::optional<FakeGraphEvent> FakeGraphCalendar::FindEvent(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto found = events_.find(id);
  if (found == events_.end()) return std::nullopt;
  return found->second;
}

std::string FakeGraphCalendar::AttendeeCopyId(const std::string& id, const std::string& attendee) {
  std::string suffix;
  for (const char c : Lower(attendee)) {
    if (std::isalnum(static_cast<unsigned char>(c))) suffix += c;
  }
  return id + "AtT" + suffix;
}

std::string FakeGraphCalendar::MailboxId(const FakeGraphEvent& event,
                                         const std::string& viewer) const {
  return SameEmail(event.organizer, viewer) ? event.id : AttendeeCopyId(event.id, viewer);
}

std::vector<json> FakeGraphCalendar::ScheduleQueries() const {
  std::lock_guard lock(mutex_);
  return schedule_queries_;
}

FakeResponse FakeGraphCalendar::Dispatch(const RecordedRequest& request) {
  std::lock_guard lock(mutex_);
  const auto token = tokens_.find(BearerToken(request));
  if (fail_401_ > 0 || token == tokens_.end()) {
    if (fail_401_ > 0) --fail_401_;
    return GraphError(401, "InvalidAuthenticationToken",
                      "Access token has expired or is not yet valid.");
  }
  const std::string owner = token->second;
  json body;
  if (!request.body.empty()) {
    body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return GraphError(400, "BadRequest", "Unable to read JSON request payload.");
    }
  }

  if (request.path == "/me/calendar/getSchedule" && request.method == "POST") {
    return GetSchedule(body);
  }
  if (request.path == "/me/events" && request.method == "POST") return Create(owner, body);
  if (request.path == "/me/events" && request.method == "GET") return List(owner, request);
  std::string_view path = request.path;
  if (path.rfind(kEventsPrefix, 0) != 0) {
    return GraphError(400, "BadRequest", "Resource not found for the segment.");
  }
  path.remove_prefix(kEventsPrefix.size());
  const auto slash = path.find('/');
  const std::string id = UrlDecode(path.substr(0, slash), false);
  const std::string action =
      slash == std::string_view::npos ? std::string() : std::string(path.substr(slash + 1));
  if (action.empty() && request.method == "GET") return Get(owner, id);
  if (action.empty() && request.method == "DELETE") return Delete(owner, id);
  if (action == "cancel" && request.method == "POST") return Cancel(owner, id, body);
  if ((action == "accept" || action == "decline") && request.method == "POST") {
    return Answer(owner, id, action);
  }
  return GraphError(405, "Request_BadRequest", "Unsupported method or segment.");
}

FakeResponse FakeGraphCalendar::GetSchedule(const json& body) {
  schedule_queries_.push_back(body);
  const auto start = body.contains("startTime") ? UtcInstant(body["startTime"]) : std::nullopt;
  const auto end = body.contains("endTime") ? UtcInstant(body["endTime"]) : std::nullopt;
  if (!start || !end || !body.contains("schedules") || !body["schedules"].is_array() ||
      *end <= *start) {
    return GraphError(400, "ErrorInvalidParameter", "The request is invalid.");
  }
  json value = json::array();
  for (const auto& schedule : body["schedules"]) {
    const std::string id = schedule.is_string() ? schedule.get<std::string>() : "";
    if (auto hidden = invisible_.find(Lower(id)); hidden != invisible_.end()) {
      value.push_back(
          {{"scheduleId", id},
           {"error",
            {{"message", hidden->second.first}, {"responseCode", hidden->second.second}}}});
      continue;
    }
    json items = json::array();
    if (auto found = schedules_.find(Lower(id)); found != schedules_.end()) {
      for (const auto& item : found->second) {
        const auto item_start = google::ParseRfc3339(item.start);
        const auto item_end = google::ParseRfc3339(item.end);
        if (!item_start || !item_end || *item_end <= *start || *item_start >= *end) continue;
        items.push_back({{"isPrivate", false},
                         {"status", item.status},
                         {"subject", "Something"},
                         {"location", ""},
                         {"start", GraphDateTime(std::max(*item_start, *start))},
                         {"end", GraphDateTime(std::min(*item_end, *end))}});
      }
    }
    value.push_back(
        {{"scheduleId", id},
         {"availabilityView", std::string(items.empty() ? "0" : "2")},
         {"scheduleItems", std::move(items)},
         {"workingHours",
          {{"daysOfWeek", json::array({"monday", "tuesday", "wednesday", "thursday", "friday"})},
           {"startTime", "08:00:00.0000000"},
           {"endTime", "17:00:00.0000000"}}}});
  }
  return FakeResponse::Json(json{
      {"@odata.context",
       "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph."
       "scheduleInformation)"},
      {"value",
       std::move(value)}}.dump());
}

FakeResponse FakeGraphCalendar::Create(const std::string& owner, const json& body) {
  if (!HasDateTimeAndZone(body, "start") || !HasDateTimeAndZone(body, "end")) {
    return GraphError(400, "ErrorInvalidRequest", "Your request can't be completed.");
  }
  const std::string transaction = body.value("transactionId", std::string());
  if (!transaction.empty()) {
    for (const auto& [id, existing] : events_) {
      if (existing.body.value("transactionId", std::string()) == transaction) {
        return FakeResponse::Json(View(existing, owner).dump(), 201);
      }
    }
  }
  FakeGraphEvent event;
  event.id = "AAMkAGfake" + std::to_string(++counter_);
  event.organizer = owner;
  event.body = body;
  event.body["id"] = event.id;
  event.body["iCalUId"] = "040000008200E00074C5B7101A82E008fake" + std::to_string(counter_);
  event.body["organizer"] = {{"emailAddress", {{"address", owner}}}};
  event.body["webLink"] = "https://outlook.office365.com/owa/?itemid=" + event.id;
  if (body.value("isOnlineMeeting", false) &&
      body.value("onlineMeetingProvider", std::string()) == "teamsForBusiness") {
    event.body["onlineMeeting"] = {
        {"joinUrl", "https://teams.microsoft.com/l/meetup-join/fake-" + std::to_string(counter_)}};
  }
  if (event.body.contains("attendees") && event.body["attendees"].is_array()) {
    for (auto& attendee : event.body["attendees"]) {
      attendee["status"] = {{"response", "none"}, {"time", "0001-01-01T00:00:00Z"}};
    }
  }
  const auto& stored = events_.emplace(event.id, std::move(event)).first->second;
  return FakeResponse::Json(View(stored, owner).dump(), 201);
}

json FakeGraphCalendar::View(const FakeGraphEvent& event, const std::string& viewer) const {
  json view = event.body;
  view["@odata.context"] =
      "https://graph.microsoft.com/v1.0/$metadata#users('" + viewer + "')/events/$entity";
  view["id"] = MailboxId(event, viewer);
  view["isCancelled"] = event.cancelled;
  view["isOrganizer"] = SameEmail(event.organizer, viewer);
  if (view.contains("attendees") && view["attendees"].is_array()) {
    for (auto& attendee : view["attendees"]) {
      const auto address = attendee["emailAddress"].value("address", std::string());
      for (const auto& [email, response] : event.responses) {
        if (SameEmail(email, address)) attendee["status"]["response"] = response;
      }
    }
  }
  return view;
}

const FakeGraphEvent* FakeGraphCalendar::Visible(const std::string& owner,
                                                 const std::string& id) const {
  for (const auto& [key, event] : events_) {
    if (MailboxId(event, owner) != id) continue;
    // Graph removes a cancelled meeting from its organizer's calendar; attendees keep a copy
    // marked isCancelled until they remove it.
    if (SameEmail(event.organizer, owner)) return event.cancelled ? nullptr : &event;
    return IsAttendee(event.body, owner) ? &event : nullptr;
  }
  return nullptr;
}

FakeResponse FakeGraphCalendar::List(const std::string& owner,
                                     const RecordedRequest& request) const {
  constexpr std::string_view kPrefix = "iCalUId eq '";
  const std::string filter = request.QueryParam("$filter").value_or("");
  if (filter.rfind(kPrefix, 0) != 0 || filter.size() < kPrefix.size() + 1 ||
      filter.back() != '\'') {
    return GraphError(400, "BadRequest", "Invalid filter clause");
  }
  const std::string uid = filter.substr(kPrefix.size(), filter.size() - kPrefix.size() - 1);
  json value = json::array();
  for (const auto& [key, event] : events_) {
    if (event.body.value("iCalUId", std::string()) != uid) continue;
    if (const auto* visible = Visible(owner, MailboxId(event, owner))) {
      value.push_back(View(*visible, owner));
    }
  }
  return FakeResponse::Json(json{{"value", std::move(value)}}.dump());
}

FakeResponse FakeGraphCalendar::Get(const std::string& owner, const std::string& id) const {
  const auto* event = Visible(owner, id);
  if (event == nullptr) return NotFound();
  return FakeResponse::Json(View(*event, owner).dump());
}

FakeResponse FakeGraphCalendar::Cancel(const std::string& owner, const std::string& id,
                                       const json& body) {
  const auto* visible = Visible(owner, id);
  if (visible == nullptr) return NotFound();
  if (!SameEmail(visible->organizer, owner)) {
    return GraphError(400, "ErrorInvalidRequest",
                      "Your request can't be completed. You need to be an organizer to cancel a "
                      "meeting.");
  }
  auto& event = events_.at(visible->id);
  event.cancelled = true;
  event.cancel_comment = body.value("comment", std::string());
  return FakeResponse::Status(202);
}

FakeResponse FakeGraphCalendar::Answer(const std::string& owner, const std::string& id,
                                       const std::string& verb) {
  const auto* visible = Visible(owner, id);
  if (visible == nullptr) return NotFound();
  if (SameEmail(visible->organizer, owner)) {
    return GraphError(400, "ErrorInvalidRequest",
                      "Your request can't be completed. You can't respond to a meeting you "
                      "organized.");
  }
  events_.at(visible->id).responses[Lower(owner)] = verb == "accept" ? "accepted" : "declined";
  return FakeResponse::Status(202);
}

FakeResponse FakeGraphCalendar::Delete(const std::string& owner, const std::string& id) {
  const auto* visible = Visible(owner, id);
  if (visible == nullptr || !SameEmail(visible->organizer, owner)) return NotFound();
  events_.at(visible->id).cancelled = true;
  return NoContent();
}

}  // namespace officer::fakes
