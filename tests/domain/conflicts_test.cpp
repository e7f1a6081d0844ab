#include <officer/domain/conflicts.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using officer::domain::AttendeeAvailability;
using officer::domain::Busy;
using officer::domain::CheckAttendee;
using officer::domain::DetectConflicts;
using officer::domain::Free;
using officer::domain::Interval;
using officer::domain::NotVisible;
using officer::domain::Verdict;
using namespace officer::domain::testing;
using Intervals = std::vector<Interval>;

namespace {

// Tue 1 Dec 2026, 09:00–09:15 in Berlin (CET, UTC+1).
const Interval kStandup{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 8, 15)};

Interval At(date::sys_seconds start, std::chrono::minutes length) {
  return Interval{start, start + length};
}

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("touching intervals do not clash and overlapping or nested ones do") {
  using std::chrono::minutes;
  struct Row {
    std::string name;
    Intervals busy;
    bool clash;
  };
  const Row rows[] = {
      {"no busy time", {}, false},
      {"busy until the standup starts", {{Utc(2026, 12, 1, 7, 0), Utc(2026, 12, 1, 8, 0)}}, false},
      {"busy from the moment it ends", {{Utc(2026, 12, 1, 8, 15), Utc(2026, 12, 1, 9, 0)}}, false},
      {"busy right before and right after",
       {{Utc(2026, 12, 1, 7, 0), Utc(2026, 12, 1, 8, 0)},
        {Utc(2026, 12, 1, 8, 15), Utc(2026, 12, 1, 9, 0)}},
       false},
      {"busy the same time the day before",
       {{Utc(2026, 11, 30, 8, 0), Utc(2026, 11, 30, 8, 15)}},
       false},
      {"an empty busy interval inside the standup",
       {{Utc(2026, 12, 1, 8, 5), Utc(2026, 12, 1, 8, 5)}},
       false},
      {"busy over its start", {{Utc(2026, 12, 1, 7, 30), Utc(2026, 12, 1, 8, 1)}}, true},
      {"busy over its end", {{Utc(2026, 12, 1, 8, 14), Utc(2026, 12, 1, 9, 0)}}, true},
      {"busy nested inside the standup", {{Utc(2026, 12, 1, 8, 5), Utc(2026, 12, 1, 8, 10)}}, true},
      {"the standup nested inside a busy block",
       {{Utc(2026, 12, 1, 7, 0), Utc(2026, 12, 1, 11, 0)}},
       true},
      {"busy exactly the standup's time", {kStandup}, true},
  };
  const auto& berlin = Zone("Europe/Berlin");
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto verdict = CheckAttendee({kStandup}, row.busy, berlin);
    CHECK(std::holds_alternative<Busy>(verdict) == row.clash);
    CHECK(std::holds_alternative<Free>(verdict) == !row.clash);
  }
}

TEST_CASE("a clash names the busy time in the zone's local time") {
  const Intervals busy = {{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)}};
  const auto verdict = CheckAttendee({kStandup}, busy, Zone("Europe/Berlin"));
  REQUIRE(std::holds_alternative<Busy>(verdict));
  const auto& clash = std::get<Busy>(verdict);
  CHECK(clash.note == "busy 09:00\u201310:00 on Tue 1 Dec");
  CHECK(clash.busy == busy[0]);
  CHECK(clash.occurrence == kStandup);
  CHECK(clash.clash_count == 1);
}

TEST_CASE("the report gives the earliest clash and how many occurrences clash") {
  // Ten daily occurrences at 08:00 UTC from 1 Dec; busy on the 3rd, 5th and 9th (given unsorted).
  Intervals occurrences;
  for (int d = 1; d <= 10; ++d)
    occurrences.push_back(
        At(Utc(2026, 12, static_cast<unsigned>(d), 8, 0), std::chrono::minutes{15}));
  const Intervals busy = {
      At(Utc(2026, 12, 9, 7, 30), std::chrono::minutes{60}),
      At(Utc(2026, 12, 3, 8, 10), std::chrono::minutes{30}),
      At(Utc(2026, 12, 5, 8, 0), std::chrono::minutes{15}),
  };
  const auto verdict = CheckAttendee(occurrences, busy, Zone("Europe/Berlin"));
  REQUIRE(std::holds_alternative<Busy>(verdict));
  const auto& clash = std::get<Busy>(verdict);
  CHECK(clash.clash_count == 3);
  CHECK(clash.occurrence == occurrences[2]);
  CHECK(clash.busy == busy[1]);
  CHECK(clash.note == "busy 09:10\u201309:40 on Thu 3 Dec");
}

TEST_CASE("overlapping busy entries clash once and the note names the earliest-starting one") {
  const Intervals busy = {
      {Utc(2026, 12, 1, 7, 50), Utc(2026, 12, 1, 8, 5)},
      {Utc(2026, 12, 1, 7, 0), Utc(2026, 12, 1, 8, 2)},
      {Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 8, 30)},
  };
  const auto verdict = CheckAttendee({kStandup}, busy, Zone("Europe/Berlin"));
  REQUIRE(std::holds_alternative<Busy>(verdict));
  CHECK(std::get<Busy>(verdict).clash_count == 1);
  CHECK(std::get<Busy>(verdict).busy == busy[1]);
}

