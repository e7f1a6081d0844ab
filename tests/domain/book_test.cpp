#include <officer/domain/standup_organizer.hpp>

#include <string>
#include <variant>
#include <vector>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

Invitee Who(const std::string& id, bool autoconfirm = false) {
  return Invitee{UserId{id}, "Name " + id, id + "@example.com", autoconfirm};
}

// "/standup book 9:30 <@U2> <@U3>" by U1 in C1, Berlin.
BookRequest Request() {
  BookRequest r;
  r.id = MeetingId{"m1"};
  r.workspace = WorkspaceId{"T1"};
  r.channel = ChannelId{"C1"};
  r.organizer = Who("U1");
  r.invitees = {Who("U2"), Who("U3")};
  r.start = {9, 30};
  r.zone_name = "Europe/Berlin";
  return r;
}

// Fri 27 Nov 2026, 10:00 in Berlin.
const auto kNow = Utc(2026, 11, 27, 9, 0);

BookingResult BookIn(const BookRequest& r, date::sys_seconds now = kNow) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(r.zone_name);
  } catch (const std::runtime_error&) {
  }
  return Book(r, zone, now);
}

std::vector<ParticipantStatus> Statuses(const StandupMeeting& m) {
  std::vector<ParticipantStatus> out;
  for (const auto& p : m.participants) out.push_back(p.status);
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("booking a standup makes version 1 with the organizer accepted and the others invited") {
  const auto result = BookIn(Request());
  REQUIRE(std::holds_alternative<Booked>(result));
  const auto& booked = std::get<Booked>(result);
  const auto& m = booked.meeting;
  CHECK(m.id == MeetingId{"m1"});
  CHECK(m.workspace == WorkspaceId{"T1"});
  CHECK(m.channel == ChannelId{"C1"});
  CHECK(m.organizer == UserId{"U1"});
  CHECK(m.title == "Daily standup");
  CHECK(m.start == TimeOfDay{9, 30});
  CHECK(m.duration_minutes == 15);
  CHECK(m.days == DaySet::Weekdays());
  CHECK(m.zone_name == "Europe/Berlin");
  CHECK(m.status == MeetingStatus::Active);
  CHECK(m.version == 1);
  CHECK(m.first_day == Day(2026, 11, 30));
  REQUIRE(m.participants.size() == 3);
  CHECK(m.participants[1].email == "U2@example.com");
  CHECK(m.participants[1].display_name == "Name U2");
  CHECK(Statuses(m) == std::vector{ParticipantStatus::Accepted, ParticipantStatus::Invited,
                                   ParticipantStatus::Invited});
  const Effects expected = {CheckCalendars{MeetingId{"m1"}}, CreateCalendarEvent{MeetingId{"m1"}},
                            PostMeetingMessage{MeetingId{"m1"}},
                            ScheduleReminders{MeetingId{"m1"}}};
  CHECK(booked.effects == expected);
}

TEST_CASE("the organizer and repeated people take part once") {
  auto r = Request();
  r.invitees = {Who("U2"), Who("U1"), Who("U2"), Who("U3")};
  const auto result = BookIn(r);
  REQUIRE(std::holds_alternative<Booked>(result));
  const auto& people = std::get<Booked>(result).meeting.participants;
  REQUIRE(people.size() == 3);
  CHECK(people[0].user == UserId{"U1"});
  CHECK(people[1].user == UserId{"U2"});
  CHECK(people[2].user == UserId{"U3"});
}

TEST_CASE("booking refuses what it cannot book and says why") {
  struct Row {
    std::string name;
    BookRequest request;
    BookingResult expected;
  };
  std::vector<Row> rows;
  {
    auto r = Request();
    r.invitees.clear();
    rows.push_back({"the organizer alone", r, TooFewPeople{1}});
  }
  {
    auto r = Request();
    r.invitees = {Who("U1"), Who("U1")};
    rows.push_back({"the organizer inviting only themselves", r, TooFewPeople{1}});
  }
  {
    auto r = Request();
    r.duration_minutes = 4;
    rows.push_back({"four minutes", r, BadDuration{4}});
  }
  {
    auto r = Request();
    r.duration_minutes = 121;
    rows.push_back({"121 minutes", r, BadDuration{121}});
  }
  {
    auto r = Request();
    r.duration_minutes = 0;
    rows.push_back({"no duration", r, BadDuration{0}});
  }
  {
    auto r = Request();
    r.zone_name = "Mars/Olympus_Mons";
    rows.push_back({"an unknown zone", r, UnknownTimeZone{"Mars/Olympus_Mons"}});
  }
  {
    auto r = Request();
    r.start = {24, 0};
    rows.push_back({"24:00", r, BadTime{24, 0}});
  }
  {
    auto r = Request();
    r.start = {9, 60};
    rows.push_back({"9:60", r, BadTime{9, 60}});
  }
  {
    auto r = Request();
    r.days = DaySet{};
    rows.push_back({"no days", r, NoDays{}});
  }
  {
    auto r = Request();
    r.first_day = Day(2026, 11, 26);
    rows.push_back(
        {"a first day yesterday", r, FirstDayInPast{Day(2026, 11, 26), Day(2026, 11, 27)}});
  }
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(BookIn(row.request) == row.expected);
  }
}

TEST_CASE("durations of 5 and 120 minutes are accepted") {
  for (int minutes : {5, 120}) {
    CAPTURE(minutes);
    auto r = Request();
    r.duration_minutes = minutes;
    const auto result = BookIn(r);
    REQUIRE(std::holds_alternative<Booked>(result));
    CHECK(std::get<Booked>(result).meeting.duration_minutes == minutes);
  }
}

