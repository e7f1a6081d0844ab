#include <officer/fakes/fake_google_calendar.hpp>

#include <algorithm>
#include <cctype>

#include <officer/integrations/google/rfc3339.hpp>

namespace officer::fakes {

namespace {

using nlohmann::json;
namespace google = integrations::google;

constexpr std::string_view kFreeBusyPath = "/calendar/v3/freeBusy";
constexpr std::string_view kCalendarsPrefix = "/calendar/v3/calendars/";

// Google's error envelope (developers.google.com/calendar/api/guides/errors).
FakeResponse GoogleError(int status, std::string_view domain, std::string_view reason,
                         std::string_view message) {
  json error = {{"domain", domain}, {"reason", reason}, {"message", message}};
  if (status == 401) {
    error["locationType"] = "header";
    error["location"] = "Authorization";
  }
  return FakeResponse::Json(
      json{{"error", {{"errors", json::array({error})}, {"code", status}, {"message", message}}}}
          .dump(),
      status);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool SameEmail(const std::string& a, const std::string& b) { return Lower(a) == Lower(b); }

std::string BearerToken(const RecordedRequest& request) {
  const std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.rfind(kBearer, 0) == 0 ? header.substr(kBearer.size()) : std::string();
}

bool IsAttendee(const json& body, const std::string& email) {
  auto attendees = body.find("attendees");
  if (attendees == body.end() || !attendees->is_array()) return false;
  return std::any_of(attendees->begin(), attendees->end(), [&](const json& attendee) {
    return attendee.is_object() && attendee.value("email", std::string()) != "" &&
           SameEmail(attendee.value("email", std::string()), email);
  });
}

bool HasDateTimeAndZone(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_object() && it->contains("dateTime") &&
         (*it)["dateTime"].is_string() && it->contains("timeZone") && (*it)["timeZone"].is_string();
}

}  // namespace

FakeGoogleCalendar::FakeGoogleCalendar(std::uint16_t port) : server_(port) {
  server_.SetFallback([this](const RecordedRequest& request) { return Dispatch(request); });
}

void FakeGoogleCalendar::AddAccessToken(std::string token, std::string email) {
  std::lock_guard lock(mutex_);
  tokens_[std::move(token)] = std::move(email);
}

void FakeGoogleCalendar::RemoveAccessToken(const std::string& token) {
  std::lock_guard lock(mutex_);
  tokens_.erase(token);
}

void FakeGoogleCalendar::SetBusy(std::string email,
                                 std::vector<std::pair<std::string, std::string>> busy) {
  std::lock_guard lock(mutex_);
  busy_[Lower(std::move(email))] = std::move(busy);
}

void FakeGoogleCalendar::MakeInvisible(std::string email, std::string reason) {
  std::lock_guard lock(mutex_);
  invisible_[Lower(std::move(email))] = std::move(reason);
}

void FakeGoogleCalendar::FailNextWith401(int times) {
  std::lock_guard lock(mutex_);
  fail_401_ = times;
}

void FakeGoogleCalendar::CancelEvent(const std::string& id) {
  std::lock_guard lock(mutex_);
  if (auto found = events_.find(id); found != events_.end()) found->second.status = "cancelled";
}

std::vector<FakeGoogleEvent> FakeGoogleCalendar::Events() const {
  std::lock_guard lock(mutex_);
  std::vector<FakeGoogleEvent> out;
  for (const auto& [id, event] : events_) out.push_back(event);
  return out;
}

std::optional<FakeGoogleEvent> FakeGoogleCalendar::FindEvent(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto found = events_.find(id);
  if (found == events_.end()) return std::nullopt;
  return found->second;
}

std::vector<json> FakeGoogleCalendar::FreeBusyQueries() const {
  std::lock_guard lock(mutex_);
  return freebusy_queries_;
}

FakeResponse FakeGoogleCalendar::Dispatch(const RecordedRequest& request) {
  std::lock_guard lock(mutex_);
  const auto token = tokens_.find(BearerToken(request));
  if (fail_401_ > 0 || token == tokens_.end()) {
    if (fail_401_ > 0) --fail_401_;
    return GoogleError(401, "global", "authError", "Invalid Credentials");
  }
  const std::string owner = token->second;
  json body;
  if (!request.body.empty()) {
    body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return GoogleError(400, "global", "parseError", "Parse Error");
    }
  }

