#include <officer/integrations/google/google_calendar.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/fakes/fake_google_calendar.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using officer::fakes::FakeGoogleCalendar;
using officer::fakes::FakeResponse;
namespace d = officer::domain;
namespace google = officer::integrations::google;
namespace http = officer::integrations::http;
namespace oauth = officer::integrations::oauth;

constexpr std::string_view kAdaToken = "ya29.ada-secret-token";
constexpr std::string_view kGraceToken = "ya29.grace-secret-token";

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
  event.duration = 15min;
  event.days = d::DaySet::Weekdays();
  event.attendee_emails = {"ada@example.com", "grace@example.com", "alan@example.com"};
  return event;
}

// A GoogleCalendar against a fresh fake. U1 is Ada (the organizer), U2 is Grace. Every log line
// at every level goes to `log`; the token source records its calls.
struct Fixture {
  Fixture() {
    logger->set_level(spdlog::level::trace);
    fake.AddAccessToken(std::string(kAdaToken), "ada@example.com");
    fake.AddAccessToken(std::string(kGraceToken), "grace@example.com");
    http::HttpTransportConfig config;
    // Generous: a loaded CI machine must not turn a slow answer into a retried request.
    config.timeout = 10000ms;
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    calendar = std::make_unique<google::GoogleCalendar>(
        transport, fake.BaseUrl(),
        [this](const d::UserId& user, std::string_view rejected) {
          std::lock_guard lock(mutex);
          calls.emplace_back(user.value(), std::string(rejected));
          if (!next_tokens.empty()) {
            auto token = next_tokens.front();
            next_tokens.erase(next_tokens.begin());
            return token;
          }
          return std::string(user.value() == "U2" ? kGraceToken : kAdaToken);
        },
        logger);
  }

  FakeGoogleCalendar fake;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "google", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  std::unique_ptr<google::GoogleCalendar> calendar;
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> calls;  // (user, rejected)
  std::vector<std::string> next_tokens;                    // handed out first, in order
  d::UserId ada{"U1"};
  d::UserId grace{"U2"};
};

}  // namespace

