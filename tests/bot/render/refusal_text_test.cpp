#include <officer/bot/render/refusal_text.hpp>

#include <doctest/doctest.h>

namespace render = officer::bot::render;
namespace domain = officer::domain;
using date::literals::operator""_y;

TEST_SUITE("render.refusal_text") {
  TEST_CASE("booking alone is refused with an example of naming someone") {
    CHECK(render::Explain(domain::TooFewPeople{1}) ==
          "A standup needs at least two people, you included. Only you would be in it. Name "
          "someone else, like `/standup book 9:30 @alice`.");
  }

  TEST_CASE("a bad duration, time or empty day list says what is allowed") {
    CHECK(render::Explain(domain::BadDuration{200}) ==
          "A standup lasts 5 to 120 minutes, not 200. Try `for 15m`.");
    CHECK(render::Explain(domain::BadTime{25, 7}) ==
          "25:07 isn't a time of day. Use a time like `9:30`, `2pm` or `14:00`.");
    CHECK(render::Explain(domain::NoDays{}) ==
          "Pick at least one day for the standup: `weekdays`, `daily`, or a list like "
          "`mon,wed,fri`.");
  }

  TEST_CASE("an unknown time zone is quoted, escaped, with examples of real ones") {
    CHECK(render::Explain(domain::UnknownTimeZone{"Mars/<Olympus>"}) ==
          "I don't know the time zone \u201cMars/&lt;Olympus&gt;\u201d. Use an IANA name like `tz "
          "Europe/Berlin` or `tz America/New_York`.");
  }

  TEST_CASE("a first day in the past names both days") {
    CHECK(render::Explain(domain::FirstDayInPast{2026_y / 1 / 2, 2026_y / 3 / 4}) ==
          "2026-01-02 is in the past (today is 2026-03-04 in the standup's time zone). Use `from` "
          "with today or a later day, or leave it out to start at the next possible day.");
  }

  TEST_CASE("who may do what is explained in plain words") {
    CHECK(render::Explain(domain::MeetingNotFound{domain::MeetingId{"m-x"}}) ==
          "There's no standup with the id `m-x`. `/standup list` shows yours with their ids.");
    CHECK(render::Explain(domain::NotAParticipant{
              domain::MeetingId{"m-x"}, domain::UserId{"U9"}}) == "You're not in this standup.");
    CHECK(
        render::Explain(domain::NotTheOrganizer{domain::MeetingId{"m-x"}, domain::UserId{"U1"}}) ==
        "Only <@U1>, who organized it, can cancel this standup.");
    CHECK(render::Explain(domain::AlreadyCancelled{domain::MeetingId{"m-x"}}) ==
          "That standup is already cancelled.");
  }

  TEST_CASE("a missing agenda item number says which numbers exist") {
    const domain::MeetingId id{"m-abc"};
    CHECK(render::Explain(domain::AgendaItemNotFound{id, 5, 3}) ==
          "The agenda of `m-abc` has items 1 to 3, so there's no item 5. `/standup agenda m-abc` "
          "lists them.");
    CHECK(render::Explain(domain::AgendaItemNotFound{id, 2, 1}).find("has only item 1,") !=
          std::string::npos);
    CHECK(render::Explain(domain::AgendaItemNotFound{id, 1, 0}) ==
          "The agenda of `m-abc` has no items yet. Add one with `/standup agenda m-abc add "
          "&lt;text&gt;`.");
  }

  TEST_CASE("agenda text and reminder leads out of range say the limit") {
    CHECK(render::Explain(domain::EmptyAgendaItem{}) ==
          "An agenda item needs some text, like `/standup agenda m-abc add Release plan`.");
    CHECK(render::Explain(domain::AgendaItemTooLong{300}) ==
          "An agenda item can be at most 300 characters. Shorten it, or split it into two items.");
    CHECK(render::Explain(domain::BadReminderLead{2000}) ==
          "A reminder can come at most 1440 minutes (24 hours) before a standup, not 2000 "
          "minutes. Try `/standup remind 10m`.");
  }

  TEST_CASE("a command mistake is escaped and followed by its usage") {
    const officer::bot::slack::CommandError error{"\u201c<@U1>&\u201d isn't a time.",
                                                  "/standup book <time> <who…>"};
    CHECK(render::Explain(error) ==
          "\u201c&lt;@U1&gt;&amp;\u201d isn't a time.\n```/standup book &lt;time&gt; "
          "&lt;who…&gt;```");
    CHECK(render::WithUsage("No.", "") == "No.");
  }
}
