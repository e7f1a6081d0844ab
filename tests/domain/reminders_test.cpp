#include <officer/domain/reminders.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using officer::domain::DaySet;
using officer::domain::Interval;
using officer::domain::MeetingId;
using officer::domain::MeetingStatus;
using officer::domain::ParticipantStatus;
using officer::domain::PersonPreferences;
using officer::domain::PlannedReminder;
using officer::domain::PlanReminders;
using officer::domain::ReminderInstant;
using officer::domain::ReminderLead;
using officer::domain::ReminderSetting;
using officer::domain::SendDecision;
using officer::domain::ShouldSend;
using officer::domain::UserId;
using namespace officer::domain::testing;
using std::chrono::minutes;
using Level = std::optional<ReminderSetting>;
using Lead = std::optional<minutes>;

TEST_SUITE_BEGIN("domain");

TEST_CASE(
    "the reminder lead follows this meeting's, then all meetings', then the meeting's, then "
    "the default setting") {
  const auto none = Level{};
  const auto off = Level{ReminderSetting::Off()};
  const auto m5 = Level{ReminderSetting::Before(minutes{5})};
  const auto m15 = Level{ReminderSetting::Before(minutes{15})};
  const auto m30 = Level{ReminderSetting::Before(minutes{30})};
  struct Row {
    std::string name;
    Level for_meeting, for_all, meeting;
    Lead expected;
  };
  const Row rows[] = {
      {"nobody chose: the default", none, none, none, minutes{10}},
      {"only the meeting chose", none, none, m30, minutes{30}},
      {"the person's all-meetings setting beats the meeting's", none, m15, m30, minutes{15}},
      {"the person's setting for this meeting beats everything", m5, m15, m30, minutes{5}},
      {"the person's setting for this meeting alone", m5, none, none, minutes{5}},
      {"the person's all-meetings setting alone", none, m15, none, minutes{15}},
      {"a personal off for this meeting beats everything", off, m15, m30, std::nullopt},
      {"a personal off for all meetings beats the meeting's", none, off, m30, std::nullopt},
      {"a personal lead for this meeting beats their off for all", m5, off, none, minutes{5}},
      {"the meeting turned off beats the default", none, none, off, std::nullopt},
      {"a personal lead for all beats the meeting turned off", none, m15, off, minutes{15}},
      {"a zero lead is a setting, not an absence", Level{ReminderSetting::Before(minutes{0})}, m15,
       m30, minutes{0}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(ReminderLead(row.for_meeting, row.for_all, row.meeting, minutes{10}) == row.expected);
  }
}

TEST_CASE("a reminder is due its lead before the occurrence starts") {
  CHECK(ReminderInstant(Utc(2026, 12, 1, 8, 30), minutes{10}) == Utc(2026, 12, 1, 8, 20));
}

TEST_CASE("a reminder is sent from its instant until it is late by its lead, then dropped") {
  const auto start = Utc(2026, 12, 1, 8, 30);
  struct Row {
    std::string name;
    minutes lead;
    date::sys_seconds now;
    SendDecision expected;
  };
  const Row rows[] = {
      {"a second before it is due", minutes{10}, Utc(2026, 12, 1, 8, 19, 59),
       SendDecision::TooEarly},
      {"exactly when due", minutes{10}, Utc(2026, 12, 1, 8, 20), SendDecision::Send},
      {"five minutes late", minutes{10}, Utc(2026, 12, 1, 8, 25), SendDecision::Send},
      {"late by exactly its lead", minutes{10}, Utc(2026, 12, 1, 8, 30), SendDecision::Send},
      {"late by a second more than its lead", minutes{10}, Utc(2026, 12, 1, 8, 30, 1),
       SendDecision::DropLate},
      {"hours late", minutes{10}, Utc(2026, 12, 1, 12, 0), SendDecision::DropLate},
      {"a zero lead at the start", minutes{0}, start, SendDecision::Send},
      {"a zero lead a second after the start", minutes{0}, Utc(2026, 12, 1, 8, 30, 1),
       SendDecision::DropLate},
      {"an hour's lead, forty minutes late", minutes{60}, Utc(2026, 12, 1, 8, 10),
       SendDecision::Send},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(ShouldSend(start, row.lead, row.now) == row.expected);
  }
}

TEST_CASE("the reminder plan gives each attending participant their own lead") {
  auto meeting = Meeting("Europe/Berlin", {9, 30}, DaySet::Weekdays());
  meeting.reminder = ReminderSetting::Before(minutes{20});
  meeting.participants.push_back(Person("U4", ParticipantStatus::Declined));
  meeting.participants.push_back(Person("U5", ParticipantStatus::Busy));
  std::map<UserId, PersonPreferences> prefs;
  prefs[UserId{"U2"}].per_meeting.insert_or_assign(MeetingId{"m1"},
                                                   ReminderSetting::Before(minutes{5}));
  prefs[UserId{"U3"}].all_meetings = ReminderSetting::Off();
  prefs[UserId{"U5"}].per_meeting.insert_or_assign(MeetingId{"other"},
                                                   ReminderSetting::Before(minutes{1}));

  // Tue 1 Dec 2026, 09:30 CET = 08:30 UTC. U1 and U5 get the meeting's 20 minutes, U2 their 5,
  // U3 turned reminders off, U4 declined.
  const auto plan = PlanReminders(meeting, Zone("Europe/Berlin"), prefs,
                                  Interval{Utc(2026, 12, 1), Utc(2026, 12, 2)}, minutes{10});
  const auto start = Utc(2026, 12, 1, 8, 30);
  const std::vector<PlannedReminder> expected = {
      {start, UserId{"U1"}, Utc(2026, 12, 1, 8, 10), minutes{20}},
      {start, UserId{"U5"}, Utc(2026, 12, 1, 8, 10), minutes{20}},
      {start, UserId{"U2"}, Utc(2026, 12, 1, 8, 25), minutes{5}},
  };
  CHECK(plan == expected);
}

TEST_CASE("the reminder plan uses the default lead when nobody chose one") {
  const auto meeting = Meeting("America/New_York", {9, 30}, DaySet::Daily());
  // 9:30 local on both sides of the 8 Mar 2026 change: 14:30 UTC on 7 Mar, 13:30 UTC on 8 Mar.
  const auto plan = PlanReminders(meeting, Zone("America/New_York"), {},
                                  Interval{Utc(2026, 3, 7), Utc(2026, 3, 9)}, minutes{10});
  REQUIRE(plan.size() == 6);
  CHECK(plan[0].send_at == Utc(2026, 3, 7, 14, 20));
  CHECK(plan[3].send_at == Utc(2026, 3, 8, 13, 20));
}

TEST_CASE("a cancelled standup plans no reminders") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.status = MeetingStatus::Cancelled;
  CHECK(PlanReminders(meeting, Zone("Europe/Berlin"), {},
                      Interval{Utc(2026, 12, 1), Utc(2026, 12, 8)}, minutes{10})
            .empty());
}

TEST_SUITE_END();
