#include <officer/domain/schedule.hpp>

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using date::Friday;
using date::Monday;
using date::Tuesday;
using date::Wednesday;
using officer::domain::DaySet;
using officer::domain::FirstOccurrences;
using officer::domain::Interval;
using officer::domain::MeetingStatus;
using officer::domain::NextOccurrence;
using officer::domain::Occurrences;
using officer::domain::ResolveLocal;
using officer::domain::TimeOfDay;
using namespace officer::domain::testing;
using Instants = std::vector<date::sys_seconds>;

TEST_SUITE_BEGIN("domain");

TEST_CASE("occurrences follow the chosen days across a week and a month boundary") {
  // Berlin is on CET (UTC+1) in late November; 1 Dec 2026 is a Tuesday.
  struct Row {
    std::string name;
    DaySet days;
    Instants expected;
  };
  const Row rows[] = {
      {"weekdays skip the weekend",
       DaySet::Weekdays(),
       {Utc(2026, 11, 27, 8, 30), Utc(2026, 11, 30, 8, 30), Utc(2026, 12, 1, 8, 30),
        Utc(2026, 12, 2, 8, 30), Utc(2026, 12, 3, 8, 30), Utc(2026, 12, 4, 8, 30)}},
      {"daily includes the weekend",
       DaySet::Daily(),
       {Utc(2026, 11, 27, 8, 30), Utc(2026, 11, 28, 8, 30), Utc(2026, 11, 29, 8, 30),
        Utc(2026, 11, 30, 8, 30), Utc(2026, 12, 1, 8, 30), Utc(2026, 12, 2, 8, 30),
        Utc(2026, 12, 3, 8, 30), Utc(2026, 12, 4, 8, 30)}},
      {"mon,wed,fri keep only those days",
       DaySet::Of({Monday, Wednesday, Friday}),
       {Utc(2026, 11, 27, 8, 30), Utc(2026, 11, 30, 8, 30), Utc(2026, 12, 2, 8, 30),
        Utc(2026, 12, 4, 8, 30)}},
  };
  const auto& berlin = Zone("Europe/Berlin");
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto meeting = Meeting("Europe/Berlin", {9, 30}, row.days);
    const auto got = Occurrences(meeting, berlin, Utc(2026, 11, 27), Utc(2026, 12, 5));
    CHECK(Starts(got) == row.expected);
  }
}

TEST_CASE("each occurrence lasts the meeting's duration") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Daily(), Day(2020, 1, 1), 45);
  const auto got = Occurrences(meeting, Zone("Europe/Berlin"), Utc(2026, 12, 1), Utc(2026, 12, 2));
  REQUIRE(got.size() == 1);
  CHECK(got[0] == Interval{Utc(2026, 12, 1, 8, 30), Utc(2026, 12, 1, 9, 15)});
}

TEST_CASE("9:30 stays 9:30 local across daylight-saving changes in both directions") {
  // The Friday before and the Monday after each 2026 change (checked with `TZ=... date`).
  struct Row {
    std::string zone;
    std::string change;
    date::sys_seconds window_from;
    Instants expected;  // Friday 09:30 local, Monday 09:30 local, in UTC
  };
  const Row rows[] = {
      {"Europe/Berlin",
       "summer time starts Sun 29 Mar",
       Utc(2026, 3, 27),
       {Utc(2026, 3, 27, 8, 30), Utc(2026, 3, 30, 7, 30)}},
      {"Europe/Berlin",
       "summer time ends Sun 25 Oct",
       Utc(2026, 10, 23),
       {Utc(2026, 10, 23, 7, 30), Utc(2026, 10, 26, 8, 30)}},
      {"America/New_York",
       "DST starts Sun 8 Mar",
       Utc(2026, 3, 6),
       {Utc(2026, 3, 6, 14, 30), Utc(2026, 3, 9, 13, 30)}},
      {"America/New_York",
       "DST ends Sun 1 Nov",
       Utc(2026, 10, 30),
       {Utc(2026, 10, 30, 13, 30), Utc(2026, 11, 2, 14, 30)}},
      {"Australia/Sydney",
       "DST ends Sun 5 Apr",
       Utc(2026, 4, 2),
       {Utc(2026, 4, 2, 22, 30), Utc(2026, 4, 5, 23, 30)}},
      {"Australia/Sydney",
       "DST starts Sun 4 Oct",
       Utc(2026, 10, 1),
       {Utc(2026, 10, 1, 23, 30), Utc(2026, 10, 4, 22, 30)}},
      {"Asia/Kolkata",
       "no change, UTC+5:30 all year",
       Utc(2026, 3, 27),
       {Utc(2026, 3, 27, 4, 0), Utc(2026, 3, 30, 4, 0)}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.zone);
    CAPTURE(row.change);
    const auto meeting = Meeting(row.zone, {9, 30}, DaySet::Weekdays());
    const auto got =
        Occurrences(meeting, Zone(row.zone), row.window_from, row.window_from + date::days{4});
    CHECK(Starts(got) == row.expected);
  }
}

