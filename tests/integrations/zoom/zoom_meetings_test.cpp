#include <officer/integrations/zoom/zoom_meetings.hpp>

#include <chrono>
#include <mutex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <nlohmann/json.hpp>

#include <officer/domain/errors.hpp>
#include <officer/fakes/fake_zoom_api.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>
#include <officer/integrations/zoom/zoom_json.hpp>

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using officer::fakes::FakeResponse;
using officer::fakes::FakeZoomApi;
namespace d = officer::domain;
namespace http = officer::integrations::http;
namespace oauth = officer::integrations::oauth;
namespace zoom = officer::integrations::zoom;

constexpr std::string_view kAdaToken = "zoom-access-ada-secret";

d::StandupMeeting Standup() {
  d::StandupMeeting meeting;
  meeting.id = d::MeetingId("M1");
  meeting.organizer = d::UserId("U1");
  meeting.title = "Daily standup";
  meeting.start = d::TimeOfDay{9, 30};
  meeting.duration_minutes = 15;
  meeting.days = d::DaySet::Weekdays();
  meeting.zone_name = "Europe/Berlin";
  meeting.first_day = date::year{2026} / 12 / 1;  // a Tuesday
  meeting.location = d::VideoLink{"zoom", "", ""};
  return meeting;
}

// ZoomMeetings against a fresh fake; U1 is Ada. The token source hands out `next_tokens` first
// (then Ada's token) and records its calls; every log line goes to `log`.
struct Fixture {
  Fixture() {
    logger->set_level(spdlog::level::trace);
    fake.AddAccessToken(std::string(kAdaToken), "ada@example.com");
    http::HttpTransportConfig config;
    config.timeout = 10000ms;
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    meetings = std::make_unique<zoom::ZoomMeetings>(
        transport, fake.BaseUrl(),
        [this](const d::UserId& user, std::string_view rejected) {
          std::lock_guard lock(mutex);
          calls.emplace_back(user.value(), std::string(rejected));
          if (!next_tokens.empty()) {
            auto token = next_tokens.front();
            next_tokens.erase(next_tokens.begin());
            return token;
          }
          return std::string(kAdaToken);
        },
        logger);
  }

  FakeZoomApi fake;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "zoom", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  std::unique_ptr<zoom::ZoomMeetings> meetings;
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> calls;  // (user, rejected)
  std::vector<std::string> next_tokens;
  d::UserId ada{"U1"};
};

}  // namespace