TEST_SUITE("google") {
  TEST_CASE("free/busy of a busy, an invisible and a free person comes from one call") {
    Fixture f;
    f.fake.SetBusy("ada@example.com", {{"2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00"},
                                       {"2026-12-20T08:00:00Z", "2026-12-20T09:00:00Z"}});
    f.fake.MakeInvisible("grace@example.com");
    const d::Interval window{At(1, 0), At(8, 0)};
    const auto answer = f.calendar->FreeBusy(
        f.ada, {"ada@example.com", "grace@example.com", "alan@example.com"}, window);

    REQUIRE(answer.size() == 3);
    CHECK(answer[0].attendee == "ada@example.com");
    CHECK(answer[0].availability ==
          d::Availability{std::vector<d::Interval>{{At(1, 8), At(1, 9)}}});
    CHECK(answer[1].availability == d::Availability{d::NotVisible{}});
    CHECK(answer[2].availability == d::Availability{std::vector<d::Interval>{}});

    const auto queries = f.fake.FreeBusyQueries();
    REQUIRE(queries.size() == 1);
    CHECK(queries[0]["timeMin"] == "2026-12-01T00:00:00Z");
    CHECK(queries[0]["timeMax"] == "2026-12-08T00:00:00Z");
    CHECK(queries[0]["items"] == R"([{"id": "ada@example.com"}, {"id": "grace@example.com"},
                                     {"id": "alan@example.com"}])"_json);
    const auto requests = f.fake.Server().RequestsTo("/calendar/v3/freeBusy");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].Header("authorization") == "Bearer " + std::string(kAdaToken));
  }

  TEST_CASE("an attendee asked twice is queried once and answered twice") {
    Fixture f;
    const auto answer =
        f.calendar->FreeBusy(f.ada, {"alan@example.com", "alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.size() == 2);
    CHECK(f.fake.FreeBusyQueries().at(0)["items"].size() == 1);
  }

  TEST_CASE(
      "the event goes on the organizer's primary calendar with attendees, weekday RRULE and "
      "9:30 in Europe/Berlin, inviting by e-mail") {
    Fixture f;
    auto event = Standup();
    event.location = d::Room{"Room Kepler"};
    const auto id = f.calendar->CreateRecurringEvent(f.ada, event).event_id;

    const auto stored = f.fake.FindEvent(id);
    REQUIRE(stored.has_value());
    CHECK(stored->organizer == "ada@example.com");
    CHECK(stored->query == std::map<std::string, std::string>{{"sendUpdates", "all"}});
    const json& body = stored->body;
    CHECK(body["summary"] == "Daily standup");
    CHECK(body["start"] ==
          R"({"dateTime": "2026-12-01T09:30:00", "timeZone": "Europe/Berlin"})"_json);
    CHECK(body["end"] ==
          R"({"dateTime": "2026-12-01T09:45:00", "timeZone": "Europe/Berlin"})"_json);
    CHECK(body["recurrence"] == R"(["RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"])"_json);
    CHECK(body["location"] == "Room Kepler");
    std::vector<std::string> emails;
    for (const auto& attendee : body["attendees"]) emails.push_back(attendee["email"]);
    CHECK(emails ==
          std::vector<std::string>{"ada@example.com", "grace@example.com", "alan@example.com"});
    CHECK(id.size() == 32);
  }

  TEST_CASE("a room's resource calendar is invited as a resource") {
    Fixture f;
    auto event = Standup();
    event.attendee_emails.push_back("Kepler@Rooms.example.com");
    event.location = d::Room{"kepler@rooms.example.com"};
    const auto stored = f.fake.FindEvent(f.calendar->CreateRecurringEvent(f.ada, event).event_id);
    REQUIRE(stored.has_value());
    const json& attendees = stored->body["attendees"];
    CHECK(attendees[3]["email"] == "Kepler@Rooms.example.com");
    CHECK(attendees[3]["resource"] == true);
    CHECK_FALSE(attendees[0].contains("resource"));
  }

  TEST_CASE("a Meet link request sets conferenceDataVersion=1") {
    Fixture f;
    auto event = Standup();
    event.location = d::VideoLink{"google_meet", "", ""};
    const auto created = f.calendar->CreateRecurringEvent(f.ada, event);
    const auto stored = f.fake.FindEvent(created.event_id);
    REQUIRE(stored.has_value());
    CHECK(created.join_url == stored->body["hangoutLink"]);
    CHECK(stored->query.at("conferenceDataVersion") == "1");
    CHECK(stored->body["hangoutLink"].get<std::string>().rfind("https://meet.google.com/", 0) == 0);
  }

  TEST_CASE("an insert answered 409 duplicate, a retry of one that went through, counts as done") {
    Fixture f;
    f.fake.Server().Enqueue("/calendar/v3/calendars/primary/events",
                            FakeResponse::Json(R"({"error":{"errors":[{"reason":"duplicate"}],
                                                   "code":409}})",
                                               409));
    CHECK(f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id.size() == 32);
  }

  TEST_CASE("deleting sends sendUpdates=all, and an event already gone (410 or 404) is done") {
    Fixture f;
    const auto id = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    f.calendar->DeleteEvent(f.ada, id);
    CHECK(f.fake.FindEvent(id)->status == "cancelled");
    const auto path = "/calendar/v3/calendars/primary/events/" + id;
    REQUIRE(f.fake.Server().RequestsTo(path).size() == 1);
    CHECK(f.fake.Server().RequestsTo(path)[0].QueryParam("sendUpdates") == "all");

    CHECK_NOTHROW(f.calendar->DeleteEvent(f.ada, id));  // the fake answers 410 deleted
    CHECK_NOTHROW(f.calendar->DeleteEvent(f.ada, "unknownevent"));
    f.fake.Server().Enqueue(path, FakeResponse::Status(410));
    CHECK_NOTHROW(f.calendar->DeleteEvent(f.ada, id));
  }

  TEST_CASE("a refusal other than gone is a PermanentError naming Google's reason") {
    Fixture f;
    f.fake.Server().Enqueue(
        "/calendar/v3/calendars/primary/events/abc",
        FakeResponse::Json(
            R"({"error":{"errors":[{"domain":"calendar","reason":"forbiddenForNonOrganizer"}],"code":403}})",
            403));
    try {
      f.calendar->DeleteEvent(f.ada, "abc");
      FAIL("expected PermanentError");
    } catch (const officer::PermanentError& error) {
      CHECK(std::string(error.what()).find("forbiddenForNonOrganizer") != std::string::npos);
    }
  }

  TEST_CASE("a 401 fetches a fresh token once, naming the rejected one, and retries the call") {
    Fixture f;
    f.fake.FailNextWith401(1);
    const auto answer = f.calendar->FreeBusy(f.ada, {"alan@example.com"}, {At(1, 0), At(2, 0)});
    CHECK(answer.size() == 1);
    CHECK(f.calls == std::vector<std::pair<std::string, std::string>>{
                         {"U1", ""}, {"U1", std::string(kAdaToken)}});
    CHECK(f.fake.Server().CountTo("/calendar/v3/freeBusy") == 2);

    SUBCASE("an expired token replaced by the source") {
      f.calls.clear();
      f.next_tokens = {"ya29.expired-token"};
      f.calendar->DeleteEvent(f.ada, "unknownevent");
      CHECK(f.calls == std::vector<std::pair<std::string, std::string>>{
                           {"U1", ""}, {"U1", "ya29.expired-token"}});
    }
  }

  TEST_CASE("a second 401 after a fresh token is ReconnectNeeded") {
    Fixture f;
    f.fake.FailNextWith401(1000);
    CHECK_THROWS_AS(f.calendar->EventStatus(f.ada, "abc"), oauth::ReconnectNeeded);
    CHECK(f.calls.size() == 2);
  }

  TEST_CASE("ReconnectNeeded from the token source surfaces unchanged") {
    Fixture f;
    google::GoogleCalendar calendar(
        std::make_shared<http::HttpTransport>(http::HttpTransportConfig{}, f.logger),
        f.fake.BaseUrl(),
        [](const d::UserId&, std::string_view) -> std::string {
          throw oauth::ReconnectNeeded("google");
        },
        f.logger);
    CHECK_THROWS_AS(calendar.FreeBusy(f.ada, {"a@example.com"}, {At(1, 0), At(2, 0)}),
                    oauth::ReconnectNeeded);
    CHECK_THROWS_AS(calendar.CreateRecurringEvent(f.ada, Standup()), oauth::ReconnectNeeded);
    CHECK(f.fake.Server().Requests().empty());
  }

  TEST_CASE(
      "a response patches only the attendee's own entry on their copy, with attendeesOmitted") {
    Fixture f;
    const auto id = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    f.calendar->Respond(f.grace, id, d::CalendarResponse::Accepted);

    const auto requests = f.fake.Server().RequestsTo("/calendar/v3/calendars/primary/events/" + id);
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].method == "GET");
    CHECK(requests[1].method == "PATCH");
    CHECK(requests[1].Header("authorization") == "Bearer " + std::string(kGraceToken));
    CHECK(requests[1].QueryParam("sendUpdates") == "all");
    CHECK(json::parse(requests[1].body) == R"({"attendeesOmitted": true, "attendees": [
      {"email": "grace@example.com", "responseStatus": "accepted"}]})"_json);
    const auto attendees = f.fake.FindEvent(id)->body["attendees"];
    CHECK(attendees[0]["responseStatus"] == "needsAction");
    CHECK(attendees[1]["responseStatus"] == "accepted");

    f.calendar->Respond(f.grace, id, d::CalendarResponse::Declined);
    CHECK(f.fake.FindEvent(id)->body["attendees"][1]["responseStatus"] == "declined");
  }

  TEST_CASE("responding to an event that is gone does nothing") {
    Fixture f;
    CHECK_NOTHROW(f.calendar->Respond(f.grace, "gone", d::CalendarResponse::Accepted));
  }

  TEST_CASE("event status is active, then cancelled once deleted; an unknown event is cancelled") {
    Fixture f;
    const auto id = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    CHECK(f.calendar->EventStatus(f.ada, id) == d::CalendarEventStatus::Active);
    f.fake.CancelEvent(id);
    CHECK(f.calendar->EventStatus(f.ada, id) == d::CalendarEventStatus::Cancelled);
    CHECK(f.calendar->EventStatus(f.ada, "unknown") == d::CalendarEventStatus::Cancelled);
    f.fake.Server().Enqueue("/calendar/v3/calendars/primary/events/" + id,
                            FakeResponse::Status(410));
    CHECK(f.calendar->EventStatus(f.ada, id) == d::CalendarEventStatus::Cancelled);
  }

  TEST_CASE("no token appears in the log output of any call, at any level") {
    Fixture f;
    f.fake.MakeInvisible("grace@example.com");
    f.fake.FailNextWith401(1);
    f.calendar->FreeBusy(f.ada, {"ada@example.com", "grace@example.com"}, {At(1, 0), At(2, 0)});
    const auto id = f.calendar->CreateRecurringEvent(f.ada, Standup()).event_id;
    f.calendar->Respond(f.grace, id, d::CalendarResponse::Accepted);
    f.calendar->EventStatus(f.ada, id);
    f.calendar->DeleteEvent(f.ada, id);
    f.fake.FailNextWith401(1000);
    CHECK_THROWS(f.calendar->DeleteEvent(f.ada, id));

    const auto output = f.log.str();
    CHECK(output.find("401") != std::string::npos);  // the log did capture the calls
    CHECK(output.find(kAdaToken) == std::string::npos);
    CHECK(output.find(kGraceToken) == std::string::npos);
    CHECK(output.find("ya29") == std::string::npos);
    CHECK(output.find("Bearer") == std::string::npos);
  }
}
