#include <officer/bot/render/meeting_list.hpp>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
namespace domain = officer::domain;
using nlohmann::json;
using render::testing::Berlin;
using render::testing::SampleMeeting;
using render::testing::TuesdayOccurrence;

std::optional<domain::Interval> NoNext(const domain::StandupMeeting&) { return std::nullopt; }

}  // namespace

TEST_SUITE("render.meeting_list") {
  TEST_CASE("someone with no standups is told how to book one") {
    const auto message = render::MeetingList({}, domain::UserId{"U1"}, NoNext);
    CHECK(message.text == "You have no standups. Book one with `/standup book 9:30 @alice @bob`.");
    CHECK(message.blocks == json::parse(R"([{"type":"section","text":{"type":"mrkdwn",
        "text":"You have no standups. Book one with `/standup book 9:30 @alice @bob`."}}])"));
  }

  TEST_CASE("each standup is one line with id, title, schedule, role and the viewer's status") {
    auto organized = SampleMeeting();
    auto joined = SampleMeeting();
    joined.id = domain::MeetingId{"m-def"};
    joined.title = "Ops <sync>";
    joined.organizer = domain::UserId{"U2"};
    joined.participants[0].status = domain::ParticipantStatus::Invited;
    joined.start = {8, 0};
    joined.days = domain::DaySet::Of({date::Monday, date::Thursday});
    joined.zone_name = "UTC";
    const auto message = render::MeetingList({organized, joined}, domain::UserId{"U1"}, NoNext);
    CHECK(message.blocks[0]["text"]["text"] ==
          "*Your standups:*\n"
          "`m-abc` *Daily standup* \u2014 weekdays 9:30 Europe/Berlin \u00b7 organizer \u00b7 you: "
          "\u2705 accepted\n"
          "`m-def` *Ops &lt;sync&gt;* \u2014 Mon, Thu 8:00 UTC \u00b7 participant \u00b7 you: "
          "\u2709\ufe0f invited");
    CHECK(message.text == "Your standups: 2 standups");
    CHECK(message.blocks[1]["type"] == "context");
  }

  TEST_CASE("the next occurrence is shown in each meeting's zone, soonest first") {
    auto later = SampleMeeting();
    later.id = domain::MeetingId{"m-later"};
    auto sooner = SampleMeeting();
    sooner.id = domain::MeetingId{"m-soon"};
    const auto next_of = [](const domain::StandupMeeting& meeting) {
      auto occurrence = TuesdayOccurrence();
      if (meeting.id.value() == "m-later") occurrence.start += std::chrono::hours{24};
      return std::optional<domain::Interval>{occurrence};
    };
    const auto zone_of = [](const std::string&) { return &Berlin(); };
    const std::string text =
        render::MeetingList({later, sooner}, domain::UserId{"U1"}, next_of, zone_of)
            .blocks[0]["text"]["text"];
    const auto soon_at = text.find("`m-soon`");
    const auto later_at = text.find("`m-later`");
    CHECK(soon_at < later_at);
    CHECK(text.find("next Tue 1 Dec 09:30") != std::string::npos);
    CHECK(text.find("next Wed 2 Dec 09:30") != std::string::npos);
  }

  TEST_CASE("cancelled standups come last and are marked") {
    auto cancelled = SampleMeeting();
    cancelled.status = domain::MeetingStatus::Cancelled;
    cancelled.id = domain::MeetingId{"m-old"};
    const auto message =
        render::MeetingList({cancelled, SampleMeeting()}, domain::UserId{"U1"}, NoNext);
    const std::string text = message.blocks[0]["text"]["text"];
    CHECK(
        text.ends_with("`m-old` *Daily standup* \u2014 weekdays 9:30 Europe/Berlin \u00b7 "
                       "*cancelled*"));
  }

  TEST_CASE("a very long list stays within Block Kit limits and counts the rest") {
    std::vector<domain::StandupMeeting> meetings;
    for (int i = 0; i < 2000; ++i) {
      auto meeting = SampleMeeting();
      meeting.id = domain::MeetingId{"m-" + std::to_string(i)};
      meeting.title = std::string(150, 'x');
      meetings.push_back(meeting);
    }
    const auto message = render::MeetingList(meetings, domain::UserId{"U1"}, NoNext);
    CHECK(message.blocks.size() <= 50);
    for (const auto& block : message.blocks) {
      if (block["type"] == "section")
        CHECK(block["text"]["text"].get<std::string>().size() <= 3000);
    }
    CHECK(message.blocks[message.blocks.size() - 2]["text"]["text"].get<std::string>().ends_with(
        " more"));
  }
}
