#include <officer/bot/render/mrkdwn.hpp>

#include <doctest/doctest.h>

namespace render = officer::bot::render;
namespace domain = officer::domain;

TEST_SUITE("render.mrkdwn") {
  TEST_CASE("ampersands and angle brackets people type are shown, never read as markup") {
    CHECK(render::EscapeMrkdwn("R&D <@U1> <!channel>") == "R&amp;D &lt;@U1&gt; &lt;!channel&gt;");
    CHECK(render::EscapeMrkdwn("*bold* _it_ ~s~") == "*bold* _it_ ~s~");
  }

  TEST_CASE("a shortened text ends in an ellipsis and never splits a character") {
    CHECK(render::Truncate("standup", 10) == "standup");
    CHECK(render::Truncate("standup", 7) == "standup");
    CHECK(render::Truncate("standup", 5) == "stan\u2026");
    CHECK(render::Truncate("\u00e4\u00f6\u00fc\u00df", 3) == "\u00e4\u00f6\u2026");
    CHECK(render::Truncate("\U0001F600\U0001F600\U0001F600", 2) == "\U0001F600\u2026");
    CHECK(render::Truncate("abc", 0).empty());
  }

  TEST_CASE("people and channels are written as Slack mentions") {
    CHECK(render::Mention(domain::UserId{"U1"}) == "<@U1>");
    CHECK(render::ChannelLink(domain::ChannelId{"C1"}) == "<#C1>");
  }

  TEST_CASE("a link's label is escaped and its address cannot end the link early") {
    CHECK(render::Link("https://zoom.us/j/1", "Join Zoom") == "<https://zoom.us/j/1|Join Zoom>");
    CHECK(render::Link("https://x.test/a b|c>", "A & B") ==
          "<https://x.test/a%20b%7Cc%3E|A &amp; B>");
  }
}
