#include <officer/integrations/google/calendar_json.hpp>

#include <doctest/doctest.h>

#include <officer/domain/errors.hpp>

namespace {

using nlohmann::json;
namespace d = officer::domain;
namespace google = officer::integrations::google;

date::sys_seconds At(unsigned day, int hour, int minute = 0) {
  return date::sys_days{date::year{2026} / 12 / day} + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

d::RecurringEvent Standup() {
  d::RecurringEvent event;
  event.title = "Daily standup";
  event.zone_name = "Europe/Berlin";
  event.first_day = date::year{2026} / 12 / 1;
  event.start = d::TimeOfDay{9, 30};
  event.duration = std::chrono::minutes{15};
  event.days = d::DaySet::Weekdays();
  event.attendee_emails = {"ada@example.com", "grace@example.com", "ada@example.com"};
  return event;
}

}  // namespace

TEST_SUITE("google") {
  TEST_CASE("the recurrence rule lists the days Monday first") {
    CHECK(google::RecurrenceRule(d::DaySet::Weekdays()) ==
          "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    CHECK(google::RecurrenceRule(d::DaySet::Daily()) ==
          "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU");
    CHECK(google::RecurrenceRule(d::DaySet::Of({date::Friday, date::Monday})) ==
          "RRULE:FREQ=WEEKLY;BYDAY=MO,FR");
  }

  TEST_CASE("the event body is the local first occurrence in its zone with attendees and rule") {
    auto event = Standup();
    event.location = d::Room{"Room Kepler"};
    CHECK(google::EventBody(event, "") == R"({
      "summary": "Daily standup",
      "start": {"dateTime": "2026-12-01T09:30:00", "timeZone": "Europe/Berlin"},
      "end": {"dateTime": "2026-12-01T09:45:00", "timeZone": "Europe/Berlin"},
      "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
      "attendees": [{"email": "ada@example.com"}, {"email": "grace@example.com"}],
      "location": "Room Kepler"
    })"_json);
  }

  TEST_CASE("a Meet link is asked for with a createRequest only for a google_meet video link") {
    auto event = Standup();
    CHECK_FALSE(google::EventBody(event, "req-1").contains("conferenceData"));
    event.location = d::VideoLink{"google_meet", "", ""};
    REQUIRE(google::WantsMeetLink(event));
    CHECK(google::EventBody(event, "req-1")["conferenceData"] == R"({"createRequest": {
      "requestId": "req-1", "conferenceSolutionKey": {"type": "hangoutsMeet"}}})"_json);
    event.location = d::VideoLink{"zoom", "https://zoom.us/j/1", "1"};
    CHECK_FALSE(google::WantsMeetLink(event));
    CHECK(google::EventBody(event, "")["location"] == "https://zoom.us/j/1");
  }

  TEST_CASE("an event in an unknown zone or on no day is refused") {
    auto event = Standup();
    event.zone_name = "Mars/Olympus";
    CHECK_THROWS_AS(google::EventBody(event, ""), officer::PermanentError);
    event = Standup();
    event.days = d::DaySet{};
    CHECK_THROWS_AS(google::EventBody(event, ""), officer::PermanentError);
  }

  TEST_CASE(
      "free/busy answers map to busy intervals, NotVisible for errors and missing calendars") {
    const auto response = R"({"kind": "calendar#freeBusy", "calendars": {
      "ada@example.com": {"busy": [{"start": "2026-12-01T09:00:00+01:00",
                                    "end": "2026-12-01T10:00:00+01:00"}]},
      "grace@example.com": {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []},
      "alan@example.com": {"busy": []}}})"_json;
    const auto answer = google::ParseFreeBusy(
        response, {"ada@example.com", "grace@example.com", "Alan@Example.com", "nobody@x.org"});
    REQUIRE(answer.size() == 4);
    CHECK(answer[0].availability ==
          d::Availability{std::vector<d::Interval>{{At(1, 8), At(1, 9)}}});
    CHECK(answer[1].availability == d::Availability{d::NotVisible{}});
    CHECK(answer[2].attendee == "Alan@Example.com");
    CHECK(answer[2].availability == d::Availability{std::vector<d::Interval>{}});
    CHECK(answer[3].availability == d::Availability{d::NotVisible{}});
  }

  TEST_CASE("an unreadable busy period is a transient failure, not a free person") {
    const auto response =
        R"({"calendars": {"ada@example.com": {"busy": [{"start": "soon", "end": "later"}]}}})"_json;
    CHECK_THROWS_AS(google::ParseFreeBusy(response, {"ada@example.com"}), officer::TransientError);
  }

  TEST_CASE("the response body sets only the person's own entry, with attendeesOmitted") {
    CHECK(google::ResponseBody("ada@example.com", d::CalendarResponse::Declined) == R"({
      "attendeesOmitted": true,
      "attendees": [{"email": "ada@example.com", "responseStatus": "declined"}]})"_json);
  }

  TEST_CASE("the reason of a Google error envelope is read when it is a plain word") {
    CHECK(google::ErrorReason(
              R"({"error":{"errors":[{"domain":"global","reason":"notFound"}],"code":404}})") ==
          "notFound");
    CHECK(google::ErrorReason("<html>").empty());
    CHECK(google::ErrorReason(R"({"error":{"errors":[{"reason":"a b"}]}})").empty());
  }
}
