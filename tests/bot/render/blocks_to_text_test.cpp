#include <officer/bot/render/blocks_to_text.hpp>

#include <doctest/doctest.h>

#include <officer/bot/render/meeting_message.hpp>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
using nlohmann::json;

}  // namespace

TEST_SUITE("render.blocks_to_text") {
  TEST_CASE("the meeting message reads well in a terminal") {
    const auto message =
        render::MeetingMessage(render::testing::SampleMeeting(),
                               render::testing::TuesdayOccurrence(), render::testing::Berlin());
    CHECK(render::BlocksToText(message.blocks) ==
          "Daily standup\n"
          "Weekdays \u00b7 9:30 Europe/Berlin \u00b7 15 min\n"
          "Next: Tue 1 Dec 09:30\n"
          "Video: Join Zoom (https://zoom.us/j/123)\n"
          "People \u00b7 1 of 2 accepted\n"
          "\u2705 @U1 (organizer) \u2014 accepted\n"
          "\u2709\ufe0f @U2 \u2014 invited\n"
          "Agenda \u00b7 nothing yet. Add an item with `/standup agenda m-abc add <text>`\n"
          "id: m-abc \u00b7 /standup cancel m-abc\n"
          "[Accept] [Decline] [Cancel]");
  }

  TEST_CASE("mentions, channels, groups and links become readable words") {
    CHECK(render::MrkdwnToText("<@U2> and <@U3|bob> in <#C1> or <#C2|general>") ==
          "@U2 and @bob in #C1 or #general");
    CHECK(render::MrkdwnToText("<!here> <!subteam^S1> <!subteam^S2|@devs>") == "@here @S1 @devs");
    CHECK(render::MrkdwnToText("<https://x.test/?a=1&amp;b=2|A &amp; B> <https://y.test>") ==
          "A & B (https://x.test/?a=1&b=2) https://y.test");
  }

  TEST_CASE("bold markers go but other asterisks and escaped text stay") {
    CHECK(render::MrkdwnToText("*Daily standup* starts") == "Daily standup starts");
    CHECK(render::MrkdwnToText("*<@U1>* said 2*3 * 4 &lt;b&gt; &amp;") == "@U1 said 2*3 * 4 <b> &");
    CHECK(render::MrkdwnToText("~struck~ _it_ `code`") == "~struck~ _it_ `code`");
    CHECK(render::MrkdwnToText("*open\nclose*") == "*open\nclose*");
  }

  TEST_CASE("context elements, fields, dividers and plain text are shown") {
    const json blocks = json::parse(R"([
      {"type":"header","text":{"type":"plain_text","text":"R&D *sync*"}},
      {"type":"divider"},
      {"type":"section","fields":[{"type":"mrkdwn","text":"*a*"},{"type":"plain_text","text":"b"}]},
      {"type":"context","elements":[{"type":"mrkdwn","text":"one"},{"type":"mrkdwn","text":"two"}]},
      {"type":"unknown"}])");
    CHECK(
        render::BlocksToText(blocks) ==
        "R&D *sync*\n\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\na\nb\none  two");
  }

  TEST_CASE("anything that is not a list of blocks gives no text") {
    CHECK(render::BlocksToText(json::object()).empty());
    CHECK(render::BlocksToText(json::parse(R"([1, "x", {"type":"section"}])")).empty());
  }
}