  if (request.path == kFreeBusyPath && request.method == "POST") return FreeBusy(body);
  std::string_view path = request.path;
  if (path.rfind(kCalendarsPrefix, 0) != 0) {
    return GoogleError(404, "global", "notFound", "Not Found");
  }
  path.remove_prefix(kCalendarsPrefix.size());
  const auto slash = path.find('/');
  const std::string calendar = UrlDecode(path.substr(0, slash), false);
  path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  if (calendar != "primary" && !SameEmail(calendar, owner)) {
    return GoogleError(404, "global", "notFound", "Not Found");
  }
  constexpr std::string_view kEvents = "/events";
  if (path == kEvents && request.method == "POST") return Insert(owner, request, body);
  if (path.rfind("/events/", 0) == 0 && path.size() > kEvents.size() + 1) {
    const std::string id = UrlDecode(path.substr(kEvents.size() + 1), false);
    if (request.method == "GET") return Get(owner, id);
    if (request.method == "PATCH") return Patch(owner, id, body);
    if (request.method == "DELETE") return Delete(owner, id);
  }
  return GoogleError(404, "global", "notFound", "Not Found");
}

FakeResponse FakeGoogleCalendar::FreeBusy(const json& body) {
  freebusy_queries_.push_back(body);
  const auto time_min = google::ParseRfc3339(body.value("timeMin", std::string()));
  const auto time_max = google::ParseRfc3339(body.value("timeMax", std::string()));
  if (!time_min || !time_max || !body.contains("items") || !body["items"].is_array()) {
    return GoogleError(400, "global", "badRequest", "Bad Request");
  }
  if (*time_max <= *time_min) {
    return GoogleError(400, "calendar", "timeRangeEmpty", "The specified time range is empty.");
  }
  json calendars = json::object();
  for (const auto& item : body["items"]) {
    const std::string id = item.value("id", std::string());
    if (auto hidden = invisible_.find(Lower(id)); hidden != invisible_.end()) {
      calendars[id] = {
          {"errors", json::array({{{"domain", "global"}, {"reason", hidden->second}}})},
          {"busy", json::array()}};
      continue;
    }
    json busy = json::array();
    if (auto periods = busy_.find(Lower(id)); periods != busy_.end()) {
      for (const auto& [start_text, end_text] : periods->second) {
        const auto start = google::ParseRfc3339(start_text);
        const auto end = google::ParseRfc3339(end_text);
        if (!start || !end || *end <= *time_min || *start >= *time_max) continue;
        // Google clips busy periods to the queried range.
        busy.push_back({{"start", google::FormatRfc3339(std::max(*start, *time_min))},
                        {"end", google::FormatRfc3339(std::min(*end, *time_max))}});
      }
    }
    calendars[id] = {{"busy", std::move(busy)}};
  }
  return FakeResponse::Json(json{
      {"kind", "calendar#freeBusy"},
      {"timeMin", body["timeMin"]},
      {"timeMax", body["timeMax"]},
      {"calendars",
       std::move(calendars)}}.dump());
}

FakeResponse FakeGoogleCalendar::Insert(const std::string& owner, const RecordedRequest& request,
                                        const json& body) {
  if (!HasDateTimeAndZone(body, "start") || !HasDateTimeAndZone(body, "end")) {
    return GoogleError(400, "global", "required", "Missing time zone definition for start time.");
  }
  FakeGoogleEvent event;
  event.id = body.value("id", std::string());
  if (event.id.empty()) event.id = "fakeevent" + std::to_string(++counter_);
  if (events_.count(event.id) > 0) {
    return GoogleError(409, "global", "duplicate", "The requested identifier already exists.");
  }
  event.organizer = owner;
  for (const char* name : {"sendUpdates", "conferenceDataVersion"}) {
    if (auto value = request.QueryParam(name)) event.query[name] = *value;
  }
  event.body = body;
  event.body["id"] = event.id;
  event.body["htmlLink"] = "https://www.google.com/calendar/event?eid=" + event.id;
  event.body["organizer"] = {{"email", owner}};
  event.body["creator"] = {{"email", owner}};
  if (event.body.contains("attendees") && event.body["attendees"].is_array()) {
    for (auto& attendee : event.body["attendees"]) {
      if (!attendee.contains("responseStatus")) attendee["responseStatus"] = "needsAction";
    }
  }
  const auto version = event.query.find("conferenceDataVersion");
  if (version != event.query.end() && version->second == "1" && body.contains("conferenceData")) {
    const std::string link = "https://meet.google.com/fak-" + std::to_string(counter_) + "-evt";
    event.body["hangoutLink"] = link;
    event.body["conferenceData"]["createRequest"]["status"] = {{"statusCode", "success"}};
    event.body["conferenceData"]["entryPoints"] =
        json::array({{{"entryPointType", "video"}, {"uri", link}}});
  } else {
    event.body.erase("conferenceData");
  }
  const auto& stored = events_.emplace(event.id, std::move(event)).first->second;
  return FakeResponse::Json(View(stored, owner).dump());
}

json FakeGoogleCalendar::View(const FakeGoogleEvent& event, const std::string& viewer) const {
  json view = event.body;
  view["kind"] = "calendar#event";
  view["status"] = event.status;
  if (SameEmail(event.organizer, viewer)) view["organizer"]["self"] = true;
  if (view.contains("attendees") && view["attendees"].is_array()) {
    for (auto& attendee : view["attendees"]) {
      if (SameEmail(attendee.value("email", std::string()), viewer)) attendee["self"] = true;
    }
  }
  return view;
}

FakeResponse FakeGoogleCalendar::Get(const std::string& owner, const std::string& id) const {
  const auto found = events_.find(id);
  if (found == events_.end() ||
      (!SameEmail(found->second.organizer, owner) && !IsAttendee(found->second.body, owner))) {
    return GoogleError(404, "global", "notFound", "Not Found");
  }
  return FakeResponse::Json(View(found->second, owner).dump());
}

FakeResponse FakeGoogleCalendar::Patch(const std::string& owner, const std::string& id,
                                       const json& body) {
  auto found = events_.find(id);
  if (found == events_.end() ||
      (!SameEmail(found->second.organizer, owner) && !IsAttendee(found->second.body, owner))) {
    return GoogleError(404, "global", "notFound", "Not Found");
  }
  FakeGoogleEvent& event = found->second;
  const bool organizer = SameEmail(event.organizer, owner);
  const bool attendees_omitted = body.value("attendeesOmitted", false);
  for (const auto& [key, value] : body.items()) {
    if (key == "attendeesOmitted") continue;
    if (key != "attendees" && !organizer) {
      return GoogleError(403, "calendar", "forbiddenForNonOrganizer",
                         "The operation can only be performed by the meeting organizer.");
    }
    if (key != "attendees") event.body[key] = value;
  }
  if (body.contains("attendees") && body["attendees"].is_array()) {
    if (!organizer && !attendees_omitted) {
      return GoogleError(403, "calendar", "forbiddenForNonOrganizer",
                         "The operation can only be performed by the meeting organizer.");
    }
    for (const auto& change : body["attendees"]) {
      const std::string email = change.value("email", std::string());
      if (!organizer && !SameEmail(email, owner)) {
        return GoogleError(403, "calendar", "forbiddenForNonOrganizer",
                           "The operation can only be performed by the meeting organizer.");
      }
      for (auto& attendee : event.body["attendees"]) {
        if (SameEmail(attendee.value("email", std::string()), email) &&
            change.contains("responseStatus")) {
          attendee["responseStatus"] = change["responseStatus"];
        }
      }
    }
  }
  return FakeResponse::Json(View(event, owner).dump());
}

FakeResponse FakeGoogleCalendar::Delete(const std::string& owner, const std::string& id) {
  auto found = events_.find(id);
  if (found == events_.end() || !SameEmail(found->second.organizer, owner)) {
    return GoogleError(404, "global", "notFound", "Not Found");
  }
  if (found->second.status == "cancelled") {
    return GoogleError(410, "global", "deleted", "Resource has been deleted");
  }
  found->second.status = "cancelled";
  return FakeResponse::Status(204);
}

}  // namespace officer::fakes
