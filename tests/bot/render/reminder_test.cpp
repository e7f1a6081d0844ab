#include <officer/bot/render/reminder.hpp>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
namespace domain = officer::domain;
using nlohmann::json;
using render::testing::Berlin;
using render::testing::SampleMeeting;
using render::testing::TuesdayOccurrence;
using std::chrono::minutes;

}  // namespace

TEST_SUITE("render.reminder") {
  TEST_CASE("a reminder says when the standup starts and links the video call") {
    const auto message =
        render::Reminder(SampleMeeting(), TuesdayOccurrence(), minutes{10}, Berlin());
    CHECK(message.text == "Daily standup starts in 10 minutes (09:30 Europe/Berlin)");
    CHECK(message.blocks == json::parse(R"([
      {"type":"section","text":{"type":"mrkdwn","text":
        "*Daily standup* starts in 10 minutes (09:30 Europe/Berlin)\nVideo: <https://zoom.us/j/123|Join Zoom>"}},
      {"type":"context","elements":[{"type":"mrkdwn",
        "text":"id: m-abc \u00b7 /standup remind off m-abc to stop these"}]}])"));
  }

  TEST_CASE("a reminder names the room and lists only the open agenda items by number") {
    auto meeting = SampleMeeting();
    meeting.location = domain::Room{"Room 4"};
    meeting.agenda = {{"Release plan", true, domain::UserId{"U1"}},
                      {"Retro & notes", false, domain::UserId{"U2"}}};
    const auto message = render::Reminder(meeting, TuesdayOccurrence(), minutes{60}, Berlin());
    CHECK(message.blocks[0]["text"]["text"] ==
          "*Daily standup* starts in 1 hour (09:30 Europe/Berlin)\nRoom: Room 4");
    CHECK(message.blocks[1]["text"]["text"] == "*Agenda*\n2. Retro &amp; notes");
  }

  TEST_CASE("a reminder with no lead says the standup starts now") {
    const auto message =
        render::Reminder(SampleMeeting(), TuesdayOccurrence(), minutes{0}, Berlin());
    CHECK(message.text == "Daily standup starts now (09:30 Europe/Berlin)");
  }
}
