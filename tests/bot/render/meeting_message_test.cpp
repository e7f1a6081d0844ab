#include <officer/bot/render/meeting_message.hpp>

#include <string>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
namespace domain = officer::domain;
using nlohmann::json;
using render::testing::AllText;
using render::testing::Berlin;
using render::testing::FindBlock;
using render::testing::SampleMeeting;
using render::testing::TuesdayOccurrence;

render::SlackMessage Render(const domain::StandupMeeting& meeting) {
  return render::MeetingMessage(meeting, TuesdayOccurrence(), Berlin());
}

std::string SectionText(const json& blocks, std::size_t index) {
  REQUIRE(blocks.size() > index);
  REQUIRE(blocks[index]["type"] == "section");
  return blocks[index]["text"]["text"].get<std::string>();
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("render.meeting_message") {
  TEST_CASE("the message opens with the title as a header") {
    const auto message = Render(SampleMeeting());
    CHECK(message.blocks[0] == json::parse(R"({"type":"header",
        "text":{"type":"plain_text","text":"Daily standup","emoji":true}})"));
  }

  TEST_CASE("people see the days, time, zone, duration, next occurrence and video link") {
    const auto message = Render(SampleMeeting());
    CHECK(SectionText(message.blocks, 1) ==
          "*Weekdays* \u00b7 9:30 Europe/Berlin \u00b7 15 min\n"
          "Next: Tue 1 Dec 09:30\n"
          "Video: <https://zoom.us/j/123|Join Zoom>");
  }

  TEST_CASE("days read as every day or as a list of day names from Monday") {
    auto meeting = SampleMeeting();
    meeting.days = domain::DaySet::Daily();
    CHECK(SectionText(Render(meeting).blocks, 1).starts_with("*Every day* \u00b7"));
    meeting.days = domain::DaySet::Of({date::Friday, date::Monday, date::Wednesday});
    CHECK(SectionText(Render(meeting).blocks, 1).starts_with("*Mon, Wed, Fri* \u00b7"));
    meeting.days = domain::DaySet::Of({date::Sunday, date::Saturday});
    CHECK(SectionText(Render(meeting).blocks, 1).starts_with("*Sat, Sun* \u00b7"));
  }

  TEST_CASE("the next occurrence is shown in the meeting's zone across daylight saving") {
    using namespace date::literals;
    const date::sys_seconds summer =
        date::sys_days{2026_y / date::June / 2} + std::chrono::hours{7} + std::chrono::minutes{30};
    const auto message = render::MeetingMessage(
        SampleMeeting(), domain::Interval{summer, summer + std::chrono::minutes{15}}, Berlin());
    CHECK(SectionText(message.blocks, 1).find("Next: Tue 2 Jun 09:30") != std::string::npos);
  }

  TEST_CASE("without a next occurrence there is no Next line") {
    const auto message = render::MeetingMessage(SampleMeeting(), std::nullopt, Berlin());
    CHECK(SectionText(message.blocks, 1).find("Next:") == std::string::npos);
  }

  TEST_CASE("a Zoom meeting not created yet says its link is coming") {
    auto meeting = SampleMeeting();
    meeting.location = domain::VideoLink{"zoom", "", ""};
    CHECK(SectionText(Render(meeting).blocks, 1).ends_with("\nVideo: Zoom link coming\u2026"));
  }

  TEST_CASE("a Meet link is coming until the calendar event exists, and then it is not") {
    auto meeting = SampleMeeting();
    meeting.location = domain::VideoLink{"meet", "", ""};
    meeting.calendar_event_id.reset();
    CHECK(
        SectionText(Render(meeting).blocks, 1).ends_with("\nVideo: Google Meet link coming\u2026"));
    meeting.calendar_event_id = "ev-1";
    CHECK(SectionText(Render(meeting).blocks, 1)
              .ends_with("\nVideo: no Google Meet link (the organizer was told why)"));
    meeting.location = domain::VideoLink{"meet", "https://meet.google.com/a-b-c", ""};
    CHECK(SectionText(Render(meeting).blocks, 1)
              .ends_with("\nVideo: <https://meet.google.com/a-b-c|Join Google Meet>"));
  }

  TEST_CASE("a booked room shows its clash") {
    auto meeting = SampleMeeting();
    meeting.location = domain::Room{"Room <4>", "busy 09:00\u201310:00 on Tue 1 Dec"};
    CHECK(
        SectionText(Render(meeting).blocks, 1)
            .ends_with("\nRoom: Room &lt;4&gt; \u2014 booked, busy 09:00\u201310:00 on Tue 1 Dec"));
  }

  TEST_CASE("a room is named, and no location means no location line") {
    auto meeting = SampleMeeting();
    meeting.location = domain::Room{"Room 4"};
    CHECK(SectionText(Render(meeting).blocks, 1).ends_with("\nRoom: Room 4"));
    meeting.location = domain::NoLocation{};
    CHECK(SectionText(Render(meeting).blocks, 1) ==
          "*Weekdays* \u00b7 9:30 Europe/Berlin \u00b7 15 min\nNext: Tue 1 Dec 09:30");
  }

  TEST_CASE("every participant is listed with a mention and a status, the organizer marked") {
    auto meeting = SampleMeeting();
    meeting.participants.push_back({domain::UserId{"U3"}, "Cy", "", domain::ParticipantStatus::Busy,
                                    std::nullopt, "busy 09:00\u201310:00 on Tue 1 Dec"});
    meeting.participants.push_back(
        {domain::UserId{"U4"}, "Di", "", domain::ParticipantStatus::Declined, {}, {}});
    meeting.participants.push_back(
        {domain::UserId{"U5"}, "Ed", "", domain::ParticipantStatus::CalendarNotVisible, {}, {}});
    CHECK(SectionText(Render(meeting).blocks, 2) ==
          "*People* \u00b7 1 of 5 accepted\n"
          "\u2705 <@U1> (organizer) \u2014 accepted\n"
          "\u2709\ufe0f <@U2> \u2014 invited\n"
          "\u26a0\ufe0f <@U3> \u2014 busy 09:00\u201310:00 on Tue 1 Dec\n"
          "\u274c <@U4> \u2014 declined\n"
          "\u2754 <@U5> \u2014 calendar not visible");
  }

  TEST_CASE("the agenda is numbered and done items are struck through") {
    auto meeting = SampleMeeting();
    meeting.agenda = {{"Release plan", true, domain::UserId{"U1"}},
                      {"Retro <notes> & actions", false, domain::UserId{"U2"}}};
    CHECK(SectionText(Render(meeting).blocks, 3) ==
          "*Agenda*\n1. ~Release plan~\n2. Retro &lt;notes&gt; &amp; actions");
  }

  TEST_CASE("an empty agenda tells people how to add an item") {
    CHECK(SectionText(Render(SampleMeeting()).blocks, 3) ==
          "*Agenda* \u00b7 nothing yet. Add an item with `/standup agenda m-abc add &lt;text&gt;`");
  }

  TEST_CASE("a context line gives the meeting id and how to cancel it") {
    const auto message = Render(SampleMeeting());
    const auto* context = FindBlock(message.blocks, "context");
    REQUIRE(context != nullptr);
    CHECK(*context == json::parse(R"({"type":"context","elements":[
        {"type":"mrkdwn","text":"id: m-abc \u00b7 /standup cancel m-abc"}]})"));
  }

  TEST_CASE("Accept, Decline and a confirmed Cancel button carry the meeting id") {
    const auto message = Render(SampleMeeting());
    CHECK(message.blocks.back() == json::parse(R"({"type":"actions","elements":[
      {"type":"button","text":{"type":"plain_text","text":"Accept","emoji":true},
       "action_id":"standup_accept","value":"m-abc","style":"primary"},
      {"type":"button","text":{"type":"plain_text","text":"Decline","emoji":true},
       "action_id":"standup_decline","value":"m-abc"},
      {"type":"button","text":{"type":"plain_text","text":"Cancel","emoji":true},
       "action_id":"standup_cancel","value":"m-abc","style":"danger",
       "confirm":{"title":{"type":"plain_text","text":"Cancel standup?","emoji":true},
                  "text":{"type":"plain_text","text":"Cancel this standup for everyone?","emoji":true},
                  "confirm":{"type":"plain_text","text":"Cancel standup","emoji":true},
                  "deny":{"type":"plain_text","text":"Keep it","emoji":true},
                  "style":"danger"}}]})"));
  }

  TEST_CASE("a cancelled standup says so, keeps its details and offers no buttons") {
    auto meeting = SampleMeeting();
    meeting.status = domain::MeetingStatus::Cancelled;
    const auto message = render::MeetingMessage(meeting, std::nullopt, Berlin());
    CHECK(message.blocks[0]["text"]["text"] == "Cancelled: Daily standup");
    CHECK(SectionText(message.blocks, 1) ==
          "\U0001F6AB *Cancelled* by <@U1>. This standup won't take place any more.");
    CHECK(SectionText(message.blocks, 2) ==
          "*Weekdays* \u00b7 9:30 Europe/Berlin \u00b7 15 min\n"
          "Video: <https://zoom.us/j/123|Join Zoom>");
    CHECK(AllText(message.blocks).find("<@U2>") != std::string::npos);
    CHECK(FindBlock(message.blocks, "actions") == nullptr);
    CHECK(FindBlock(message.blocks, "context")->at("elements")[0]["text"] == "id: m-abc");
    CHECK(message.text == "Cancelled: Daily standup (weekdays 9:30 Europe/Berlin)");
  }

  TEST_CASE("the notification text summarises the standup in plain words") {
    CHECK(Render(SampleMeeting()).text ==
          "Daily standup: weekdays 9:30 Europe/Berlin, 15 min. Next: Tue 1 Dec 09:30");
  }

  TEST_CASE("text people typed cannot turn into mentions or links") {
    auto meeting = SampleMeeting();
    meeting.title = "R&D <!channel> sync";
    meeting.location = domain::Room{"<@U9> & co"};
    const auto message = Render(meeting);
    CHECK(message.blocks[0]["text"]["text"] == "R&D <!channel> sync");  // plain_text: literal
    CHECK(message.text.starts_with("R&amp;D &lt;!channel&gt; sync:"));
    CHECK(SectionText(message.blocks, 1).ends_with("\nRoom: &lt;@U9&gt; &amp; co"));
  }

  TEST_CASE("a join link cannot break out of its link markup") {
    auto meeting = SampleMeeting();
    meeting.location = domain::VideoLink{"zoom", "https://zoom.us/j/1?a=1&b=<x>|y", "1"};
    CHECK(SectionText(Render(meeting).blocks, 1)
              .ends_with("Video: <https://zoom.us/j/1?a=1&amp;b=%3Cx%3E%7Cy|Join Zoom>"));
  }

  TEST_CASE("an empty title still gives Slack a header") {
    auto meeting = SampleMeeting();
    meeting.title.clear();
    CHECK(Render(meeting).blocks[0]["text"]["text"] == "Standup");
  }

  TEST_CASE("a very long title is shortened to fit the header") {
    auto meeting = SampleMeeting();
    meeting.title = std::string(200, 'x');
    const std::string header = Render(meeting).blocks[0]["text"]["text"];
    CHECK(header == std::string(149, 'x') + "\u2026");
  }

  TEST_CASE("three hundred people fit within Block Kit limits and the rest are counted") {
    auto meeting = SampleMeeting();
    meeting.participants.clear();
    for (int i = 0; i < 300; ++i) {
      meeting.participants.push_back({domain::UserId{"U" + std::to_string(100000000 + i)}, "", "",
                                      domain::ParticipantStatus::Busy, std::nullopt,
                                      "busy Mon 30 Nov 23:00 \u2013 Tue 1 Dec 01:00"});
    }
    meeting.participants[0].user = meeting.organizer;
    const auto message = Render(meeting);
    CHECK(message.blocks.size() <= 50);
    std::size_t shown = 0;
    std::size_t more = 0;
    for (const auto& block : message.blocks) {
      if (block["type"] != "section") continue;
      const std::string text = block["text"]["text"];
      CHECK(text.size() <= 3000);
      shown += Count(text, "<@U");
      if (const auto at = text.find("\u2026and "); at != std::string::npos) {
        more = std::stoul(text.substr(at + std::string("\u2026and ").size()));
        CHECK(text.ends_with(" more"));
      }
    }
    CHECK(more > 0);
    CHECK(shown + more == 300);
  }

  TEST_CASE("a long agenda fits within Block Kit limits and the rest are counted") {
    auto meeting = SampleMeeting();
    for (int i = 0; i < 100; ++i) {
      meeting.agenda.push_back({std::string(300, '&'), false, domain::UserId{"U1"}});
    }
    const auto message = Render(meeting);
    CHECK(message.blocks.size() <= 50);
    bool counted = false;
    for (const auto& block : message.blocks) {
      if (block["type"] != "section") continue;
      const std::string text = block["text"]["text"];
      CHECK(text.size() <= 3000);
      CHECK(Count(text, "&") == Count(text, "&amp;"));  // no entity cut in half
      if (text.ends_with(" more items")) counted = true;
    }
    CHECK(counted);
  }
}