TEST_CASE("the first day defaults to the next possible occurrence in the meeting's zone") {
  struct Row {
    std::string name;
    std::string zone;
    DaySet days;
    date::sys_seconds now;
    date::year_month_day expected;
  };
  const Row rows[] = {
      {"Friday 10:00 in Berlin, weekdays: Monday", "Europe/Berlin", DaySet::Weekdays(), kNow,
       Day(2026, 11, 30)},
      {"Friday 10:00 in Berlin, daily: Saturday", "Europe/Berlin", DaySet::Daily(), kNow,
       Day(2026, 11, 28)},
      {"Tuesday 09:00 in Berlin: today", "Europe/Berlin", DaySet::Weekdays(),
       Utc(2026, 12, 1, 8, 0), Day(2026, 12, 1)},
      {"Tuesday exactly 09:30 in Berlin: tomorrow", "Europe/Berlin", DaySet::Weekdays(),
       Utc(2026, 12, 1, 8, 30), Day(2026, 12, 2)},
      {"Monday 20:00 UTC is Tuesday 07:00 in Sydney: Tuesday", "Australia/Sydney",
       DaySet::Weekdays(), Utc(2026, 11, 30, 20, 0), Day(2026, 12, 1)},
      {"Monday 23:00 in Kolkata, mondays only: next Monday", "Asia/Kolkata",
       DaySet::Of({date::Monday}), Utc(2026, 11, 30, 17, 30), Day(2026, 12, 7)},
      {"Sunday 28 Feb 2027 evening, daily: 1 March", "Asia/Kolkata", DaySet::Daily(),
       Utc(2027, 2, 28, 12, 0), Day(2027, 3, 1)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto r = Request();
    r.zone_name = row.zone;
    r.days = row.days;
    const auto result = BookIn(r, row.now);
    REQUIRE(std::holds_alternative<Booked>(result));
    CHECK(std::get<Booked>(result).meeting.first_day == row.expected);
  }
}

TEST_CASE("a first day chosen by the organizer is kept, today included") {
  for (const auto day : {Day(2026, 11, 27), Day(2028, 2, 29)}) {
    auto r = Request();
    r.first_day = day;
    const auto result = BookIn(r);
    REQUIRE(std::holds_alternative<Booked>(result));
    CHECK(std::get<Booked>(result).meeting.first_day == day);
  }
}

TEST_CASE("a person who auto-confirms is accepted on booking and answers on their calendar") {
  auto r = Request();
  r.invitees = {Who("U2", true), Who("U3")};
  const auto result = BookIn(r);
  REQUIRE(std::holds_alternative<Booked>(result));
  const auto& booked = std::get<Booked>(result);
  CHECK(Statuses(booked.meeting) == std::vector{ParticipantStatus::Accepted,
                                                ParticipantStatus::Accepted,
                                                ParticipantStatus::Invited});
  const Effects expected = {
      CheckCalendars{MeetingId{"m1"}}, CreateCalendarEvent{MeetingId{"m1"}},
      PostMeetingMessage{MeetingId{"m1"}},
      RespondOnCalendar{MeetingId{"m1"}, UserId{"U2"}, CalendarResponse::Accepted},
      ScheduleReminders{MeetingId{"m1"}}};
  CHECK(booked.effects == expected);
}

TEST_CASE("calendars are checked first, then the video meeting, then the calendar event") {
  auto r = Request();
  r.location = VideoLink{"zoom", "", ""};
  const auto result = BookIn(r);
  REQUIRE(std::holds_alternative<Booked>(result));
  const auto& effects = std::get<Booked>(result).effects;
  REQUIRE(effects.size() == 5);
  CHECK(effects[0] == Effect{CheckCalendars{MeetingId{"m1"}}});
  CHECK(effects[1] == Effect{CreateVideoMeeting{MeetingId{"m1"}, "zoom"}});
  CHECK(effects[2] == Effect{CreateCalendarEvent{MeetingId{"m1"}}});
}

TEST_CASE("a Meet or Teams link is left to the calendar event: no video meeting is created") {
  for (const char* provider : {"meet", "teams"}) {
    CAPTURE(provider);
    auto r = Request();
    r.location = VideoLink{provider, "", ""};
    const auto result = BookIn(r);
    REQUIRE(std::holds_alternative<Booked>(result));
    for (const auto& effect : std::get<Booked>(result).effects) {
      CHECK_FALSE(std::holds_alternative<CreateVideoMeeting>(effect));
    }
  }
}

TEST_CASE("a room, a title, a duration and a meeting reminder are kept as asked") {
  auto r = Request();
  r.location = Room{"room-4@resource.example.com"};
  r.title = "Platform standup";
  r.duration_minutes = 30;
  r.days = DaySet::Of({date::Monday, date::Wednesday, date::Friday});
  r.reminder = ReminderSetting::Before(std::chrono::minutes{5});
  const auto result = BookIn(r);
  REQUIRE(std::holds_alternative<Booked>(result));
  const auto& m = std::get<Booked>(result).meeting;
  CHECK(m.location == Location{Room{"room-4@resource.example.com"}});
  CHECK(m.title == "Platform standup");
  CHECK(m.duration_minutes == 30);
  CHECK(m.days == DaySet::Of({date::Monday, date::Wednesday, date::Friday}));
  CHECK(m.reminder == ReminderSetting::Before(std::chrono::minutes{5}));
  CHECK(std::get<Booked>(result).effects.size() == 4);
}

TEST_SUITE_END();
