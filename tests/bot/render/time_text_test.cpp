#include <officer/bot/render/time_text.hpp>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace render = officer::bot::render;
namespace domain = officer::domain;
using render::testing::Berlin;
using render::testing::TuesdayOccurrence;

TEST_SUITE("render.time_text") {
  TEST_CASE("days read as Weekdays, Every day or day names from Monday") {
    CHECK(render::DaysText(domain::DaySet::Weekdays()) == "Weekdays");
    CHECK(render::DaysText(domain::DaySet::Weekdays(), render::Capital::kNo) == "weekdays");
    CHECK(render::DaysText(domain::DaySet::Daily()) == "Every day");
    CHECK(render::DaysText(domain::DaySet::Of({date::Sunday, date::Wednesday, date::Monday})) ==
          "Mon, Wed, Sun");
    CHECK(render::DaysText(domain::DaySet{}) == "No days");
  }

  TEST_CASE("times read as people type them, occurrences in the meeting's zone") {
    CHECK(render::ClockText({9, 5}) == "9:05");
    CHECK(render::ClockText({14, 30}) == "14:30");
    CHECK(render::LocalClock(TuesdayOccurrence().start, Berlin()) == "09:30");
    CHECK(render::LocalDateTime(TuesdayOccurrence().start, Berlin()) == "Tue 1 Dec 09:30");
    CHECK(render::LocalDateTime(TuesdayOccurrence().start, *date::locate_zone("Asia/Tokyo")) ==
          "Tue 1 Dec 17:30");
  }

  TEST_CASE("durations and reminder leads read naturally") {
    using std::chrono::minutes;
    CHECK(render::DurationText(15) == "15 min");
    CHECK(render::LeadText(minutes{1}) == "1 minute");
    CHECK(render::LeadText(minutes{10}) == "10 minutes");
    CHECK(render::LeadText(minutes{60}) == "1 hour");
    CHECK(render::LeadText(minutes{90}) == "1 hour 30 minutes");
    CHECK(render::LeadText(minutes{1440}) == "24 hours");
  }

  TEST_CASE("a schedule reads days, time and zone") {
    auto meeting = render::testing::SampleMeeting();
    CHECK(render::TimeAndZone(meeting) == "9:30 Europe/Berlin");
    CHECK(render::ScheduleText(meeting) == "weekdays 9:30 Europe/Berlin");
    CHECK(render::IsoDate(meeting.first_day) == "2026-12-01");
  }
}
