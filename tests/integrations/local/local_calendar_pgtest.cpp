#include <officer/integrations/local/local_calendar.hpp>

#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <date/date.h>
#include <doctest/doctest.h>

#include <officer/domain/errors.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace d = officer::domain;
namespace local = officer::integrations::local;
namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;
using std::chrono::hours;
using std::chrono::minutes;

date::sys_seconds At(int year, unsigned month, unsigned day, int hour, int minute = 0) {
  return date::sys_seconds{date::sys_days{date::year{year} / month / day}} + hours{hour} +
         minutes{minute};
}

d::Interval Span(date::sys_seconds start, minutes length) {
  return d::Interval{start, start + length};
}

d::RecurringEvent Standup(std::vector<std::string> attendees,
                          date::year_month_day first_day = date::year{2026} / 11 / 30,
                          std::string zone = "Europe/Berlin") {
  d::RecurringEvent event;
  event.title = "Daily standup";
  event.zone_name = std::move(zone);
  event.first_day = first_day;
  event.start = d::TimeOfDay{9, 30};
  event.duration = minutes{15};
  event.days = d::DaySet::Daily();
  event.attendee_emails = std::move(attendees);
  return event;
}

const std::vector<d::Interval>& BusyOf(const d::AttendeeAvailability& availability) {
  REQUIRE(std::holds_alternative<std::vector<d::Interval>>(availability.availability));
  return std::get<std::vector<d::Interval>>(availability.availability);
}

// The first week of December 2026 (Berlin is UTC+1 then, so 09:30 local is 08:30 UTC).
const d::Interval kDecemberWeek{At(2026, 12, 1, 0), At(2026, 12, 8, 0)};

struct Fixture {
  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 8};
  local::LocalCalendar calendar{pool};
  d::UserId owner{"U1"};
};

}  // namespace