TEST_CASE("a local time in the spring-forward gap moves to the instant the gap ends") {
  struct Row {
    std::string zone;
    date::local_seconds local;
    date::sys_seconds expected;
  };
  using date::local_days;
  const Row rows[] = {
      // 02:00 → 03:00 CEST; 03:00 CEST is 01:00 UTC.
      {"Europe/Berlin", local_days{Day(2026, 3, 29)} + std::chrono::minutes{150},
       Utc(2026, 3, 29, 1, 0)},
      // 02:00 → 03:00 EDT; 03:00 EDT is 07:00 UTC.
      {"America/New_York", local_days{Day(2026, 3, 8)} + std::chrono::minutes{150},
       Utc(2026, 3, 8, 7, 0)},
      // 02:00 → 03:00 AEDT; 03:00 AEDT is 16:00 UTC the day before.
      {"Australia/Sydney", local_days{Day(2026, 10, 4)} + std::chrono::minutes{150},
       Utc(2026, 10, 3, 16, 0)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.zone);
    CHECK(ResolveLocal(row.local, Zone(row.zone)) == row.expected);
  }
}

TEST_CASE("a local time in the fall-back overlap takes the earlier instant") {
  struct Row {
    std::string zone;
    date::local_seconds local;
    date::sys_seconds expected;
  };
  using date::local_days;
  const Row rows[] = {
      // 02:30 happens as CEST (00:30 UTC) and then as CET (01:30 UTC).
      {"Europe/Berlin", local_days{Day(2026, 10, 25)} + std::chrono::minutes{150},
       Utc(2026, 10, 25, 0, 30)},
      // 01:30 happens as EDT (05:30 UTC) and then as EST (06:30 UTC).
      {"America/New_York", local_days{Day(2026, 11, 1)} + std::chrono::minutes{90},
       Utc(2026, 11, 1, 5, 30)},
      // 02:30 happens as AEDT (15:30 UTC) and then as AEST (16:30 UTC).
      {"Australia/Sydney", local_days{Day(2026, 4, 5)} + std::chrono::minutes{150},
       Utc(2026, 4, 4, 15, 30)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.zone);
    CHECK(ResolveLocal(row.local, Zone(row.zone)) == row.expected);
  }
}

TEST_CASE("a daily 02:30 standup in Berlin meets at 03:00 on the day the clocks go forward") {
  const auto meeting = Meeting("Europe/Berlin", {2, 30}, DaySet::Daily());
  const auto got = Occurrences(meeting, Zone("Europe/Berlin"), Utc(2026, 3, 28), Utc(2026, 3, 31));
  CHECK(Starts(got) ==
        Instants{Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30)});
  REQUIRE(got.size() == 3);
  CHECK(got[1].end - got[1].start == std::chrono::minutes{15});
}

TEST_CASE("a daily 02:30 standup in Berlin meets once, at the first 02:30, when clocks go back") {
  const auto meeting = Meeting("Europe/Berlin", {2, 30}, DaySet::Daily());
  const auto got =
      Occurrences(meeting, Zone("Europe/Berlin"), Utc(2026, 10, 24), Utc(2026, 10, 27));
  CHECK(Starts(got) ==
        Instants{Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)});
}

TEST_CASE("29 February is an ordinary day in a leap year and absent otherwise") {
  struct Row {
    std::string name;
    DaySet days;
    date::sys_seconds from;
    date::sys_seconds to;
    Instants expected;
  };
  // Kolkata is UTC+5:30, so 09:30 local is 04:00 UTC. 29 Feb 2028 is a Tuesday.
  const Row rows[] = {
      {"daily in 2028 includes 29 Feb",
       DaySet::Daily(),
       Utc(2028, 2, 28),
       Utc(2028, 3, 2),
       {Utc(2028, 2, 28, 4, 0), Utc(2028, 2, 29, 4, 0), Utc(2028, 3, 1, 4, 0)}},
      {"tuesdays in 2028 include 29 Feb",
       DaySet::Of({Tuesday}),
       Utc(2028, 2, 22),
       Utc(2028, 3, 6),
       {Utc(2028, 2, 22, 4, 0), Utc(2028, 2, 29, 4, 0)}},
      {"daily in 2027 goes from 28 Feb to 1 Mar",
       DaySet::Daily(),
       Utc(2027, 2, 28),
       Utc(2027, 3, 3),
       {Utc(2027, 2, 28, 4, 0), Utc(2027, 3, 1, 4, 0), Utc(2027, 3, 2, 4, 0)}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto meeting = Meeting("Asia/Kolkata", {9, 30}, row.days);
    const auto got = Occurrences(meeting, Zone("Asia/Kolkata"), row.from, row.to);
    CHECK(Starts(got) == row.expected);
  }
}

TEST_CASE("a standup whose first day is 29 February starts on that day") {
  const auto meeting = Meeting("Asia/Kolkata", {9, 30}, DaySet::Daily(), Day(2028, 2, 29));
  CHECK(NextOccurrence(meeting, Zone("Asia/Kolkata"), Utc(2028, 1, 1))->start ==
        Utc(2028, 2, 29, 4, 0));
}

TEST_CASE("no occurrence falls before the meeting's first day") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Weekdays(), Day(2026, 12, 2));
  const auto got = Occurrences(meeting, Zone("Europe/Berlin"), Utc(2026, 11, 30), Utc(2026, 12, 4));
  CHECK(Starts(got) == Instants{Utc(2026, 12, 2, 8, 30), Utc(2026, 12, 3, 8, 30)});
}