TEST_SUITE("zoom meetings") {
  TEST_CASE("weekly days count Sunday as 1") {
    CHECK(zoom::WeeklyDays(d::DaySet::Weekdays()) == "2,3,4,5,6");
    CHECK(zoom::WeeklyDays(d::DaySet::Daily()) == "1,2,3,4,5,6,7");
    CHECK(zoom::WeeklyDays(d::DaySet::Of({date::Saturday, date::Monday})) == "2,7");
  }

  TEST_CASE("a recurring meeting is created for weekdays at 9:30 Berlin and its link returned") {
    Fixture f;
    const auto created = f.meetings->CreateRecurringMeeting(f.ada, Standup());

    const auto stored = f.fake.FindMeeting(created.external_id);
    REQUIRE(stored.has_value());
    CHECK(created.join_url == stored->join_url);
    CHECK(created.join_url.rfind("https://us05web.zoom.us/j/", 0) == 0);
    CHECK(created.external_id == std::to_string(stored->id));
    CHECK(stored->body == R"({
      "topic": "Daily standup", "type": 8,
      "start_time": "2026-12-01T09:30:00", "timezone": "Europe/Berlin", "duration": 15,
      "recurrence": {"type": 2, "repeat_interval": 1, "weekly_days": "2,3,4,5,6"},
      "settings": {"join_before_host": true, "waiting_room": false}})"_json);
    const auto requests = f.fake.Server().RequestsTo("/users/me/meetings");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].Header("authorization") == "Bearer " + std::string(kAdaToken));
  }

  TEST_CASE("the first occurrence is the first of the days on or after the first day") {
    auto meeting = Standup();
    meeting.first_day = date::year{2026} / 12 / 5;  // a Saturday
    CHECK(zoom::MeetingBody(meeting)["start_time"] == "2026-12-07T09:30:00");
    meeting.zone_name = "Mars/Olympus";
    CHECK_THROWS_AS(zoom::MeetingBody(meeting), officer::PermanentError);
  }

  TEST_CASE("a meeting is deleted on request, and one already gone (404, 3001) is done") {
    Fixture f;
    const auto created = f.meetings->CreateRecurringMeeting(f.ada, Standup());
    f.meetings->DeleteMeeting(f.ada, created.external_id);
    CHECK(f.fake.FindMeeting(created.external_id)->deleted);
    const auto requests = f.fake.Server().RequestsTo("/meetings/" + created.external_id);
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "DELETE");

    CHECK_NOTHROW(f.meetings->DeleteMeeting(f.ada, created.external_id));  // 404 code 3001
    CHECK_NOTHROW(f.meetings->DeleteMeeting(f.ada, "12345"));
    CHECK(f.fake.Server().RequestsTo("/meetings/" + created.external_id).size() == 2);
  }

  TEST_CASE("another refusal is a PermanentError naming Zoom's code; a 5xx is transient") {
    Fixture f;
    f.fake.Server().Enqueue("/meetings/77",
                            FakeResponse::Json(R"({"code":3000,"message":"Cannot delete"})", 400));
    try {
      f.meetings->DeleteMeeting(f.ada, "77");
      FAIL("expected PermanentError");
    } catch (const officer::PermanentError& error) {
      CHECK(std::string(error.what()).find("3000") != std::string::npos);
    }
    f.fake.Server().Enqueue("/users/me/meetings", FakeResponse::Status(502), 3);
    CHECK_THROWS_AS(f.meetings->CreateRecurringMeeting(f.ada, Standup()), officer::TransientError);
  }

  TEST_CASE("code 124 fetches a fresh token once, naming the rejected one, and retries") {
    Fixture f;
    SUBCASE("with HTTP 401, as Zoom answers") { f.fake.FailNextWithInvalidToken(1, 401); }
    SUBCASE("with another status") { f.fake.FailNextWithInvalidToken(1, 400); }
    const auto created = f.meetings->CreateRecurringMeeting(f.ada, Standup());
    CHECK(f.fake.FindMeeting(created.external_id).has_value());
    CHECK(f.calls == std::vector<std::pair<std::string, std::string>>{
                         {"U1", ""}, {"U1", std::string(kAdaToken)}});
    CHECK(f.fake.Server().CountTo("/users/me/meetings") == 2);
    CHECK(f.fake.Meetings().size() == 1);
  }

  TEST_CASE("an expired token is replaced by the source's fresh one") {
    Fixture f;
    f.next_tokens = {"zoom-access-expired"};
    const auto created = f.meetings->CreateRecurringMeeting(f.ada, Standup());
    CHECK_FALSE(created.external_id.empty());
    CHECK(f.calls == std::vector<std::pair<std::string, std::string>>{
                         {"U1", ""}, {"U1", "zoom-access-expired"}});
  }

  TEST_CASE("a fresh token refused too is ReconnectNeeded for zoom") {
    Fixture f;
    f.fake.FailNextWithInvalidToken(1000);
    try {
      f.meetings->DeleteMeeting(f.ada, "12345");
      FAIL("expected ReconnectNeeded");
    } catch (const oauth::ReconnectNeeded& error) {
      CHECK(error.Provider() == "zoom");
    }
    CHECK(f.calls.size() == 2);
  }

  TEST_CASE("no token or join link appears in the log output") {
    Fixture f;
    f.fake.FailNextWithInvalidToken(1);
    const auto created = f.meetings->CreateRecurringMeeting(f.ada, Standup());
    f.meetings->DeleteMeeting(f.ada, created.external_id);
    f.fake.FailNextWithInvalidToken(1000);
    CHECK_THROWS(f.meetings->DeleteMeeting(f.ada, created.external_id));
    const auto output = f.log.str();
    CHECK(output.find("401") != std::string::npos);  // the log did capture the calls
    CHECK(output.find(kAdaToken) == std::string::npos);
    CHECK(output.find("zoom-access") == std::string::npos);
    CHECK(output.find("Bearer") == std::string::npos);
    CHECK(output.find("pwd=") == std::string::npos);
  }
}
