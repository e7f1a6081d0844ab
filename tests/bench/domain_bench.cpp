// Domain benchmarks for `deploy/dev bench`: conflict detection at the contract's size, and a year
// of occurrences for 100,000 standups in mixed zones. Prints "<name> <value>" lines. Not a test.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/conflicts.hpp>
#include <officer/domain/schedule.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace {

using namespace officer::domain;
using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

StandupMeeting MakeMeeting(int i, const std::string& zone, DaySet days) {
  StandupMeeting m;
  m.id = MeetingId{"m" + std::to_string(i)};
  m.start = TimeOfDay{7 + i % 5, (i * 7) % 60};
  m.duration_minutes = 15;
  m.days = days;
  m.zone_name = zone;
  m.first_day = date::year{2025} / 1 / 1;
  return m;
}

// 50 people × 10 occurrences × 500 busy intervals each.
double BenchConflicts() {
  const auto& zone = *date::locate_zone("Europe/Berlin");
  const auto meeting = MakeMeeting(0, "Europe/Berlin", DaySet::Weekdays());
  const auto from = date::sys_days{date::year{2026} / 12 / 1};
  const auto occurrences = FirstOccurrences(meeting, zone, 10, from);

  std::mt19937 random{1};
  std::uniform_int_distribution<int> minute{0, 14 * 24 * 60};
  std::uniform_int_distribution<int> length{15, 120};
  std::vector<AttendeeAvailability> attendees;
  for (int p = 0; p < 50; ++p) {
    std::vector<Interval> busy;
    for (int b = 0; b < 500; ++b) {
      const auto start = from + std::chrono::minutes{minute(random)};
      busy.push_back({start, start + std::chrono::minutes{length(random)}});
    }
    attendees.push_back({"U" + std::to_string(p), std::move(busy)});
  }

  constexpr int kRuns = 20;
  std::size_t busy_people = 0;
  const auto start = Clock::now();
  for (int run = 0; run < kRuns; ++run) {
    const auto report = DetectConflicts(occurrences, attendees, zone);
    for (const auto& v : report) busy_people += std::holds_alternative<Busy>(v.verdict);
  }
  const double ms = MillisecondsSince(start) / kRuns;
  std::fprintf(stderr, "# conflicts: %zu busy verdicts over %d runs\n", busy_people, kRuns);
  return ms;
}

// One year of occurrences for 100,000 meetings, zones resolved once per meeting.
double BenchOccurrences() {
  const std::vector<std::string> zones = {"Europe/Berlin",    "America/New_York",
                                          "Australia/Sydney", "Asia/Kolkata",
                                          "Europe/London",    "America/Los_Angeles",
                                          "Asia/Tokyo",       "America/Sao_Paulo",
                                          "Pacific/Auckland", "UTC"};
  const std::vector<DaySet> day_sets = {DaySet::Weekdays(), DaySet::Daily(),
                                        DaySet::Of({date::Monday, date::Wednesday, date::Friday})};
  std::vector<StandupMeeting> meetings;
  for (int i = 0; i < 100'000; ++i) {
    const auto& zone = zones[static_cast<std::size_t>(i) % zones.size()];
    meetings.push_back(
        MakeMeeting(i, zone, day_sets[static_cast<std::size_t>(i) % day_sets.size()]));
  }
  const auto from = date::sys_days{date::year{2026} / 1 / 1};
  const auto to = date::sys_days{date::year{2027} / 1 / 1};

  const auto start = Clock::now();
  std::vector<Interval> buffer;
  std::size_t total = 0;
  for (const auto& meeting : meetings) {
    const auto* zone = date::locate_zone(meeting.zone_name);
    buffer.clear();
    AppendOccurrences(meeting, *zone, from, to, buffer);
    total += buffer.size();
  }
  const double ms = MillisecondsSince(start);
  std::fprintf(stderr, "# occurrences: %zu in total\n", total);
  return ms;
}

}  // namespace

int main() {
  // Load the tz database before timing anything.
  (void)date::locate_zone("UTC");
  std::printf("conflicts_50x10x500_ms %.3f\n", BenchConflicts());
  std::printf("occurrences_year_100k_ms %.1f\n", BenchOccurrences());
  return 0;
}