TEST_CASE("the window includes an occurrence starting at its start and excludes one at its end") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Daily());
  const auto got =
      Occurrences(meeting, Zone("Europe/Berlin"), Utc(2026, 12, 1, 8, 30), Utc(2026, 12, 3, 8, 30));
  CHECK(Starts(got) == Instants{Utc(2026, 12, 1, 8, 30), Utc(2026, 12, 2, 8, 30)});
}

TEST_CASE("a year of weekday standups in 2026 has 261 occurrences and a daily one 365") {
  // 2026 begins on a Thursday: 52 whole weeks plus one Thursday.
  const auto& ny = Zone("America/New_York");
  const auto weekdays = Meeting("America/New_York", {9, 30}, DaySet::Weekdays());
  const auto daily = Meeting("America/New_York", {9, 30}, DaySet::Daily());
  // The window is in UTC; New York's 1 Jan 2026 09:30 is 14:30 UTC, so [1 Jan, 1 Jan next) fits.
  CHECK(Occurrences(weekdays, ny, Utc(2026, 1, 1), Utc(2027, 1, 1)).size() == 261);
  CHECK(Occurrences(daily, ny, Utc(2026, 1, 1), Utc(2027, 1, 1)).size() == 365);
}

TEST_CASE("the next occurrence after Friday afternoon is Monday morning") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Weekdays());
  const auto next = NextOccurrence(meeting, Zone("Europe/Berlin"), Utc(2026, 11, 27, 16, 0));
  REQUIRE(next);
  CHECK(next->start == Utc(2026, 11, 30, 8, 30));
}

TEST_CASE("the next occurrence is strictly after the given instant") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Daily());
  const auto next = NextOccurrence(meeting, Zone("Europe/Berlin"), Utc(2026, 12, 1, 8, 30));
  REQUIRE(next);
  CHECK(next->start == Utc(2026, 12, 2, 8, 30));
}

TEST_CASE("the first ten occurrences run across a daylight-saving change in local time") {
  const auto meeting = Meeting("America/New_York", {9, 30}, DaySet::Weekdays());
  const auto got = FirstOccurrences(meeting, Zone("America/New_York"), 10, Utc(2026, 2, 27, 15, 0));
  // Mon 2 Mar .. Fri 6 Mar on EST (14:30 UTC), Mon 9 Mar .. Fri 13 Mar on EDT (13:30 UTC).
  const Instants expected = {Utc(2026, 3, 2, 14, 30),  Utc(2026, 3, 3, 14, 30),
                             Utc(2026, 3, 4, 14, 30),  Utc(2026, 3, 5, 14, 30),
                             Utc(2026, 3, 6, 14, 30),  Utc(2026, 3, 9, 13, 30),
                             Utc(2026, 3, 10, 13, 30), Utc(2026, 3, 11, 13, 30),
                             Utc(2026, 3, 12, 13, 30), Utc(2026, 3, 13, 13, 30)};
  CHECK(Starts(got) == expected);
}

TEST_CASE("a cancelled standup has no occurrences") {
  auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Daily());
  meeting.status = MeetingStatus::Cancelled;
  const auto& berlin = Zone("Europe/Berlin");
  CHECK(Occurrences(meeting, berlin, Utc(2026, 12, 1), Utc(2026, 12, 8)).empty());
  CHECK_FALSE(NextOccurrence(meeting, berlin, Utc(2026, 12, 1)));
  CHECK(FirstOccurrences(meeting, berlin, 10, Utc(2026, 12, 1)).empty());
}

TEST_CASE("occurrences match a direct zone lookup for every day of a year in several zones") {
  // Guards the cached-offset fast path: the oracle resolves each local day on its own.
  for (const std::string name : {"Europe/Berlin", "America/New_York", "Australia/Sydney",
                                 "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"}) {
    CAPTURE(name);
    const auto& zone = Zone(name);
    for (const TimeOfDay start : {TimeOfDay{0, 0}, TimeOfDay{1, 30}, TimeOfDay{2, 30},
                                  TimeOfDay{9, 30}, TimeOfDay{23, 45}}) {
      CAPTURE(start.hour);
      CAPTURE(start.minute);
      const auto from = Utc(2026, 1, 1);
      const auto to = Utc(2027, 1, 1);
      Instants expected;
      for (date::local_days day{Day(2025, 12, 30)}; day <= date::local_days{Day(2027, 1, 2)};
           day += date::days{1}) {
        const auto instant = ResolveLocal(day + start.SinceMidnight(), zone);
        if (instant >= from && instant < to) expected.push_back(instant);
      }
      const auto meeting = Meeting(name, start, DaySet::Daily());
      CHECK(Starts(Occurrences(meeting, zone, from, to)) == expected);
    }
  }
}

TEST_SUITE_END();
