#include <officer/integrations/msgraph/graph_calendar.hpp>

#include <chrono>
#include <mutex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/fakes/fake_graph_calendar.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using officer::fakes::FakeGraphCalendar;
using officer::fakes::FakeResponse;
namespace d = officer::domain;
namespace http = officer::integrations::http;
namespace msgraph = officer::integrations::msgraph;
namespace oauth = officer::integrations::oauth;

constexpr std::string_view kAdaToken = "eyJ0eXAi.ada-secret-token";
constexpr std::string_view kGraceToken = "eyJ0eXAi.grace-secret-token";

date::sys_seconds At(unsigned day, int hour, int minute = 0) {
  return date::sys_days{date::year{2026} / 12 / day} + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

d::RecurringEvent Standup() {
  d::RecurringEvent event;
  event.title = "Daily standup";
  event.zone_name = "Europe/Berlin";
  event.first_day = date::year{2026} / 12 / 1;  // a Tuesday
  event.start = d::TimeOfDay{9, 30};
  event.duration = 15min;
  event.days = d::DaySet::Weekdays();
  event.attendee_emails = {"ada@example.com", "grace@example.com", "alan@example.com"};
  event.description = "Booked by Officer";
  return event;
}

// A GraphCalendar against a fresh fake. U1 is Ada (the organizer), U2 is Grace. Every log line
// at every level goes to `log`; the token source records its calls.
// The organizer's event id: the part of the event reference before "|<iCalUId>".
std::string OrganizerId(const std::string& reference) {
  return reference.substr(0, reference.find('|'));
}

struct Fixture {
  Fixture() {
    logger->set_level(spdlog::level::trace);
    fake.AddAccessToken(std::string(kAdaToken), "ada@example.com");
    fake.AddAccessToken(std::string(kGraceToken), "grace@example.com");
    http::HttpTransportConfig config;
    config.timeout = 10000ms;  // a loaded machine must not turn a slow answer into a retry
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    calendar = std::make_unique<msgraph::GraphCalendar>(
        transport, fake.BaseUrl(),
        [this](const d::UserId& user, std::string_view rejected) {
          std::lock_guard lock(mutex);
          calls.emplace_back(user.value(), std::string(rejected));
          return std::string(user.value() == "U2" ? kGraceToken : kAdaToken);
        },
        logger);
  }

  FakeGraphCalendar fake;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "msgraph", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  std::unique_ptr<msgraph::GraphCalendar> calendar;
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> calls;  // (user, rejected)
  d::UserId ada{"U1"};
  d::UserId grace{"U2"};
};

}  // namespace