TEST_CASE("five hundred busy intervals around the standup but never during it are free") {
  // Back-to-back 15-minute blocks all day, except exactly the standup's slot, shuffled.
  Intervals busy;
  for (auto t = Utc(2026, 12, 1, 0, 0); busy.size() < 500; t += std::chrono::minutes{15}) {
    const auto block = At(t, std::chrono::minutes{15});
    if (!(block == kStandup)) busy.push_back(block);
  }
  std::mt19937 shuffle{42};
  std::shuffle(busy.begin(), busy.end(), shuffle);
  CHECK(std::holds_alternative<Free>(CheckAttendee({kStandup}, busy, Zone("Europe/Berlin"))));

  busy.push_back(At(kStandup.start + std::chrono::minutes{14}, std::chrono::minutes{1}));
  CHECK(std::holds_alternative<Busy>(CheckAttendee({kStandup}, busy, Zone("Europe/Berlin"))));
}

TEST_CASE("the sweep agrees with checking every pair on random calendars") {
  std::mt19937 random{7};
  std::uniform_int_distribution<int> minute{0, 14 * 24 * 60};
  std::uniform_int_distribution<int> length{1, 180};
  const auto base = Utc(2026, 12, 1);
  for (int round = 0; round < 300; ++round) {
    CAPTURE(round);
    Intervals occurrences;
    for (int d = 0; d < 10; ++d)
      occurrences.push_back(
          At(base + date::days{d} + std::chrono::hours{8}, std::chrono::minutes{15}));
    Intervals busy;
    const int count = round % 40;
    for (int i = 0; i < count; ++i)
      busy.push_back(
          At(base + std::chrono::minutes{minute(random)}, std::chrono::minutes{length(random)}));

    std::size_t expected_count = 0;
    for (const auto& o : occurrences)
      expected_count += std::any_of(busy.begin(), busy.end(), [&](const Interval& b) {
        return b.start < o.end && o.start < b.end;
      });
    const auto verdict = CheckAttendee(occurrences, busy, Zone("UTC"));
    if (expected_count == 0) {
      CHECK(std::holds_alternative<Free>(verdict));
    } else {
      REQUIRE(std::holds_alternative<Busy>(verdict));
      CHECK(std::get<Busy>(verdict).clash_count == expected_count);
      CHECK(std::get<Busy>(verdict).busy.Overlaps(std::get<Busy>(verdict).occurrence));
    }
  }
}

TEST_CASE("the report has one verdict per attendee in input order, not-visible included") {
  const std::vector<AttendeeAvailability> attendees = {
      {"U1", Intervals{}},
      {"U2", NotVisible{}},
      {"U3", Intervals{{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)}}},
      {"room-4@resource.example.com", Intervals{{Utc(2026, 12, 1, 7, 0), Utc(2026, 12, 1, 8, 0)}}},
  };
  const auto report = DetectConflicts({kStandup}, attendees, Zone("Europe/Berlin"));
  REQUIRE(report.size() == 4);
  CHECK(report[0].attendee == "U1");
  CHECK(std::holds_alternative<Free>(report[0].verdict));
  CHECK(report[1].attendee == "U2");
  CHECK(std::holds_alternative<NotVisible>(report[1].verdict));
  CHECK(report[2].attendee == "U3");
  CHECK(std::holds_alternative<Busy>(report[2].verdict));
  CHECK(report[3].attendee == "room-4@resource.example.com");
  CHECK(std::holds_alternative<Free>(report[3].verdict));
}

TEST_CASE("a busy room is reported like a busy person") {
  const std::vector<AttendeeAvailability> attendees = {
      {"room-4@resource.example.com", Intervals{{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 8, 30)}}},
  };
  const auto report = DetectConflicts({kStandup}, attendees, Zone("Europe/Berlin"));
  REQUIRE(std::holds_alternative<Busy>(report[0].verdict));
  CHECK(std::get<Busy>(report[0].verdict).note == "busy 09:00\u201309:30 on Tue 1 Dec");
}

TEST_CASE("each attendee's note can be written in their own zone") {
  const std::vector<AttendeeAvailability> attendees = {
      {"U1", Intervals{{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)}}},
      {"U2", Intervals{{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)}},
       &Zone("America/New_York")},
  };
  const auto report = DetectConflicts({kStandup}, attendees, Zone("Europe/Berlin"));
  CHECK(std::get<Busy>(report[0].verdict).note == "busy 09:00\u201310:00 on Tue 1 Dec");
  CHECK(std::get<Busy>(report[1].verdict).note == "busy 03:00\u201304:00 on Tue 1 Dec");
}

TEST_CASE("occurrences given out of order are checked all the same") {
  const Intervals occurrences = {
      At(Utc(2026, 12, 3, 8, 0), std::chrono::minutes{15}),
      At(Utc(2026, 12, 1, 8, 0), std::chrono::minutes{15}),
  };
  const std::vector<AttendeeAvailability> attendees = {
      {"U1", Intervals{At(Utc(2026, 12, 1, 8, 0), std::chrono::minutes{5}),
                       At(Utc(2026, 12, 3, 8, 0), std::chrono::minutes{5})}},
  };
  const auto report = DetectConflicts(occurrences, attendees, Zone("UTC"));
  REQUIRE(std::holds_alternative<Busy>(report[0].verdict));
  CHECK(std::get<Busy>(report[0].verdict).clash_count == 2);
  CHECK(std::get<Busy>(report[0].verdict).occurrence == occurrences[1]);
}

TEST_SUITE_END();
