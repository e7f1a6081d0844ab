#include <officer/integrations/zoom/zoom_json.hpp>

#include <stdexcept>

#include <date/tz.h>

#include <officer/domain/errors.hpp>

namespace officer::integrations::zoom {

namespace {

using nlohmann::json;
namespace d = domain;

}  // namespace

std::string WeeklyDays(d::DaySet days) {
  std::string out;
  for (unsigned encoding = 0; encoding < 7; ++encoding) {
    if (!days.Contains(date::weekday{encoding})) continue;
    if (!out.empty()) out += ',';
    out += std::to_string(encoding + 1);  // date's Sunday is 0, Zoom's is 1
  }
  return out;
}

json MeetingBody(const d::StandupMeeting& meeting) {
  try {
    date::locate_zone(meeting.zone_name);
  } catch (const std::runtime_error&) {
    throw PermanentError("the meeting's time zone is unknown: " + meeting.zone_name);
  }
  if (meeting.days.Empty()) throw PermanentError("the meeting repeats on no day");
  if (!meeting.start.IsValid() || !meeting.first_day.ok()) {
    throw PermanentError("the meeting's first day or start time is invalid");
  }
  date::local_days day{meeting.first_day};
  while (!meeting.days.Contains(date::weekday{day})) day += date::days{1};
  const date::local_seconds start =
      day + std::chrono::duration_cast<std::chrono::seconds>(meeting.start.SinceMidnight());
  return {{"topic", meeting.title},
          {"type", 8},
          {"start_time", date::format("%Y-%m-%dT%H:%M:%S", start)},
          {"timezone", meeting.zone_name},
          {"duration", meeting.duration_minutes},
          {"recurrence",
           {{"type", 2}, {"repeat_interval", 1}, {"weekly_days", WeeklyDays(meeting.days)}}},
          {"settings", {{"join_before_host", true}, {"waiting_room", false}}}};
}

std::optional<d::CreatedVideoMeeting> ParseCreatedMeeting(const json& body) {
  if (!body.is_object()) return std::nullopt;
  const auto join_url = body.find("join_url");
  const auto id = body.find("id");
  if (join_url == body.end() || !join_url->is_string() || join_url->get<std::string>().empty() ||
      id == body.end()) {
    return std::nullopt;
  }
  std::string external_id;
  if (id->is_number_unsigned()) {
    external_id = std::to_string(id->get<std::uint64_t>());
  } else if (id->is_number_integer() && id->get<std::int64_t>() > 0) {
    external_id = std::to_string(id->get<std::int64_t>());
  } else if (id->is_string() && !id->get<std::string>().empty()) {
    external_id = id->get<std::string>();
  } else {
    return std::nullopt;
  }
  return d::CreatedVideoMeeting{join_url->get<std::string>(), std::move(external_id)};
}

std::optional<int> ErrorCode(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  const auto code = parsed.find("code");
  if (code == parsed.end() || !code->is_number_integer()) return std::nullopt;
  const auto value = code->get<std::int64_t>();
  if (value < 0 || value > 1'000'000) return std::nullopt;
  return static_cast<int>(value);
}

}  // namespace officer::integrations::zoom
