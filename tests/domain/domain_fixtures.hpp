#pragma once

// Shared builders for the domain tests. Zones come from the system tz database through
// date::locate_zone, as the composition root resolves them; nothing here reads the clock.

#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <doctest/doctest.h>

#include <officer/domain/interval.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain::testing {

inline const date::time_zone& Zone(const std::string& name) { return *date::locate_zone(name); }

/// A UTC instant.
inline date::sys_seconds Utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
         std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

inline date::year_month_day Day(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

inline Participant Person(const std::string& id,
                          ParticipantStatus status = ParticipantStatus::Invited) {
  return Participant{UserId{id}, id, id + "@example.com", status, {}, {}};
}

/// An active standup, version 1, organized by "U1" with "U2" and "U3" invited.
inline StandupMeeting Meeting(const std::string& zone, TimeOfDay start,
                              DaySet days = DaySet::Weekdays(),
                              date::year_month_day first_day = Day(2020, 1, 1),
                              int duration_minutes = 15) {
  StandupMeeting m;
  m.id = MeetingId{"m1"};
  m.workspace = WorkspaceId{"T1"};
  m.channel = ChannelId{"C1"};
  m.organizer = UserId{"U1"};
  m.title = "Daily standup";
  m.start = start;
  m.duration_minutes = duration_minutes;
  m.days = days;
  m.zone_name = zone;
  m.first_day = first_day;
  m.version = 1;
  m.participants = {Person("U1", ParticipantStatus::Accepted), Person("U2"), Person("U3")};
  return m;
}

/// The start instants of some intervals.
template <class Intervals>
std::vector<date::sys_seconds> Starts(const Intervals& intervals) {
  std::vector<date::sys_seconds> out;
  for (const auto& i : intervals) out.push_back(i.start);
  return out;
}

}  // namespace officer::domain::testing

// Readable values in failed CHECKs.
namespace doctest {
template <>
struct StringMaker<date::sys_seconds> {
  static String convert(const date::sys_seconds& t) { return date::format("%F %T", t).c_str(); }
};
template <>
struct StringMaker<std::vector<date::sys_seconds>> {
  static String convert(const std::vector<date::sys_seconds>& v) {
    std::string out = "[";
    for (const auto& t : v) out += date::format("%F %T", t) + "; ";
    return (out + "]").c_str();
  }
};
template <>
struct StringMaker<officer::domain::Interval> {
  static String convert(const officer::domain::Interval& i) {
    return (date::format("[%F %T", i.start) + date::format(", %F %T)", i.end)).c_str();
  }
};
}  // namespace doctest