TEST_SUITE("graph calendar") {
  TEST_CASE("free/busy of a busy, an invisible and a free person comes from one getSchedule") {
    Fixture f;
    f.fake.SetSchedule("ada@example.com",
                       {{"busy", "2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z"},
                        {"free", "2026-12-02T08:00:00Z", "2026-12-02T09:00:00Z"},
                        {"oof", "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z"},
                        {"busy", "2026-12-20T08:00:00Z", "2026-12-20T09:00:00Z"}});
    f.fake.MakeInvisible("grace@example.com");
    const d::Interval window{At(1, 0), At(8, 0)};
    const auto answer = f.calendar->FreeBusy(
        f.ada, {"ada@example.com", "grace@example.com", "alan@example.com"}, window);

    REQUIRE(answer.size() == 3);
    CHECK(answer[0].attendee == "ada@example.com");
    CHECK(answer[0].availability ==
          d::Availability{std::vector<d::Interval>{{At(1, 8), At(1, 9)}, {At(3, 0), At(4, 0)}}});
    CHECK(answer[1].attendee == "grace@example.com");
    CHECK(answer[1].availability == d::Availability{d::NotVisible{}});
    CHECK(answer[2].availability == d::Availability{std::vector<d::Interval>{}});

    const auto queries = f.fake.ScheduleQueries();
    REQUIRE(queries.size() == 1);
    CHECK(queries[0] == R"({"schedules": ["ada@example.com", "grace@example.com",
                                          "alan@example.com"],
                            "startTime": {"dateTime": "2026-12-01T00:00:00", "timeZone": "UTC"},
                            "endTime": {"dateTime": "2026-12-08T00:00:00", "timeZone": "UTC"},
                            "availabilityViewInterval": 30})"_json);
    const auto requests = f.fake.Server().RequestsTo("/me/calendar/getSchedule");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].Header("prefer") == "outlook.timezone=\"UTC\"");
    CHECK(requests[0].Header("authorization") == "Bearer " + std::string(kAdaToken));
  }

  TEST_CASE("tentative and workingElsewhere count as busy, free does not") {
    Fixture f;
    f.fake.SetSchedule("alan@example.com",
                       {{"tentative", "2026-12-01T08:00:00Z", "2026-12-01T08:30:00Z"},
                        {"workingElsewhere", "2026-12-01T09:00:00Z", "2026-12-01T17:00:00Z"},
                        {"free", "2026-12-01T18:00:00Z", "2026-12-01T19:00:00Z"}});
    const auto answer = f.calendar->FreeBusy(f.ada, {"alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.at(0).availability == d::Availability{std::vector<d::Interval>{
                                           {At(1, 8), At(1, 8, 30)}, {At(1, 9), At(1, 17)}}});
  }

  TEST_CASE("an attendee asked twice is queried once and answered twice") {
    Fixture f;
    const auto answer =
        f.calendar->FreeBusy(f.ada, {"alan@example.com", "alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.size() == 2);
    CHECK(f.fake.ScheduleQueries().at(0)["schedules"].size() == 1);
  }

  TEST_CASE(
      "the event carries attendees, a weekly weekday pattern and 9:30 Europe/Berlin in its "
      "recurrence zone") {
    Fixture f;
    const auto created = f.calendar->CreateRecurringEvent(f.ada, Standup());

    const auto stored = f.fake.FindEvent(OrganizerId(created.event_id));
    REQUIRE(stored.has_value());
    CHECK(created.event_id == stored->id + "|" + stored->body["iCalUId"].get<std::string>());
    CHECK(created.join_url.empty());
    CHECK(stored->organizer == "ada@example.com");
    json body = stored->body;
    CHECK(body["transactionId"].get<std::string>().size() == 32);
    for (const char* added : {"id", "iCalUId", "organizer", "webLink", "transactionId"}) {
      body.erase(added);
    }
    for (auto& attendee : body["attendees"]) attendee.erase("status");
    CHECK(body == R"({
      "subject": "Daily standup",
      "body": {"contentType": "text", "content": "Booked by Officer"},
      "start": {"dateTime": "2026-12-01T09:30:00", "timeZone": "Europe/Berlin"},
      "end": {"dateTime": "2026-12-01T09:45:00", "timeZone": "Europe/Berlin"},
      "recurrence": {
        "pattern": {"type": "weekly", "interval": 1, "firstDayOfWeek": "monday",
                    "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"]},
        "range": {"type": "noEnd", "startDate": "2026-12-01",
                  "recurrenceTimeZone": "Europe/Berlin"}},
      "attendees": [
        {"emailAddress": {"address": "ada@example.com"}, "type": "required"},
        {"emailAddress": {"address": "grace@example.com"}, "type": "required"},
        {"emailAddress": {"address": "alan@example.com"}, "type": "required"}]
    })"_json);
    const auto requests = f.fake.Server().RequestsTo("/me/events");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].Header("authorization") == "Bearer " + std::string(kAdaToken));
  }

  TEST_CASE("a room is a resource attendee and the location; a first day off the days moves on") {
    Fixture f;
    auto event = Standup();
    event.first_day = date::year{2026} / 12 / 5;  // a Saturday: the first occurrence is Monday
    event.attendee_emails.push_back("kepler@rooms.example.com");
    event.location = d::Room{"kepler@rooms.example.com"};
    const auto body =
        f.fake.FindEvent(OrganizerId(f.calendar->CreateRecurringEvent(f.ada, event).event_id))
            ->body;
    CHECK(body["attendees"][3]["type"] == "resource");
    CHECK(body["attendees"][3]["emailAddress"]["address"] == "kepler@rooms.example.com");
    CHECK(body["location"] == R"({"displayName": "kepler@rooms.example.com"})"_json);
    CHECK(body["start"]["dateTime"] == "2026-12-07T09:30:00");
    CHECK(body["recurrence"]["range"]["startDate"] == "2026-12-07");
    CHECK_FALSE(body.contains("isOnlineMeeting"));
  }

  TEST_CASE("a Teams meeting is asked for with isOnlineMeeting and teamsForBusiness") {
    Fixture f;
    auto event = Standup();
    event.location = d::VideoLink{"teams", "", ""};
    const auto stored =
        f.fake.FindEvent(OrganizerId(f.calendar->CreateRecurringEvent(f.ada, event).event_id));
    REQUIRE(stored.has_value());
    CHECK(stored->body["isOnlineMeeting"] == true);
    CHECK(stored->body["onlineMeetingProvider"] == "teamsForBusiness");
    CHECK(stored->body.contains("onlineMeeting"));
    CHECK(f.calendar->CreateRecurringEvent(f.ada, event)
              .join_url.rfind("https://teams.microsoft.com/l/meetup-join/", 0) == 0);

    SUBCASE("a Zoom link is the location, with no Teams meeting") {
      event.location = d::VideoLink{"zoom", "https://zoom.us/j/123", "123"};
      const auto zoom =
          f.fake.FindEvent(OrganizerId(f.calendar->CreateRecurringEvent(f.ada, event).event_id));
      CHECK(zoom->body["location"]["displayName"] == "https://zoom.us/j/123");
      CHECK_FALSE(zoom->body.contains("isOnlineMeeting"));
    }
  }

  TEST_CASE("cancelling posts /cancel with a comment, and the event reads cancelled after") {
    Fixture f;
    const auto id = OrganizerId(f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id);
    CHECK(f.calendar->EventStatus(f.ada, id) == d::CalendarEventStatus::Active);
    f.calendar->DeleteEvent(f.ada, id);

    const auto requests = f.fake.Server().RequestsTo("/me/events/" + id + "/cancel");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(json::parse(requests[0].body).at("comment").is_string());
    CHECK(f.fake.FindEvent(id)->cancelled);
    CHECK(f.calendar->EventStatus(f.ada, id) == d::CalendarEventStatus::Cancelled);  // 404
    CHECK(f.calendar->EventStatus(f.grace,
                                  FakeGraphCalendar::AttendeeCopyId(id, "grace@example.com")) ==
          d::CalendarEventStatus::Cancelled);  // the attendee's copy, flagged isCancelled
    CHECK(f.fake.Server().RequestsTo("/me/events/" + id).size() == 2);  // the organizer's GETs
  }

  TEST_CASE("cancelling an event that is gone (404) is done") {
    Fixture f;
    const auto id = OrganizerId(f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id);
    f.calendar->DeleteEvent(f.ada, id);
    CHECK_NOTHROW(f.calendar->DeleteEvent(f.ada, id));
    CHECK_NOTHROW(f.calendar->DeleteEvent(f.ada, "AAMkunknown"));
    CHECK(f.fake.Server().RequestsTo("/me/events/" + id + "/cancel").size() == 2);
  }

  TEST_CASE("a cancel Graph refuses with 400 falls back to deleting the event") {
    Fixture f;
    const auto id = OrganizerId(f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id);
    f.fake.Server().Enqueue(
        "/me/events/" + id + "/cancel",
        FakeResponse::Json(R"({"error":{"code":"ErrorInvalidRequest","message":"nope"}})", 400));
    f.calendar->DeleteEvent(f.ada, id);
    const auto deletes = f.fake.Server().RequestsTo("/me/events/" + id);
    REQUIRE(deletes.size() == 1);
    CHECK(deletes[0].method == "DELETE");
    CHECK(f.fake.FindEvent(id)->cancelled);
  }

  TEST_CASE("a refusal is a PermanentError naming Graph's code; a 503 is transient") {
    Fixture f;
    f.fake.Server().Enqueue(
        "/me/events/abc/cancel",
        FakeResponse::Json(R"({"error":{"code":"ErrorAccessDenied","message":"no"}})", 403));
    try {
      f.calendar->DeleteEvent(f.ada, "abc");
      FAIL("expected PermanentError");
    } catch (const officer::PermanentError& error) {
      CHECK(std::string(error.what()).find("ErrorAccessDenied") != std::string::npos);
    }
    f.fake.Server().Enqueue("/me/events/abc", FakeResponse::Status(503), 3);
    CHECK_THROWS_AS(f.calendar->EventStatus(f.ada, "abc"), officer::TransientError);
  }

  TEST_CASE("accept and decline find the attendee's own copy by iCalUId and use their token") {
    Fixture f;
    const auto ref = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    const auto id = OrganizerId(ref);
    f.calendar->Respond(f.grace, ref, d::CalendarResponse::Accepted);
    CHECK(f.fake.FindEvent(id)->responses.at("grace@example.com") == "accepted");
    f.calendar->Respond(f.grace, ref, d::CalendarResponse::Declined);
    CHECK(f.fake.FindEvent(id)->responses.at("grace@example.com") == "declined");

    const auto lookups = f.fake.Server().RequestsTo("/me/events");
    REQUIRE(lookups.size() == 3);  // the create, then one lookup per answer
    CHECK(lookups[1].method == "GET");
    CHECK(lookups[1].QueryParam("$filter") ==
          "iCalUId eq '" + f.fake.FindEvent(id)->body["iCalUId"].get<std::string>() + "'");
    const auto copy = FakeGraphCalendar::AttendeeCopyId(id, "grace@example.com");
    const auto accepts = f.fake.Server().RequestsTo("/me/events/" + copy + "/accept");
    const auto declines = f.fake.Server().RequestsTo("/me/events/" + copy + "/decline");
    REQUIRE(accepts.size() == 1);
    REQUIRE(declines.size() == 1);
    CHECK(accepts[0].Header("authorization") == "Bearer " + std::string(kGraceToken));
    CHECK(json::parse(accepts[0].body) == R"({"sendResponse": true})"_json);
    CHECK(json::parse(declines[0].body) == R"({"sendResponse": true})"_json);

    CHECK_NOTHROW(f.calendar->Respond(f.grace, "AAMkunknown", d::CalendarResponse::Accepted));
    CHECK_NOTHROW(
        f.calendar->Respond(f.grace, "AAMkunknown|040000unknown", d::CalendarResponse::Accepted));
  }

  TEST_CASE("a lookup of the attendee's copy that Graph keeps failing is transient, nothing posted") {
    Fixture f;
    const auto ref = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    f.fake.Server().Enqueue("/me/events", FakeResponse::Status(503), 5);
    CHECK_THROWS_AS(f.calendar->Respond(f.grace, ref, d::CalendarResponse::Accepted),
                    officer::TransientError);
    CHECK(f.fake.FindEvent(OrganizerId(ref))->responses.empty());
  }

  TEST_CASE("a 401 fetches a fresh token once, naming the rejected one, and retries the call") {
    Fixture f;
    f.fake.FailNextWith401(1);
    const auto answer = f.calendar->FreeBusy(f.ada, {"alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.size() == 1);
    CHECK(f.calls == std::vector<std::pair<std::string, std::string>>{
                         {"U1", ""}, {"U1", std::string(kAdaToken)}});
    CHECK(f.fake.Server().CountTo("/me/calendar/getSchedule") == 2);
  }

  TEST_CASE("a 429 with Retry-After is waited out by the transport and the call repeated") {
    Fixture f;
    f.fake.Server().Enqueue("/me/calendar/getSchedule", FakeResponse::RateLimited(2));
    const auto answer = f.calendar->FreeBusy(f.ada, {"alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.at(0).availability == d::Availability{std::vector<d::Interval>{}});
    CHECK(f.fake.Server().CountTo("/me/calendar/getSchedule") == 2);
    CHECK(f.calls.size() == 1);
  }

  TEST_CASE("a second 401 after a fresh token is ReconnectNeeded for microsoft") {
    Fixture f;
    f.fake.FailNextWith401(1000);
    try {
      f.calendar->EventStatus(f.ada, "abc");
      FAIL("expected ReconnectNeeded");
    } catch (const oauth::ReconnectNeeded& error) {
      CHECK(error.Provider() == "microsoft");
    }
    CHECK(f.calls.size() == 2);
  }

  TEST_CASE("no token appears in the log output of any call, at any level") {
    Fixture f;
    f.fake.MakeInvisible("grace@example.com");
    f.fake.FailNextWith401(1);
    f.calendar->FreeBusy(f.ada, {"ada@example.com", "grace@example.com"}, {At(1, 0), At(2, 0)});
    const auto id = OrganizerId(f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id);
    f.calendar->Respond(f.grace, id, d::CalendarResponse::Accepted);
    f.calendar->EventStatus(f.ada, id);
    f.calendar->DeleteEvent(f.ada, id);
    f.fake.FailNextWith401(1000);
    CHECK_THROWS(f.calendar->DeleteEvent(f.ada, id));

    const auto output = f.log.str();
    CHECK(output.find("401") != std::string::npos);  // the log did capture the calls
    CHECK(output.find(kAdaToken) == std::string::npos);
    CHECK(output.find(kGraceToken) == std::string::npos);
    CHECK(output.find("eyJ0eXAi") == std::string::npos);
    CHECK(output.find("Bearer") == std::string::npos);
  }
}
