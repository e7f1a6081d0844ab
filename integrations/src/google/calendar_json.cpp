#include <officer/integrations/google/calendar_json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include <date/tz.h>

#include <officer/domain/errors.hpp>
#include <officer/integrations/google/rfc3339.hpp>

namespace officer::integrations::google {

namespace {

using nlohmann::json;
namespace d = domain;

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

const json* CalendarEntry(const json& calendars, const std::string& id) {
  if (auto exact = calendars.find(id); exact != calendars.end()) return &*exact;
  for (const auto& [key, value] : calendars.items()) {
    if (EqualsIgnoringCase(key, id)) return &value;
  }
  return nullptr;
}

d::Availability AvailabilityOf(const json* entry) {
  if (entry == nullptr || !entry->is_object()) return d::NotVisible{};
  if (auto errors = entry->find("errors");
      errors != entry->end() && errors->is_array() && !errors->empty()) {
    return d::NotVisible{};
  }
  std::vector<d::Interval> busy;
  auto periods = entry->find("busy");
  if (periods == entry->end()) return busy;
  if (!periods->is_array())
    throw TransientError("Google freeBusy answered a busy list that is not an array");
  for (const auto& period : *periods) {
    const auto start = period.is_object() && period.contains("start") && period["start"].is_string()
                           ? ParseRfc3339(period["start"].get<std::string>())
                           : std::nullopt;
    const auto end = period.is_object() && period.contains("end") && period["end"].is_string()
                         ? ParseRfc3339(period["end"].get<std::string>())
                         : std::nullopt;
    if (!start || !end) throw TransientError("Google freeBusy answered an unreadable busy period");
    if (*start < *end) busy.push_back(d::Interval{*start, *end});
  }
  return busy;
}

std::string LocalDateTime(date::local_seconds time) {
  return date::format("%Y-%m-%dT%H:%M:%S", time);
}

std::string LocationText(const d::Location& location) {
  if (const auto* room = std::get_if<d::Room>(&location)) return room->name_or_email;
  if (const auto* video = std::get_if<d::VideoLink>(&location)) return video->join_url;
  return "";
}

}  // namespace

std::string RecurrenceRule(d::DaySet days) {
  static constexpr std::pair<unsigned, const char*> kDays[] = {
      {1, "MO"}, {2, "TU"}, {3, "WE"}, {4, "TH"}, {5, "FR"}, {6, "SA"}, {0, "SU"}};
  std::string by_day;
  for (const auto& [encoding, name] : kDays) {
    if (!days.Contains(date::weekday{encoding})) continue;
    if (!by_day.empty()) by_day += ',';
    by_day += name;
  }
  return "RRULE:FREQ=WEEKLY;BYDAY=" + by_day;
}

json FreeBusyRequest(const std::vector<std::string>& calendar_ids, const d::Interval& window) {
  json items = json::array();
  for (const auto& id : calendar_ids) items.push_back({{"id", id}});
  return {{"timeMin", FormatRfc3339(window.start)},
          {"timeMax", FormatRfc3339(window.end)},
          {"timeZone", "UTC"},
          {"items", std::move(items)}};
}

std::vector<d::AttendeeAvailability> ParseFreeBusy(const json& response,
                                                   const std::vector<std::string>& attendees) {
  if (!response.is_object()) throw TransientError("Google freeBusy answered something not JSON");
  static const json kNone = json::object();
  auto calendars_it = response.find("calendars");
  const json& calendars =
      calendars_it != response.end() && calendars_it->is_object() ? *calendars_it : kNone;
  std::vector<d::AttendeeAvailability> out;
  out.reserve(attendees.size());
  for (const auto& attendee : attendees) {
    out.push_back(
        d::AttendeeAvailability{attendee, AvailabilityOf(CalendarEntry(calendars, attendee))});
  }
  return out;
}

bool WantsMeetLink(const d::RecurringEvent& event) {
  const auto* video = std::get_if<d::VideoLink>(&event.location);
  return video != nullptr && video->join_url.empty() &&
         (video->provider == "google_meet" || video->provider == "meet");
}

std::string MeetLinkOf(const json& event) {
  if (auto link = event.find("hangoutLink"); link != event.end() && link->is_string()) {
    return link->get<std::string>();
  }
  const auto conference = event.find("conferenceData");
  if (conference == event.end() || !conference->is_object()) return {};
  const auto entry_points = conference->find("entryPoints");
  if (entry_points == conference->end() || !entry_points->is_array()) return {};
  for (const auto& entry : *entry_points) {
    if (entry.is_object() && entry.value("entryPointType", "") == "video" &&
        entry.contains("uri") && entry["uri"].is_string()) {
      return entry["uri"].get<std::string>();
    }
  }
  return {};
}

json EventBody(const d::RecurringEvent& event, const std::string& meet_request_id) {
  try {
    date::locate_zone(event.zone_name);
  } catch (const std::runtime_error&) {
    throw PermanentError("the event's time zone is unknown: " + event.zone_name);
  }
  if (event.days.Empty()) throw PermanentError("the event repeats on no day");
  if (!event.start.IsValid() || !event.first_day.ok()) {
    throw PermanentError("the event's first day or start time is invalid");
  }
  const date::local_seconds start =
      date::local_days{event.first_day} +
      std::chrono::duration_cast<std::chrono::seconds>(event.start.SinceMidnight());
  const date::local_seconds end = start + event.duration;

  json attendees = json::array();
  std::set<std::string> seen;
  const auto* room = std::get_if<d::Room>(&event.location);
  for (const auto& email : event.attendee_emails) {
    if (email.empty() || !seen.insert(email).second) continue;
    json attendee = {{"email", email}};
    // A room's resource calendar is invited as a resource, so Google books the room.
    if (room != nullptr && EqualsIgnoringCase(email, room->name_or_email)) {
      attendee["resource"] = true;
    }
    attendees.push_back(std::move(attendee));
  }
  json body = {
      {"summary", event.title},
      {"start", {{"dateTime", LocalDateTime(start)}, {"timeZone", event.zone_name}}},
      {"end", {{"dateTime", LocalDateTime(end)}, {"timeZone", event.zone_name}}},
      {"recurrence", json::array({RecurrenceRule(event.days)})},
      {"attendees", std::move(attendees)},
  };
  if (!event.description.empty()) body["description"] = event.description;
  if (auto location = LocationText(event.location); !location.empty()) body["location"] = location;
  if (WantsMeetLink(event)) {
    body["conferenceData"] = {
        {"createRequest",
         {{"requestId", meet_request_id}, {"conferenceSolutionKey", {{"type", "hangoutsMeet"}}}}}};
  }
  return body;
}

json ResponseBody(const std::string& self_email, d::CalendarResponse response) {
  return {{"attendeesOmitted", true},
          {"attendees",
           json::array({{{"email", self_email},
                         {"responseStatus",
                          response == d::CalendarResponse::Declined ? "declined" : "accepted"}}})}};
}

std::string ErrorReason(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return "";
  const auto error = parsed.find("error");
  if (error == parsed.end() || !error->is_object()) return "";
  const auto errors = error->find("errors");
  if (errors == error->end() || !errors->is_array() || errors->empty() ||
      !(*errors)[0].is_object()) {
    return "";
  }
  const auto reason = (*errors)[0].find("reason");
  if (reason == (*errors)[0].end() || !reason->is_string()) return "";
  const auto text = reason->get<std::string>();
  const bool plain = text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                     });
  return plain ? text : "";
}

}  // namespace officer::integrations::google
