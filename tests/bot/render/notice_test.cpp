#include <officer/bot/render/notice.hpp>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
namespace domain = officer::domain;
using nlohmann::json;
using render::testing::Berlin;
using render::testing::SampleMeeting;

}  // namespace

TEST_SUITE("render.notice") {
  TEST_CASE("a busy participant is told when they are busy and when the standup is") {
    const auto message = render::Notice(SampleMeeting(), domain::DirectMessageReason::Clash,
                                        "busy 09:00\u201310:00 on Tue 1 Dec", Berlin());
    CHECK(message.blocks == json::array({json::parse(R"({"type":"section","text":{"type":"mrkdwn",
        "text":"You're busy during *Daily standup*: busy 09:00\u201310:00 on Tue 1 Dec. It's at 9:30 Europe/Berlin on weekdays in <#C1>. If you can't make it, press Decline on the standup message."}})")}));
    CHECK(message.text ==
          "You're busy during Daily standup: busy 09:00\u201310:00 on Tue 1 Dec. It's at 9:30 "
          "Europe/Berlin on weekdays in <#C1>. If you can't make it, press Decline on the standup "
          "message.");
  }

  TEST_CASE("a daily standup reads every day, not on every day") {
    auto meeting = SampleMeeting();
    meeting.days = domain::DaySet::Daily();
    const auto message =
        render::Notice(meeting, domain::DirectMessageReason::Clash, "busy all day", Berlin());
    CHECK(message.text.find("It's at 9:30 Europe/Berlin every day in <#C1>.") != std::string::npos);
  }

  TEST_CASE("the organizer is told the room is booked and what to do") {
    auto meeting = SampleMeeting();
    meeting.location = domain::Room{"Room 4"};
    const auto message = render::Notice(meeting, domain::DirectMessageReason::RoomBusy,
                                        "busy 09:00\u201310:00 on Tue 1 Dec", Berlin());
    CHECK(message.blocks[0]["text"]["text"] ==
          "*Room 4* is booked during *Daily standup*: busy 09:00\u201310:00 on Tue 1 Dec. It's at "
          "9:30 Europe/Berlin on weekdays in <#C1>. Book another room, or cancel with `/standup "
          "cancel m-abc` and book again.");
  }

  TEST_CASE("an organizer whose Meet standup went on a calendar without Meet is told what to do") {
    auto meeting = SampleMeeting();
    meeting.location = domain::VideoLink{"meet", "", ""};
    const auto message =
        render::Notice(meeting, domain::DirectMessageReason::VideoLinkMissing, "", Berlin());
    CHECK(message.text ==
          "Daily standup in <#C1> has no Google Meet link: Google Meet links come with a connected "
          "Google Calendar, and the standup went on another calendar. Connect yours with "
          "`/standup connect google`, then cancel with `/standup cancel m-abc` and book again.");
  }

  TEST_CASE("a Teams standup without a Teams link points at connecting Microsoft 365") {
    auto meeting = SampleMeeting();
    meeting.location = domain::VideoLink{"teams", "", ""};
    const auto message =
        render::Notice(meeting, domain::DirectMessageReason::VideoLinkMissing, "", Berlin());
    CHECK(message.text.find("no Microsoft Teams link") != std::string::npos);
    CHECK(message.text.find("`/standup connect microsoft`") != std::string::npos);
  }

  TEST_CASE("participants are told who cancelled which standup") {
    auto meeting = SampleMeeting();
    meeting.status = domain::MeetingStatus::Cancelled;
    const auto message =
        render::Notice(meeting, domain::DirectMessageReason::Cancelled, "", Berlin());
    CHECK(message.blocks[0]["text"]["text"] ==
          "<@U1> cancelled *Daily standup* (weekdays 9:30 Europe/Berlin).");
    CHECK(message.text == "<@U1> cancelled Daily standup (weekdays 9:30 Europe/Berlin).");
  }

  TEST_CASE("titles, rooms and notes are escaped in notices") {
    auto meeting = SampleMeeting();
    meeting.title = "A&B <sync>";
    meeting.location = domain::Room{"<Room>"};
    const auto message =
        render::Notice(meeting, domain::DirectMessageReason::RoomBusy, "busy <then>", Berlin());
    CHECK(message.blocks[0]["text"]["text"].get<std::string>().starts_with(
        "*&lt;Room&gt;* is booked during *A&amp;B &lt;sync&gt;*: busy &lt;then&gt;."));
  }
}
