#include <officer/integrations/msgraph/graph_json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <stdexcept>

#include <date/tz.h>

#include <officer/domain/errors.hpp>

namespace officer::integrations::msgraph {

namespace {

using nlohmann::json;
namespace d = domain;

constexpr std::pair<unsigned, const char*> kDays[] = {
    {1, "monday"}, {2, "tuesday"},  {3, "wednesday"}, {4, "thursday"},
    {5, "friday"}, {6, "saturday"}, {0, "sunday"}};

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string LocalDateTime(date::local_seconds time) {
  return date::format("%Y-%m-%dT%H:%M:%S", time);
}

// Matches a scheduleInformation by scheduleId: exactly, then ignoring case (Graph may answer
// with the mailbox's own spelling of the address).
const json* ScheduleEntry(const json& values, const std::string& id) {
  for (const auto& entry : values) {
    if (entry.is_object() && entry.value("scheduleId", std::string()) == id) return &entry;
  }
  for (const auto& entry : values) {
    if (entry.is_object() && entry.contains("scheduleId") && entry["scheduleId"].is_string() &&
        EqualsIgnoringCase(entry["scheduleId"].get<std::string>(), id)) {
      return &entry;
    }
  }
  return nullptr;
}

d::Availability AvailabilityOf(const json* entry) {
  if (entry == nullptr) return d::NotVisible{};
  if (auto error = entry->find("error"); error != entry->end() && !error->is_null()) {
    return d::NotVisible{};
  }
  std::vector<d::Interval> busy;
  auto items = entry->find("scheduleItems");
  if (items == entry->end() || items->is_null()) return busy;
  if (!items->is_array()) {
    throw TransientError("Graph getSchedule answered scheduleItems that are not an array");
  }
  for (const auto& item : *items) {
    if (!item.is_object()) throw TransientError("Graph getSchedule answered an unreadable item");
    if (item.value("status", std::string()) == "free") continue;
    const auto start = item.contains("start") ? ParseDateTimeTimeZone(item["start"]) : std::nullopt;
    const auto end = item.contains("end") ? ParseDateTimeTimeZone(item["end"]) : std::nullopt;
    if (!start || !end) throw TransientError("Graph getSchedule answered an unreadable item time");
    if (*start < *end) busy.push_back(d::Interval{*start, *end});
  }
  return busy;
}

std::string LocationText(const d::Location& location) {
  if (const auto* room = std::get_if<d::Room>(&location)) return room->name_or_email;
  if (const auto* video = std::get_if<d::VideoLink>(&location)) return video->join_url;
  return "";
}

}  // namespace

std::vector<std::string> DaysOfWeek(d::DaySet days) {
  std::vector<std::string> out;
  for (const auto& [encoding, name] : kDays) {
    if (days.Contains(date::weekday{encoding})) out.emplace_back(name);
  }
  return out;
}

date::year_month_day FirstOccurrence(date::year_month_day from, d::DaySet days) {
  if (days.Empty()) return from;
  date::sys_days day{from};
  while (!days.Contains(date::weekday{day})) day += date::days{1};
  return date::year_month_day{day};
}

json ScheduleRequest(const std::vector<std::string>& schedules, const d::Interval& window) {
  return {{"schedules", schedules},
          {"startTime",
           {{"dateTime", date::format("%Y-%m-%dT%H:%M:%S", window.start)}, {"timeZone", "UTC"}}},
          {"endTime",
           {{"dateTime", date::format("%Y-%m-%dT%H:%M:%S", window.end)}, {"timeZone", "UTC"}}},
          {"availabilityViewInterval", kAvailabilityViewMinutes}};
}

std::optional<date::sys_seconds> ParseDateTimeTimeZone(const json& value) {
  if (!value.is_object() || !value.contains("dateTime") || !value["dateTime"].is_string()) {
    return std::nullopt;
  }
  std::string text = value["dateTime"].get<std::string>();
  // Graph writes seven fractional digits ("...T08:30:00.0000000"); seconds are enough here.
  if (auto dot = text.find('.'); dot != std::string::npos) text.resize(dot);
  std::istringstream in(text);
  date::local_seconds local;
  in >> date::parse("%Y-%m-%dT%H:%M:%S", local);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;

  const std::string zone = value.value("timeZone", std::string());
  if (zone.empty() || zone == "UTC" || zone == "Etc/UTC") {
    return date::sys_seconds{local.time_since_epoch()};
  }
  try {
    return date::locate_zone(zone)->to_sys(local, date::choose::earliest);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

std::vector<d::AttendeeAvailability> ParseSchedule(const json& response,
                                                   const std::vector<std::string>& attendees) {
  if (!response.is_object()) throw TransientError("Graph getSchedule answered something not JSON");
  static const json kNone = json::array();
  auto values_it = response.find("value");
  const json& values = values_it != response.end() && values_it->is_array() ? *values_it : kNone;
  std::vector<d::AttendeeAvailability> out;
  out.reserve(attendees.size());
  for (const auto& attendee : attendees) {
    out.push_back(
        d::AttendeeAvailability{attendee, AvailabilityOf(ScheduleEntry(values, attendee))});
  }
  return out;
}

bool WantsTeamsMeeting(const d::RecurringEvent& event) {
  const auto* video = std::get_if<d::VideoLink>(&event.location);
  return video != nullptr && video->join_url.empty() && video->provider == "teams";
}

json EventBody(const d::RecurringEvent& event, const std::string& transaction_id) {
  try {
    date::locate_zone(event.zone_name);
  } catch (const std::runtime_error&) {
    throw PermanentError("the event's time zone is unknown: " + event.zone_name);
  }
  if (event.days.Empty()) throw PermanentError("the event repeats on no day");
  if (!event.start.IsValid() || !event.first_day.ok()) {
    throw PermanentError("the event's first day or start time is invalid");
  }
  const date::year_month_day first = FirstOccurrence(event.first_day, event.days);
  const date::local_seconds start =
      date::local_days{first} +
      std::chrono::duration_cast<std::chrono::seconds>(event.start.SinceMidnight());
  const date::local_seconds end = start + event.duration;

  const auto* room = std::get_if<d::Room>(&event.location);
  json attendees = json::array();
  std::set<std::string> seen;
  for (const auto& email : event.attendee_emails) {
    if (email.empty() || !seen.insert(email).second) continue;
    const bool is_room = room != nullptr && EqualsIgnoringCase(email, room->name_or_email);
    attendees.push_back(
        {{"emailAddress", {{"address", email}}}, {"type", is_room ? "resource" : "required"}});
  }
  json body = {
      {"subject", event.title},
      {"body", {{"contentType", "text"}, {"content", event.description}}},
      {"start", {{"dateTime", LocalDateTime(start)}, {"timeZone", event.zone_name}}},
      {"end", {{"dateTime", LocalDateTime(end)}, {"timeZone", event.zone_name}}},
      {"recurrence",
       {{"pattern",
         {{"type", "weekly"},
          {"interval", 1},
          {"daysOfWeek", DaysOfWeek(event.days)},
          {"firstDayOfWeek", "monday"}}},
        {"range",
         {{"type", "noEnd"},
          {"startDate", date::format("%F", first)},
          {"recurrenceTimeZone", event.zone_name}}}}},
      {"attendees", std::move(attendees)},
  };
  if (auto location = LocationText(event.location); !location.empty()) {
    body["location"] = {{"displayName", location}};
  }
  if (WantsTeamsMeeting(event)) {
    body["isOnlineMeeting"] = true;
    body["onlineMeetingProvider"] = "teamsForBusiness";
  }
  if (!transaction_id.empty()) body["transactionId"] = transaction_id;
  return body;
}

std::string ErrorCode(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return "";
  const auto error = parsed.find("error");
  if (error == parsed.end() || !error->is_object()) return "";
  const auto code = error->find("code");
  if (code == error->end() || !code->is_string()) return "";
  const auto text = code->get<std::string>();
  const bool plain = text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
                     });
  return plain ? text : "";
}

}  // namespace officer::integrations::msgraph