TEST_SUITE("local calendar") {
  TEST_CASE("free/busy keeps a recurring event at 9:30 local across a daylight-saving change") {
    Fixture f;
    // Berlin leaves summer time on Sunday 25 October 2026: 09:30 is 07:30 UTC before, 08:30 after.
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"}, date::year{2026} / 10 / 22));
    const auto answer =
        f.calendar.FreeBusy(f.owner, {"U2"}, d::Interval{At(2026, 10, 23, 0), At(2026, 10, 28, 0)});
    REQUIRE(answer.size() == 1);
    CHECK(answer[0].attendee == "U2");
    CHECK(BusyOf(answer[0]) == std::vector<d::Interval>{
                                   Span(At(2026, 10, 23, 7, 30), minutes{15}),
                                   Span(At(2026, 10, 24, 7, 30), minutes{15}),
                                   Span(At(2026, 10, 25, 8, 30), minutes{15}),
                                   Span(At(2026, 10, 26, 8, 30), minutes{15}),
                                   Span(At(2026, 10, 27, 8, 30), minutes{15}),
                               });
  }

  TEST_CASE("an attendee on no event is free: an empty list, not NotVisible") {
    Fixture f;
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"}));
    const auto answer = f.calendar.FreeBusy(f.owner, {"stranger@x.test"}, kDecemberWeek);
    REQUIRE(answer.size() == 1);
    CHECK(answer[0].attendee == "stranger@x.test");
    CHECK(BusyOf(answer[0]).empty());
  }

  TEST_CASE("the owner is an attendee of their own event even when not listed") {
    Fixture f;
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U2", "U2"}));
    const auto answer = f.calendar.FreeBusy(f.owner, {"U1", "U2"}, kDecemberWeek);
    CHECK(BusyOf(answer[0]).size() == 7);
    CHECK(BusyOf(answer[1]).size() == 7);
  }

  TEST_CASE("a busy block shows up for its attendee only, and only when it overlaps the window") {
    Fixture f;
    f.calendar.AddBusyBlock("U2", d::Interval{At(2026, 12, 1, 13), At(2026, 12, 1, 14)}, "Dentist");
    f.calendar.AddBusyBlock("U2", d::Interval{At(2026, 12, 9, 13), At(2026, 12, 9, 14)}, "Later");
    f.calendar.AddBusyBlock("U2", d::Interval{At(2026, 11, 30, 23), At(2026, 12, 1, 0)}, "Touches");
    f.calendar.AddBusyBlock("U2", d::Interval{At(2026, 11, 30, 23), At(2026, 12, 1, 1)},
                            "Overlaps");
    const auto answer = f.calendar.FreeBusy(f.owner, {"U2", "U3"}, kDecemberWeek);
    CHECK(BusyOf(answer[0]) ==
          std::vector<d::Interval>{d::Interval{At(2026, 11, 30, 23), At(2026, 12, 1, 1)},
                                   d::Interval{At(2026, 12, 1, 13), At(2026, 12, 1, 14)}});
    CHECK(BusyOf(answer[1]).empty());
  }

  TEST_CASE("a busy block that does not end after it starts is refused") {
    Fixture f;
    CHECK_THROWS_AS(f.calendar.AddBusyBlock(
                        "U2", d::Interval{At(2026, 12, 1, 13), At(2026, 12, 1, 13)}, "nothing"),
                    officer::PermanentError);
  }

  TEST_CASE("busy blocks and events together come back sorted by start") {
    Fixture f;
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"}));
    f.calendar.AddBusyBlock("U2", d::Interval{At(2026, 12, 1, 8), At(2026, 12, 1, 9)}, "Clash");
    const auto answer =
        f.calendar.FreeBusy(f.owner, {"U2"}, d::Interval{At(2026, 12, 1, 0), At(2026, 12, 3, 0)});
    CHECK(BusyOf(answer[0]) ==
          std::vector<d::Interval>{d::Interval{At(2026, 12, 1, 8), At(2026, 12, 1, 9)},
                                   Span(At(2026, 12, 1, 8, 30), minutes{15}),
                                   Span(At(2026, 12, 2, 8, 30), minutes{15})});
  }

  TEST_CASE("an occurrence that began before the window but runs into it counts as busy") {
    Fixture f;
    auto event = Standup({"U2"});
    event.duration = minutes{60};
    f.calendar.CreateRecurringEvent(f.owner, event);
    const auto answer =
        f.calendar.FreeBusy(f.owner, {"U2"}, d::Interval{At(2026, 12, 1, 9), At(2026, 12, 1, 12)});
    CHECK(BusyOf(answer[0]) == std::vector<d::Interval>{Span(At(2026, 12, 1, 8, 30), minutes{60})});
  }

  TEST_CASE("an event whose first day is after the window makes nobody busy") {
    Fixture f;
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"}, date::year{2027} / 1 / 4));
    CHECK(BusyOf(f.calendar.FreeBusy(f.owner, {"U2"}, kDecemberWeek)[0]).empty());
  }

  TEST_CASE("a deleted event no longer makes anyone busy and reads as cancelled") {
    Fixture f;
    const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2", "U3"})).event_id;
    CHECK(f.calendar.EventStatus(f.owner, id) == d::CalendarEventStatus::Active);
    CHECK(BusyOf(f.calendar.FreeBusy(f.owner, {"U2"}, kDecemberWeek)[0]).size() == 7);

    f.calendar.DeleteEvent(f.owner, id);
    CHECK(f.calendar.EventStatus(f.owner, id) == d::CalendarEventStatus::Cancelled);
    for (const auto& availability :
         f.calendar.FreeBusy(f.owner, {"U1", "U2", "U3"}, kDecemberWeek)) {
      CHECK(BusyOf(availability).empty());
    }
  }

  TEST_CASE("deleting an event twice, or one that never existed, is fine") {
    Fixture f;
    const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"})).event_id;
    f.calendar.DeleteEvent(f.owner, id);
    CHECK_NOTHROW(f.calendar.DeleteEvent(f.owner, id));
    CHECK_NOTHROW(f.calendar.DeleteEvent(f.owner, "ev-never-was"));
    CHECK(f.calendar.EventStatus(f.owner, id) == d::CalendarEventStatus::Cancelled);
  }

  TEST_CASE("the status of an unknown event is Cancelled") {
    Fixture f;
    CHECK(f.calendar.EventStatus(f.owner, "ev-unknown") == d::CalendarEventStatus::Cancelled);
  }

  TEST_CASE("event ids are ev- and random hex, different for every event") {
    Fixture f;
    std::set<std::string> ids;
    for (int i = 0; i < 5; ++i) {
      const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"})).event_id;
      CHECK(id.rfind("ev-", 0) == 0);
      CHECK(id.size() == 35);
      CHECK(id.find_first_not_of("0123456789abcdef", 3) == std::string::npos);
      ids.insert(id);
    }
    CHECK(ids.size() == 5);
  }

  TEST_CASE("a response is recorded per person and the latest answer wins") {
    Fixture f;
    const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2", "U3"})).event_id;
    CHECK(f.calendar.Responses(id).empty());
    f.calendar.Respond(d::UserId("U2"), id, d::CalendarResponse::Accepted);
    f.calendar.Respond(d::UserId("U3"), id, d::CalendarResponse::Accepted);
    f.calendar.Respond(d::UserId("U3"), id, d::CalendarResponse::Declined);
    CHECK(f.calendar.Responses(id) ==
          std::map<std::string, d::CalendarResponse>{{"U2", d::CalendarResponse::Accepted},
                                                     {"U3", d::CalendarResponse::Declined}});
  }

  TEST_CASE("a response to an unknown event is ignored") {
    Fixture f;
    CHECK_NOTHROW(f.calendar.Respond(d::UserId("U2"), "ev-unknown", d::CalendarResponse::Accepted));
    CHECK(f.calendar.Responses("ev-unknown").empty());
  }

  TEST_CASE("concurrent responses by different people lose no answer") {
    Fixture f;
    const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2"})).event_id;
    std::vector<std::thread> people;
    for (int i = 0; i < 8; ++i) {
      people.emplace_back([&, i] {
        for (int round = 0; round < 5; ++round) {
          f.calendar.Respond(
              d::UserId("P" + std::to_string(i)), id,
              round % 2 == 0 ? d::CalendarResponse::Declined : d::CalendarResponse::Accepted);
        }
      });
    }
    for (auto& person : people) person.join();
    const auto responses = f.calendar.Responses(id);
    CHECK(responses.size() == 8);
    for (const auto& [person, response] : responses) {
      CHECK(response == d::CalendarResponse::Declined);
    }
  }

  TEST_CASE("an attendee who declined the event is not busy during it") {
    Fixture f;
    const auto id = f.calendar.CreateRecurringEvent(f.owner, Standup({"U2", "U3"})).event_id;
    f.calendar.Respond(d::UserId("U2"), id, d::CalendarResponse::Declined);
    f.calendar.Respond(d::UserId("U3"), id, d::CalendarResponse::Accepted);
    const auto answer = f.calendar.FreeBusy(f.owner, {"U2", "U3"}, kDecemberWeek);
    CHECK(BusyOf(answer[0]).empty());
    CHECK(BusyOf(answer[1]).size() == 7);
  }

  TEST_CASE("free/busy answers for the attendees in the order asked, duplicates included") {
    Fixture f;
    f.calendar.CreateRecurringEvent(f.owner, Standup({"U3"}));
    f.calendar.AddBusyBlock("a@x.test", d::Interval{At(2026, 12, 2, 13), At(2026, 12, 2, 14)}, "");
    const std::vector<std::string> asked{"U3", "nobody@x.test", "a@x.test", "U3"};
    const auto answer = f.calendar.FreeBusy(f.owner, asked, kDecemberWeek);
    REQUIRE(answer.size() == asked.size());
    for (std::size_t i = 0; i < asked.size(); ++i) CHECK(answer[i].attendee == asked[i]);
    CHECK(BusyOf(answer[0]).size() == 7);
    CHECK(BusyOf(answer[1]).empty());
    CHECK(BusyOf(answer[2]).size() == 1);
    CHECK(BusyOf(answer[3]).size() == 7);
  }

  TEST_CASE("free/busy for no attendees is an empty answer") {
    Fixture f;
    CHECK(f.calendar.FreeBusy(f.owner, {}, kDecemberWeek).empty());
  }

  TEST_CASE("free/busy over many events gives each attendee exactly their own occurrences") {
    Fixture f;
    // 200 events; person k is on events k, k+20, ...; event e also has a shared attendee.
    for (int e = 0; e < 200; ++e) {
      auto event = Standup({"P" + std::to_string(e % 20), "shared@x.test"});
      event.start = d::TimeOfDay{e % 24, 0};
      event.zone_name = e % 2 == 0 ? "America/New_York" : "Asia/Tokyo";
      f.calendar.CreateRecurringEvent(d::UserId("O" + std::to_string(e % 20)), event);
    }
    std::vector<std::string> asked;
    for (int k = 0; k < 20; ++k) asked.push_back("P" + std::to_string(k));
    asked.push_back("shared@x.test");
    const auto answer = f.calendar.FreeBusy(f.owner, asked, kDecemberWeek);
    REQUIRE(answer.size() == 21);
    for (int k = 0; k < 20; ++k) CHECK(BusyOf(answer[static_cast<std::size_t>(k)]).size() == 70);
    CHECK(BusyOf(answer[20]).size() == 1400);
  }

  TEST_CASE("an event that could never take place is refused") {
    Fixture f;
    SUBCASE("unknown zone") {
      CHECK_THROWS_AS(f.calendar.CreateRecurringEvent(
                          f.owner, Standup({"U2"}, date::year{2026} / 12 / 1, "Mars/Olympus")),
                      officer::PermanentError);
    }
    SUBCASE("no days") {
      auto event = Standup({"U2"});
      event.days = d::DaySet{};
      CHECK_THROWS_AS(f.calendar.CreateRecurringEvent(f.owner, event), officer::PermanentError);
    }
    SUBCASE("no duration") {
      auto event = Standup({"U2"});
      event.duration = minutes{0};
      CHECK_THROWS_AS(f.calendar.CreateRecurringEvent(f.owner, event), officer::PermanentError);
    }
  }
}
