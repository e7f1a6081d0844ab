#include <officer/integrations/local/local_calendar.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/errors.hpp>
#include <officer/domain/schedule.hpp>

#include "postgres/sql_arrays.hpp"

namespace officer::integrations::local {

namespace {

namespace d = domain;
using postgres::TextArray;

constexpr std::string_view kInsertEvent =
    "INSERT INTO local_calendar_events (owner_id, title, time_zone, start_minute,"
    " duration_minutes, days, first_day, attendees, location, description)"
    " VALUES ($1, $2, $3, $4, $5, $6, DATE '1970-01-01' + $7::integer, $8::text[], $9, $10)"
    " RETURNING id";

constexpr std::string_view kCancelEvent =
    "UPDATE local_calendar_events SET status = 'cancelled', updated_at = now()"
    " WHERE id = $1 AND status = 'active'";

constexpr std::string_view kRecordResponse =
    "UPDATE local_calendar_events"
    " SET responses = responses || jsonb_build_object($2::text, $3::text), updated_at = now()"
    " WHERE id = $1";

constexpr std::string_view kSelectStatus = "SELECT status FROM local_calendar_events WHERE id = $1";

constexpr std::string_view kSelectResponses =
    "SELECT r.key, r.value FROM local_calendar_events e, jsonb_each_text(e.responses) AS r"
    " WHERE e.id = $1 ORDER BY r.key";

// Every active event listing any of the attendees $1 whose first day is not after $2 (days since
// 1970-01-01, already a day past the window's end, so any zone's local date is covered). The
// last column lists the 0-based positions in $1 of the attendees on the event who have not
// declined it, e.g. "0,3"; the GIN index answers the && filter.
constexpr std::string_view kSelectEventsFor =
    "SELECT e.id, e.time_zone, e.start_minute, e.duration_minutes, e.days,"
    " e.first_day - DATE '1970-01-01',"
    " array_to_string(ARRAY(SELECT i - 1 FROM generate_subscripts($1::text[], 1) AS i"
    "   WHERE ($1::text[])[i] = ANY(e.attendees)"
    "     AND coalesce(e.responses ->> (($1::text[])[i]), '') <> 'declined' ORDER BY i), ',')"
    " FROM local_calendar_events e"
    " WHERE e.status = 'active' AND e.attendees && $1::text[]"
    "   AND e.first_day <= DATE '1970-01-01' + $2::integer";

constexpr std::string_view kSelectBusyBlocksFor =
    "SELECT attendee, extract(epoch FROM starts_at)::bigint, extract(epoch FROM ends_at)::bigint"
    " FROM local_busy_blocks"
    " WHERE attendee = ANY($1::text[]) AND ends_at > to_timestamp($2) AND starts_at < "
    "to_timestamp($3)";

constexpr std::string_view kInsertBusyBlock =
    "INSERT INTO local_busy_blocks (attendee, title, starts_at, ends_at)"
    " VALUES ($1, $2, to_timestamp($3), to_timestamp($4))";

constexpr int kMaxDurationMinutes = 24 * 60;

long long Epoch(date::sys_seconds instant) { return instant.time_since_epoch().count(); }

date::sys_seconds FromEpoch(long long seconds) {
  return date::sys_seconds{std::chrono::seconds{seconds}};
}

const char* ResponseName(d::CalendarResponse response) {
  return response == d::CalendarResponse::Declined ? "declined" : "accepted";
}

std::string LocationText(const d::Location& location) {
  if (const auto* room = std::get_if<d::Room>(&location)) return room->name_or_email;
  if (const auto* video = std::get_if<d::VideoLink>(&location)) return video->join_url;
  return "";
}

// The zone named in an event row, looked up once per name and call.
const date::time_zone& ZoneOf(std::unordered_map<std::string, const date::time_zone*>& zones,
                              const std::string& name, const std::string& event_id) {
  auto found = zones.find(name);
  if (found == zones.end()) {
    try {
      found = zones.emplace(name, date::locate_zone(name)).first;
    } catch (const std::runtime_error&) {
      throw PermanentError("local calendar event " + event_id +
                           " has an unknown time zone: " + name);
    }
  }
  return *found->second;
}

// "0,3,4" -> {0, 3, 4}.
void ParsePositions(std::string_view text, std::vector<std::size_t>& out) {
  out.clear();
  while (!text.empty()) {
    std::size_t position = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), position);
    if (error != std::errc{}) break;
    out.push_back(position);
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (!text.empty() && text.front() == ',') text.remove_prefix(1);
  }
}

}  // namespace

