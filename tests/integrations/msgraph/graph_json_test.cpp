#include <officer/integrations/msgraph/graph_json.hpp>

#include <doctest/doctest.h>

#include <officer/domain/errors.hpp>

namespace {

using nlohmann::json;
namespace d = officer::domain;
namespace msgraph = officer::integrations::msgraph;

date::sys_seconds At(unsigned day, int hour, int minute = 0) {
  return date::sys_days{date::year{2026} / 12 / day} + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

}  // namespace

TEST_SUITE("graph json") {
  TEST_CASE("days of week are Graph's lower-case names, Monday first") {
    CHECK(msgraph::DaysOfWeek(d::DaySet::Weekdays()) ==
          std::vector<std::string>{"monday", "tuesday", "wednesday", "thursday", "friday"});
    CHECK(msgraph::DaysOfWeek(d::DaySet::Of({date::Sunday, date::Wednesday})) ==
          std::vector<std::string>{"wednesday", "sunday"});
  }

  TEST_CASE("Graph date-times read with seven fractional digits, in UTC or an IANA zone") {
    CHECK(msgraph::ParseDateTimeTimeZone(
              R"({"dateTime": "2026-12-01T08:30:00.0000000", "timeZone": "UTC"})"_json) ==
          At(1, 8, 30));
    CHECK(msgraph::ParseDateTimeTimeZone(R"({"dateTime": "2026-12-01T08:30:00"})"_json) ==
          At(1, 8, 30));
    CHECK(msgraph::ParseDateTimeTimeZone(
              R"({"dateTime": "2026-12-01T09:30:00", "timeZone": "Europe/Berlin"})"_json) ==
          At(1, 8, 30));
    CHECK_FALSE(msgraph::ParseDateTimeTimeZone(
        R"({"dateTime": "2026-12-01T09:30:00", "timeZone": "W. Europe Standard Time"})"_json));
    CHECK_FALSE(msgraph::ParseDateTimeTimeZone(R"({"dateTime": "yesterday"})"_json));
    CHECK_FALSE(msgraph::ParseDateTimeTimeZone(R"("2026-12-01T08:30:00")"_json));
  }

  TEST_CASE("a schedule missing from the answer or with an error is not visible") {
    const auto parsed =
        msgraph::ParseSchedule(R"({"value": [
        {"scheduleId": "ADA@example.com", "scheduleItems": [
          {"status": "busy", "start": {"dateTime": "2026-12-01T08:00:00.0000000", "timeZone": "UTC"},
                             "end": {"dateTime": "2026-12-01T09:00:00.0000000", "timeZone": "UTC"}}]},
        {"scheduleId": "grace@example.com",
         "error": {"message": "not found", "responseCode": "ErrorMailboxNotFound"}}]})"_json,
                               {"ada@example.com", "grace@example.com", "alan@example.com"});
    REQUIRE(parsed.size() == 3);
    CHECK(parsed[0].availability ==
          d::Availability{std::vector<d::Interval>{{At(1, 8), At(1, 9)}}});
    CHECK(parsed[1].availability == d::Availability{d::NotVisible{}});
    CHECK(parsed[2].availability == d::Availability{d::NotVisible{}});
    CHECK_THROWS_AS(msgraph::ParseSchedule(R"({"value": [{"scheduleId": "a",
                      "scheduleItems": [{"status": "busy"}]}]})"_json,
                                           {"a"}),
                    officer::TransientError);
  }

  TEST_CASE("an event with an unknown zone or no days is refused") {
    d::RecurringEvent event;
    event.zone_name = "Mars/Olympus";
    event.first_day = date::year{2026} / 12 / 1;
    event.days = d::DaySet::Weekdays();
    CHECK_THROWS_AS(msgraph::EventBody(event, ""), officer::PermanentError);
    event.zone_name = "Europe/Berlin";
    event.days = d::DaySet{};
    CHECK_THROWS_AS(msgraph::EventBody(event, ""), officer::PermanentError);
  }

  TEST_CASE("Graph's error code is read only when it is a plain word") {
    CHECK(msgraph::ErrorCode(R"({"error":{"code":"ErrorItemNotFound","message":"x"}})") ==
          "ErrorItemNotFound");
    CHECK(msgraph::ErrorCode(R"({"error":{"code":"has space"}})").empty());
    CHECK(msgraph::ErrorCode("<html>").empty());
  }
}