std::vector<d::AttendeeAvailability> LocalCalendar::FreeBusy(
    const d::UserId& /*owner*/, const std::vector<std::string>& attendees,
    const d::Interval& window) {
  std::vector<std::vector<d::Interval>> busy(attendees.size());
  if (!attendees.empty() && window.start < window.end) {
    const std::string keys = TextArray(attendees);
    const auto last_day = date::floor<date::days>(window.end) + date::days{1};
    auto [events, blocks] = pool_.Run([&](pqxx::connection& connection) {
      pqxx::read_transaction tx(connection);
      auto event_rows = tx.exec_params(std::string(kSelectEventsFor), keys,
                                       static_cast<long long>(last_day.time_since_epoch().count()));
      auto block_rows = tx.exec_params(std::string(kSelectBusyBlocksFor), keys, Epoch(window.start),
                                       Epoch(window.end));
      return std::pair{std::move(event_rows), std::move(block_rows)};
    });

    // The connection is back in the pool; occurrences are computed from the rows alone.
    std::unordered_map<std::string, const date::time_zone*> zones;
    std::vector<std::size_t> positions;
    std::vector<d::Interval> occurrences;
    d::StandupMeeting meeting;
    for (const auto& row : events) {
      ParsePositions(row[6].c_str(), positions);
      if (positions.empty()) continue;
      meeting.id = d::MeetingId(row[0].as<std::string>());
      meeting.zone_name = row[1].as<std::string>();
      const int start_minute = row[2].as<int>();
      meeting.start = d::TimeOfDay{start_minute / 60, start_minute % 60};
      meeting.duration_minutes = row[3].as<int>();
      meeting.days = d::DaySet::FromBits(static_cast<std::uint8_t>(row[4].as<int>()));
      meeting.first_day = date::sys_days{date::days{row[5].as<int>()}};
      const auto& zone = ZoneOf(zones, meeting.zone_name, meeting.id.value());
      occurrences.clear();
      // An occurrence that began before the window but runs into it is busy time too.
      d::AppendOccurrences(meeting, zone,
                           window.start - std::chrono::minutes(meeting.duration_minutes),
                           window.end, occurrences);
      for (const auto& occurrence : occurrences) {
        if (!occurrence.Overlaps(window)) continue;
        for (std::size_t position : positions) {
          if (position < busy.size()) busy[position].push_back(occurrence);
        }
      }
    }

    std::unordered_map<std::string, std::vector<std::size_t>> positions_of;
    for (std::size_t i = 0; i < attendees.size(); ++i) positions_of[attendees[i]].push_back(i);
    for (const auto& row : blocks) {
      const auto found = positions_of.find(row[0].as<std::string>());
      if (found == positions_of.end()) continue;
      const d::Interval block{FromEpoch(row[1].as<long long>()), FromEpoch(row[2].as<long long>())};
      for (std::size_t position : found->second) busy[position].push_back(block);
    }
  }

  std::vector<d::AttendeeAvailability> availability;
  availability.reserve(attendees.size());
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    std::sort(busy[i].begin(), busy[i].end(), [](const d::Interval& a, const d::Interval& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    availability.push_back(d::AttendeeAvailability{attendees[i], std::move(busy[i]), nullptr});
  }
  return availability;
}

d::CreatedCalendarEvent LocalCalendar::CreateRecurringEvent(const d::UserId& owner,
                                                            const d::RecurringEvent& event) {
  if (!event.start.IsValid()) throw PermanentError("a local calendar event needs a valid start");
  if (event.days.Empty()) throw PermanentError("a local calendar event needs at least one day");
  const auto duration = event.duration.count();
  if (duration < 1 || duration > kMaxDurationMinutes) {
    throw PermanentError("a local calendar event lasts 1 to 1440 minutes, not " +
                         std::to_string(duration));
  }
  try {
    date::locate_zone(event.zone_name);
  } catch (const std::runtime_error&) {
    throw PermanentError("unknown time zone for a local calendar event: " + event.zone_name);
  }
  if (!event.first_day.ok()) throw PermanentError("a local calendar event needs a valid first day");

  std::vector<std::string> attendees;
  auto add = [&attendees](const std::string& key) {
    if (!key.empty() && std::find(attendees.begin(), attendees.end(), key) == attendees.end()) {
      attendees.push_back(key);
    }
  };
  for (const auto& key : event.attendee_emails) add(key);
  add(owner.value());

  const int start_minute = event.start.hour * 60 + event.start.minute;
  const auto first_day =
      static_cast<int>(date::sys_days(event.first_day).time_since_epoch().count());
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    const auto rows = tx.exec_params(
        std::string(kInsertEvent), owner.value(), event.title, event.zone_name, start_minute,
        static_cast<int>(duration), static_cast<int>(event.days.Bits()), first_day,
        TextArray(attendees), LocationText(event.location), event.description);
    auto id = rows[0][0].as<std::string>();
    tx.commit();
    // Officer's own calendar has no video service, so it adds no Meet or Teams link.
    return d::CreatedCalendarEvent{std::move(id), ""};
  });
}

void LocalCalendar::DeleteEvent(const d::UserId& /*owner*/, const std::string& event_id) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kCancelEvent), event_id);
    tx.commit();
  });
}

void LocalCalendar::Respond(const d::UserId& person, const std::string& event_id,
                            d::CalendarResponse response) {
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kRecordResponse), event_id, person.value(),
                   std::string(ResponseName(response)));
    tx.commit();
  });
}

d::CalendarEventStatus LocalCalendar::EventStatus(const d::UserId& /*owner*/,
                                                  const std::string& event_id) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    const auto rows = tx.exec_params(std::string(kSelectStatus), event_id);
    if (rows.empty() || rows[0][0].as<std::string>() != "active") {
      return d::CalendarEventStatus::Cancelled;
    }
    return d::CalendarEventStatus::Active;
  });
}

void LocalCalendar::AddBusyBlock(const std::string& attendee, const d::Interval& busy,
                                 const std::string& title) {
  if (!(busy.start < busy.end)) throw PermanentError("a busy block must end after it starts");
  pool_.Run([&](pqxx::connection& connection) {
    pqxx::work tx(connection);
    tx.exec_params(std::string(kInsertBusyBlock), attendee, title, Epoch(busy.start),
                   Epoch(busy.end));
    tx.commit();
  });
}

std::map<std::string, d::CalendarResponse> LocalCalendar::Responses(const std::string& event_id) {
  return pool_.Run([&](pqxx::connection& connection) {
    pqxx::read_transaction tx(connection);
    std::map<std::string, d::CalendarResponse> responses;
    for (const auto& row : tx.exec_params(std::string(kSelectResponses), event_id)) {
      responses[row[0].as<std::string>()] = row[1].as<std::string>() == "declined"
                                                ? d::CalendarResponse::Declined
                                                : d::CalendarResponse::Accepted;
    }
    return responses;
  });
}

}  // namespace officer::integrations::local
