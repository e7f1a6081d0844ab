#include <officer/bot/slack/command_text.hpp>

#include <string>

#include <doctest/doctest.h>

namespace {

namespace slack = officer::bot::slack;
using slack::BookCommand;
using slack::CommandError;
using slack::ParseCommandText;

template <class T>
T Parse(std::string_view text) {
  auto parsed = ParseCommandText(text);
  if (!parsed) {
    FAIL("unexpected error: " << parsed.error().message);
  }
  REQUIRE(std::holds_alternative<T>(*parsed));
  return std::get<T>(*std::move(parsed));
}

BookCommand Book(std::string_view text) { return Parse<BookCommand>(text); }

CommandError Error(std::string_view text) {
  auto parsed = ParseCommandText(text);
  REQUIRE_FALSE(parsed);
  return std::move(parsed).error();
}

std::string Message(std::string_view text) { return Error(text).message; }

using Ids = std::vector<std::string>;

constexpr slack::DaySet kMonWedFri{true, false, true, false, true, false, false};

}  // namespace

TEST_SUITE("bot.slack.command_text") {
  // ---- top level -------------------------------------------------------------------------

  TEST_CASE("empty text opens the booking modal") {
    Parse<slack::OpenModalCommand>("");
    Parse<slack::OpenModalCommand>("   \n\t ");
  }

  TEST_CASE("help, usage and ? ask for help in any case") {
    Parse<slack::HelpCommand>("help");
    Parse<slack::HelpCommand>("  HELP  ");
    Parse<slack::HelpCommand>("usage");
    Parse<slack::HelpCommand>("?");
    Parse<slack::HelpCommand>("help book");
  }

  TEST_CASE("an unknown command names the word and points at help with the full usage") {
    const auto error = Error("bok 9:30");
    CHECK(error.message == "I don't know the command “bok”. /standup help lists what I can do.");
    CHECK(error.usage == slack::UsageText());
  }

  TEST_CASE("text that starts with a mention is not a command") {
    CHECK(Message("<@U1> book") ==
          "I don't know the command “<@U1>”. /standup help lists what I can do.");
  }

  TEST_CASE("usage lines use the slash command the caller names") {
    const auto parsed = ParseCommandText("cancel", "/officer");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().usage == "/officer cancel ID");
    CHECK(parsed.error().message.find("/officer list") != std::string::npos);
  }

  // ---- book: time ------------------------------------------------------------------------

  TEST_CASE("book reads 24-hour times with one or two hour digits") {
    auto book = Book("book 9:30 <@U1>");
    CHECK(book.hour == 9);
    CHECK(book.minute == 30);
    book = Book("book 09:30 <@U1>");
    CHECK(book.hour == 9);
    book = Book("book 14:00 <@U1>");
    CHECK(book.hour == 14);
    CHECK(book.minute == 0);
    book = Book("book 0:05 <@U1>");
    CHECK(book.hour == 0);
    CHECK(book.minute == 5);
  }

  TEST_CASE("book reads 12-hour times with am or pm, glued or separate, in any case") {
    auto book = Book("book 9:30am <@U1>");
    CHECK((book.hour == 9 && book.minute == 30));
    book = Book("book 2pm <@U1>");
    CHECK((book.hour == 14 && book.minute == 0));
    book = Book("book 9:30 am <@U1>");
    CHECK((book.hour == 9 && book.minute == 30));
    book = Book("book 2 PM <@U1>");
    CHECK(book.hour == 14);
    book = Book("book 9:30AM <@U1>");
    CHECK(book.hour == 9);
    book = Book("book 4:15p.m. <@U1>");
    CHECK((book.hour == 16 && book.minute == 15));
  }

  TEST_CASE("12am is midnight and 12pm is noon") {
    CHECK(Book("book 12am <@U1>").hour == 0);
    CHECK(Book("book 12:30am <@U1>").hour == 0);
    CHECK(Book("book 12pm <@U1>").hour == 12);
    CHECK(Book("book 12:45pm <@U1>").minute == 45);
  }

  TEST_CASE("the time may come after the people") {
    const auto book = Book("book <@U1> 10:15");
    CHECK(book.hour == 10);
    CHECK(book.who.users == Ids{"U1"});
  }

  TEST_CASE("an hour past 23 is refused") {
    CHECK(Message("book 25:00 <@U1>") == "“25:00” isn't a valid time: the hour goes from 0 to 23.");
    CHECK(Message("book 24:00 <@U1>") == "“24:00” isn't a valid time: the hour goes from 0 to 23.");
  }

  TEST_CASE("minutes past 59 are refused") {
    CHECK(Message("book 9:60 <@U1>") == "“9:60” isn't a valid time: minutes go from 00 to 59.");
  }

  TEST_CASE("an hour past 12 with am or pm is refused") {
    CHECK(Message("book 13pm <@U1>") ==
          "“13pm” isn't a valid time: with am or pm the hour goes from 1 to 12.");
    CHECK(Message("book 0am <@U1>") ==
          "“0am” isn't a valid time: with am or pm the hour goes from 1 to 12.");
    CHECK(Message("book 14:00 pm <@U1>") ==
          "“14:00pm” isn't a valid time: with am or pm the hour goes from 1 to 12.");
  }

  TEST_CASE("one-digit minutes are refused") {
    CHECK(Message("book 9:3 <@U1>") ==
          "“9:3” isn't a valid time: write the minutes with two digits, like 9:05.");
  }

  TEST_CASE("a time with trailing junk is refused as a time") {
    CHECK(Message("book 9:30x <@U1>") ==
          "“9:30x” isn't a valid time. Write it like 9:30, 14:00 or 2pm.");
  }

  TEST_CASE("a bare number is not taken as a time") {
    CHECK(Message("book 9 <@U1>") == "“9” isn't a time. Write it as 9:00 or 9am.");
  }

  TEST_CASE("two times are refused") {
    CHECK(Message("book 9:30 <@U1> 10am") == "You gave two times, “9:30” and “10am”. Keep one.");
  }

  TEST_CASE("book without a time says so and shows the book usage") {
    const auto error = Error("book <@U1>");
    CHECK(error.message == "Tell me when: add a time such as 9:30 or 2pm.");
    CHECK(error.usage == slack::BookUsageLine());
  }

  TEST_CASE("book with no arguments asks for the time first") {
    CHECK(Message("book") == "Tell me when: add a time such as 9:30 or 2pm.");
    CHECK(Message("  BOOK   ") == "Tell me when: add a time such as 9:30 or 2pm.");
  }

  // ---- book: who -------------------------------------------------------------------------

  TEST_CASE("book keeps users, user groups and channels apart, in the order typed") {
    const auto book = Book(
        "book 9:30 <@U2|bob> <!subteam^S1|@devs> <@W3> <#C9|general> <@U1> <!subteam^S0> <#G7>");
    CHECK(book.who.users == Ids{"U2", "W3", "U1"});
    CHECK(book.who.usergroups == Ids{"S1", "S0"});
    CHECK(book.who.channels == Ids{"C9", "G7"});
  }

  TEST_CASE("duplicate mentions are kept once, with or without labels") {
    const auto book =
        Book("book 9:30 <@U1> <@U2> <@U1|alice> <#C1> <#C1|x> <!subteam^S1|@a> <!subteam^S1>");
    CHECK(book.who.users == Ids{"U1", "U2"});
    CHECK(book.who.channels == Ids{"C1"});
    CHECK(book.who.usergroups == Ids{"S1"});
  }

  TEST_CASE("mentions separated by commas and 'and' are all read") {
    const auto book = Book("book 9:30 with <@U1>, <@U2>,<@U3> and <@U4>");
    CHECK(book.who.users == Ids{"U1", "U2", "U3", "U4"});
  }

  TEST_CASE("the reference standup text parses") {
    const auto book = Book("book 9:30 <@U0123ABCD|alice> <!subteam^S0456EFGH|@team>");
    CHECK(book.who.users == Ids{"U0123ABCD"});
    CHECK(book.who.usergroups == Ids{"S0456EFGH"});
  }

  TEST_CASE("book without anyone to invite says so") {
    CHECK(Message("book 9:30") ==
          "Tell me who joins: mention at least one @person, @user-group or #channel.");
  }

  TEST_CASE("a plain-text @name is refused with how to make it a mention") {
    CHECK(Message("book 9:30 @alice") ==
          "“@alice” reached me as plain text, not a mention. Pick the person or group from "
          "Slack's suggestions as you type @ so it turns into a link.");
  }

  TEST_CASE("a plain-text #channel is refused with how to make it a link") {
    CHECK(Message("book 9:30 #general")
              .starts_with("“#general” reached me as plain text, not a channel."));
  }

  TEST_CASE("@here and @channel are refused in favour of a #channel") {
    CHECK(Message("book 9:30 <!here>") ==
          "I can't book “@here”. Mention the #channel instead and I'll invite its members.");
    CHECK(Message("book 9:30 <!channel|@channel>") ==
          "I can't book “@channel”. Mention the #channel instead and I'll invite its members.");
  }

  TEST_CASE("links and malformed mentions are refused") {
    CHECK(Message("book 9:30 <https://example.com>") ==
          "I can't book “<https://example.com>”. Mention people and user groups with @, or a "
          "#channel.");
    CHECK(Message("book 9:30 <@>").starts_with("I can't book “<@>”."));
    CHECK(Message("book 9:30 <@u1>").starts_with("I can't book “<@u1>”."));
    CHECK(Message("book 9:30 <@C1>").starts_with("I can't book “<@C1>”."));
  }

  // ---- book: days ------------------------------------------------------------------------

  TEST_CASE("book repeats on weekdays by default") {
    CHECK(Book("book 9:30 <@U1>").days == slack::kWeekdays);
    CHECK(Book("book 9:30 <@U1> weekdays").days == slack::kWeekdays);
  }

  TEST_CASE("daily means every day of the week") {
    CHECK(Book("book 9:30 <@U1> daily").days == slack::kEveryDay);
    CHECK(Book("book 9:30 <@U1> EVERYDAY").days == slack::kEveryDay);
  }

  TEST_CASE("a comma list of days picks those days") {
    CHECK(Book("book 9:30 <@U1> mon,wed,fri").days == kMonWedFri);
  }

  TEST_CASE("days may be full names, plural, any case, or spaced after commas") {
    CHECK(Book("book 9:30 <@U1> Monday,WEDNESDAY,fridays").days == kMonWedFri);
    CHECK(Book("book 9:30 <@U1> on mon, wed, fri").days == kMonWedFri);
    CHECK(Book("book 9:30 <@U1> every Mon Wed Fri").days == kMonWedFri);
  }

  TEST_CASE("a day range covers every day between its ends") {
    CHECK(Book("book 9:30 <@U1> mon-fri").days == slack::kWeekdays);
    CHECK(Book("book 9:30 <@U1> tue-thu").days ==
          slack::DaySet{false, true, true, true, false, false, false});
  }

  TEST_CASE("a day range may wrap around the weekend") {
    CHECK(Book("book 9:30 <@U1> fri-mon").days ==
          slack::DaySet{true, false, false, false, true, true, true});
  }

  TEST_CASE("an unknown day inside a day list is named") {
    CHECK(Message("book 9:30 <@U1> mon,wed,fry") ==
          "I don't know the day “fry” in “mon,wed,fry”. Use mon, tue, wed, thu, fri, sat, sun, "
          "or a range like mon-fri.");
    CHECK(Message("book 9:30 <@U1> mon-fry").starts_with("I don't know the day “fry”"));
  }

  // ---- book: duration --------------------------------------------------------------------

  TEST_CASE("book lasts 15 minutes by default") {
    CHECK(Book("book 9:30 <@U1>").duration_minutes == 15);
  }

  TEST_CASE("for sets the duration in several spellings") {
    CHECK(Book("book 9:30 <@U1> for 30m").duration_minutes == 30);
    CHECK(Book("book 9:30 <@U1> for 30 min").duration_minutes == 30);
    CHECK(Book("book 9:30 <@U1> FOR 30Minutes").duration_minutes == 30);
    CHECK(Book("book 9:30 <@U1> for 20").duration_minutes == 20);
    CHECK(Book("book 9:30 <@U1> for 1h").duration_minutes == 60);
    CHECK(Book("book 9:30 <@U1> for 2 hours").duration_minutes == 120);
  }

  TEST_CASE("durations of exactly 5 and 120 minutes are allowed") {
    CHECK(Book("book 9:30 <@U1> for 5m").duration_minutes == 5);
    CHECK(Book("book 9:30 <@U1> for 120m").duration_minutes == 120);
  }

  TEST_CASE("a duration outside 5 to 120 minutes is refused") {
    for (const std::string_view text :
         {"book 9:30 <@U1> for 4m", "book 9:30 <@U1> for 121m", "book 9:30 <@U1> for 3h",
          "book 9:30 <@U1> for 0m", "book 9:30 <@U1> for 99999999999m"}) {
      CAPTURE(text);
      CHECK(Message(text) == "Duration must be between 5 and 120 minutes.");
    }
  }

  TEST_CASE("for without a duration is refused") {
    CHECK(Message("book 9:30 <@U1> for") == "“for” needs a duration in minutes, like for 15m.");
    CHECK(Message("book 9:30 <@U1> for ever") ==
          "“for” needs a duration in minutes, like for 15m.");
  }

  TEST_CASE("a duration without for is refused with a suggestion") {
    CHECK(Message("book 9:30 <@U1> 30m") == "I don't understand “30m”. Did you mean “for 30m”?");
  }

  TEST_CASE("for given twice is refused") {
    CHECK(Message("book 9:30 <@U1> for 15m for 30m") == "You gave “for” twice. Keep one.");
  }

  // ---- book: tz, location, title, from ---------------------------------------------------

  TEST_CASE("tz keeps the zone name as typed") {
    CHECK(Book("book 9:30 <@U1> tz Europe/Berlin").time_zone == "Europe/Berlin");
    CHECK(Book("book 9:30 <@U1> TZ America/Argentina/Buenos_Aires").time_zone ==
          "America/Argentina/Buenos_Aires");
    CHECK_FALSE(Book("book 9:30 <@U1>").time_zone.has_value());
  }

  TEST_CASE("tz without a zone is refused") {
    CHECK(Message("book 9:30 <@U1> tz") == "“tz” needs a time zone name, like tz Europe/Berlin.");
    CHECK(Message("book 9:30 <@U1> tz \"Europe/Berlin\"") ==
          "“tz” needs a time zone name, like tz Europe/Berlin.");
  }

  TEST_CASE("a zone name without tz is refused with a suggestion") {
    CHECK(Message("book 9:30 <@U1> Europe/Berlin") ==
          "I don't understand “Europe/Berlin”. Did you mean “tz Europe/Berlin”?");
  }

  TEST_CASE("tz given twice is refused") {
    CHECK(Message("book 9:30 <@U1> tz UTC tz Europe/Berlin") == "You gave “tz” twice. Keep one.");
  }

  TEST_CASE("no location is asked for by default") {
    CHECK(std::holds_alternative<slack::DefaultLocation>(Book("book 9:30 <@U1>").location));
  }

  TEST_CASE("zoom asks for a Zoom meeting") {
    CHECK(Book("book 9:30 <@U1> Zoom").location ==
          slack::Location{slack::VideoLocation{slack::VideoProvider::kZoom}});
    CHECK(Book("book 9:30 <@U1> zoom zoom").location ==
          slack::Location{slack::VideoLocation{slack::VideoProvider::kZoom}});
  }

  TEST_CASE("room takes a quoted name or a single word such as an e-mail") {
    CHECK(Book(R"(book 9:30 <@U1> room "Berlin 3.01")").location ==
          slack::Location{slack::RoomLocation{"Berlin 3.01"}});
    CHECK(Book("book 9:30 <@U1> room “Big  room ”").location ==
          slack::Location{slack::RoomLocation{"Big  room"}});
    CHECK(Book("book 9:30 <@U1> room berlin-301@corp.example").location ==
          slack::Location{slack::RoomLocation{"berlin-301@corp.example"}});
  }

  TEST_CASE("room without a name is refused") {
    CHECK(Message("book 9:30 <@U1> room") ==
          "“room” needs the room's name or e-mail, like room \"Berlin 3.01\".");
    CHECK(Message("book 9:30 <@U1> room \"  \"") ==
          "“room” needs the room's name or e-mail, like room \"Berlin 3.01\".");
  }

  TEST_CASE("two rooms are refused naming both") {
    CHECK(Message(R"(book 9:30 <@U1> room "A" room "B")") ==
          "You gave two rooms, “A” and “B”. A standup meets in one room.");
  }

  TEST_CASE("meet and teams ask for the calendar's own Google Meet or Teams link") {
    CHECK(Book("book 9:30 <@U1> meet").location ==
          slack::Location{slack::VideoLocation{slack::VideoProvider::kMeet}});
    CHECK(Book("book 9:30 <@U1> Teams").location ==
          slack::Location{slack::VideoLocation{slack::VideoProvider::kTeams}});
  }

  TEST_CASE("zoom and a room together are refused in either order") {
    const std::string one =
        "Choose one of zoom, meet, teams or a room: a standup has one place to meet.";
    CHECK(Message(R"(book 9:30 <@U1> zoom room "A")") == one);
    CHECK(Message(R"(book 9:30 <@U1> room "A" zoom)") == one);
  }

  TEST_CASE("two different video links, or meet with a room, are refused") {
    const std::string one =
        "Choose one of zoom, meet, teams or a room: a standup has one place to meet.";
    CHECK(Message("book 9:30 <@U1> zoom meet") == one);
    CHECK(Message("book 9:30 <@U1> teams meet") == one);
    CHECK(Message(R"(book 9:30 <@U1> meet room "A")") == one);
  }

  TEST_CASE("the title defaults to Daily standup") {
    CHECK(Book("book 9:30 <@U1>").title == "Daily standup");
  }

  TEST_CASE("a quoted title is used as typed, trimmed") {
    CHECK(Book(R"(book 9:30 <@U1> "  Team sync  ")").title == "Team sync");
    CHECK(Book("book “Morning sync” 9:30 <@U1>").title == "Morning sync");
  }

  TEST_CASE("a title keeps emoji and decodes Slack's entities") {
    CHECK(Book("book 9:30 <@U1> \"🎉 R&amp;D ☕ sync\"").title == "🎉 R&D ☕ sync");
  }

  TEST_CASE("the title and the room are told apart") {
    const auto book = Book(R"(book 9:30 <@U1> "Sync" room "Big room")");
    CHECK(book.title == "Sync");
    CHECK(book.location == slack::Location{slack::RoomLocation{"Big room"}});
  }

  TEST_CASE("two titles are refused naming both") {
    CHECK(Message(R"(book 9:30 <@U1> "A" "B")") ==
          "You gave two titles, “A” and “B”. Keep one in double quotes.");
  }

  TEST_CASE("an empty title is refused") {
    CHECK(Message(R"(book 9:30 <@U1> "")").starts_with("The title in quotes is empty."));
  }

  TEST_CASE("a title longer than 150 characters is refused, counting characters not bytes") {
    std::string emoji_title;
    for (int i = 0; i < 150; ++i) {
      emoji_title += "🎉";
    }
    CHECK(Book("book 9:30 <@U1> \"" + emoji_title + "\"").title == emoji_title);
    CHECK(Message("book 9:30 <@U1> \"" + emoji_title + "x\"") ==
          "The title is 151 characters long. Keep it to 150.");
  }

  TEST_CASE("an unterminated title quote is refused with the book usage") {
    const auto error = Error(R"(book 9:30 <@U1> "Team sync)");
    CHECK(error.message.starts_with("The quote before “Team sync” is never closed."));
    CHECK(error.usage == slack::BookUsageLine());
  }

  TEST_CASE("from sets the first day") {
    CHECK(Book("book 9:30 <@U1> from 2026-05-04").first_day ==
          date::year_month_day{date::year{2026}, date::May, date::day{4}});
    CHECK(Book("book 9:30 <@U1> from 2028-02-29").first_day ==
          date::year_month_day{date::year{2028}, date::February, date::day{29}});
    CHECK_FALSE(Book("book 9:30 <@U1>").first_day.has_value());
  }

  TEST_CASE("from with a date that is not on the calendar is refused") {
    CHECK(Message("book 9:30 <@U1> from 2026-02-30") ==
          "“2026-02-30” isn't a date on the calendar.");
    CHECK(Message("book 9:30 <@U1> from 2027-02-29") ==
          "“2027-02-29” isn't a date on the calendar.");
    CHECK(Message("book 9:30 <@U1> from 2026-13-01") ==
          "“2026-13-01” isn't a date on the calendar.");
  }

  TEST_CASE("from without a YYYY-MM-DD date is refused") {
    for (const std::string_view text :
         {"book 9:30 <@U1> from", "book 9:30 <@U1> from 4/5/2026", "book 9:30 <@U1> from 2026-5-4",
          "book 9:30 <@U1> from tomorrow"}) {
      CAPTURE(text);
      CHECK(Message(text) ==
            "“from” needs the first day written YYYY-MM-DD, like from 2026-05-04.");
    }
  }

  TEST_CASE("a date without from is refused with a suggestion") {
    CHECK(Message("book 9:30 <@U1> 2026-05-04") ==
          "I don't understand “2026-05-04”. Did you mean “from 2026-05-04”?");
  }

  TEST_CASE("an unknown word in book is named") {
    const auto error = Error("book 9:30 <@U1> webex");
    CHECK(error.message ==
          "I don't understand “webex”. Check the spelling, or put a title in double quotes.");
    CHECK(error.usage == slack::BookUsageLine());
  }

  TEST_CASE("a full booking with every option in mixed order and case parses") {
    const auto book = Book(
        "  Book <#C1|general>  “Platform standup 🚀”  MON,wed,Fri  2:15 PM for 20 min "
        "tz Europe/Berlin <@U1|alice>   ZOOM from 2026-05-04 <!subteam^S1|@platform> <@U1> ");
    BookCommand expected;
    expected.hour = 14;
    expected.minute = 15;
    expected.who.users = {"U1"};
    expected.who.usergroups = {"S1"};
    expected.who.channels = {"C1"};
    expected.days = kMonWedFri;
    expected.duration_minutes = 20;
    expected.time_zone = "Europe/Berlin";
    expected.location = slack::VideoLocation{slack::VideoProvider::kZoom};
    expected.title = "Platform standup 🚀";
    expected.first_day = date::year_month_day{date::year{2026}, date::May, date::day{4}};
    CHECK(book == expected);
  }

  // ---- list, cancel ----------------------------------------------------------------------

  TEST_CASE("list lists") {
    Parse<slack::ListCommand>("list");
    Parse<slack::ListCommand>(" LIST ");
  }

  TEST_CASE("list with anything after it is refused") {
    CHECK(Message("list all") == "“list” doesn't take “all”. Remove it.");
  }

  TEST_CASE("cancel takes one standup id") {
    CHECK(Parse<slack::CancelCommand>("cancel 42").meeting_id == "42");
    CHECK(Parse<slack::CancelCommand>("Cancel abc-123").meeting_id == "abc-123");
  }

  TEST_CASE("cancel drops a leading hash from the id") {
    CHECK(Parse<slack::CancelCommand>("cancel #42").meeting_id == "42");
  }

  TEST_CASE("cancel without an id says how to find one") {
    const auto error = Error("cancel");
    CHECK(error.message ==
          "Tell me which standup to cancel, like cancel 12. /standup list shows the ids.");
    CHECK(error.usage == "/standup cancel ID");
  }

  TEST_CASE("cancel with a mention instead of an id is refused") {
    CHECK(Message("cancel <@U1>") == "“<@U1>” isn't a standup id. /standup list shows the ids.");
  }

  TEST_CASE("cancel with two ids is refused") {
    CHECK(Message("cancel 1 2") == "“cancel” doesn't take “2”. Remove it.");
  }

  // ---- remind ----------------------------------------------------------------------------

  TEST_CASE("remind sets minutes without a target") {
    const auto remind = Parse<slack::RemindCommand>("remind 10m");
    CHECK(remind == slack::RemindCommand{10, slack::RemindScope::kUnspecified, "", std::nullopt});
  }

  TEST_CASE("remind accepts minutes in several spellings") {
    CHECK(Parse<slack::RemindCommand>("remind 10").minutes == 10);
    CHECK(Parse<slack::RemindCommand>("remind 10 min").minutes == 10);
    CHECK(Parse<slack::RemindCommand>("REMIND 1h").minutes == 60);
  }

  TEST_CASE("remind for all standups") {
    CHECK(Parse<slack::RemindCommand>("remind 5m ALL") ==
          slack::RemindCommand{5, slack::RemindScope::kAll, "", std::nullopt});
  }

  TEST_CASE("remind takes where to remind: a direct message or the standup's channel") {
    CHECK(Parse<slack::RemindCommand>("remind 5m channel").place == slack::ReminderPlace::kChannel);
    CHECK(Parse<slack::RemindCommand>("remind 5m all here") ==
          slack::RemindCommand{5, slack::RemindScope::kAll, "", slack::ReminderPlace::kChannel});
    CHECK(Parse<slack::RemindCommand>("remind 10m DM sd-abc") ==
          slack::RemindCommand{10, slack::RemindScope::kMeeting, "sd-abc",
                               slack::ReminderPlace::kDirectMessage});
    CHECK_FALSE(Parse<slack::RemindCommand>("remind 5m").place.has_value());
  }

  TEST_CASE("remind refuses two targets") {
    CHECK(ParseCommandText("remind 5m all sd-abc").has_value() == false);
  }

  TEST_CASE("remind for one standup") {
    CHECK(Parse<slack::RemindCommand>("remind 5 min 42") ==
          slack::RemindCommand{5, slack::RemindScope::kMeeting, "42", std::nullopt});
  }

  TEST_CASE("remind off, for everything or one standup") {
    CHECK(Parse<slack::RemindCommand>("remind off") ==
          slack::RemindCommand{std::nullopt, slack::RemindScope::kUnspecified, "", std::nullopt});
    CHECK(Parse<slack::RemindCommand>("remind OFF all") ==
          slack::RemindCommand{std::nullopt, slack::RemindScope::kAll, "", std::nullopt});
    CHECK(Parse<slack::RemindCommand>("remind off #7") ==
          slack::RemindCommand{std::nullopt, slack::RemindScope::kMeeting, "7", std::nullopt});
  }

  TEST_CASE("remind without a time is refused") {
    const auto error = Error("remind");
    CHECK(error.message ==
          "Tell me how long before a standup to remind you, like remind 10m, or remind off.");
    CHECK(error.usage ==
          "/standup remind 10m [ID|all] [dm|channel]  or  /standup remind off [ID|all]");
  }

  TEST_CASE("remind with something that is not a time is refused") {
    CHECK(Message("remind soon") ==
          "“soon” isn't a reminder time. Write minutes like remind 10m, or remind off.");
  }

  TEST_CASE("remind outside 1 to 1440 minutes is refused") {
    CHECK(Message("remind 0m") ==
          "A reminder must be between 1 and 1440 minutes (one day) before the standup.");
    CHECK(Message("remind 25h") ==
          "A reminder must be between 1 and 1440 minutes (one day) before the standup.");
    CHECK(Parse<slack::RemindCommand>("remind 1440m").minutes == 1440);
  }

  TEST_CASE("remind with extra words is refused") {
    CHECK(Message("remind 10m 42 43") == "“remind” doesn't take “43”. Remove it.");
  }

  // ---- autoconfirm -----------------------------------------------------------------------

  TEST_CASE("autoconfirm on and off") {
    CHECK(Parse<slack::AutoconfirmCommand>("autoconfirm on").enabled);
    CHECK_FALSE(Parse<slack::AutoconfirmCommand>("AutoConfirm OFF").enabled);
  }

  TEST_CASE("autoconfirm without on or off is refused") {
    CHECK(Message("autoconfirm").starts_with("Say autoconfirm on"));
    CHECK(Message("autoconfirm yes").starts_with("Say autoconfirm on"));
    CHECK(Error("autoconfirm").usage == "/standup autoconfirm on|off");
  }

  // ---- agenda ----------------------------------------------------------------------------

  TEST_CASE("agenda with an id shows it") {
    CHECK(Parse<slack::AgendaCommand>("agenda 42") ==
          slack::AgendaCommand{"42", slack::AgendaShow{}});
  }

  TEST_CASE("agenda add keeps the rest of the line as typed") {
    const auto agenda =
        Parse<slack::AgendaCommand>("agenda 42 add  Release   plan, v2 &amp; notes ");
    CHECK(agenda == slack::AgendaCommand{"42", slack::AgendaAdd{"Release   plan, v2 & notes"}});
  }

  TEST_CASE("agenda add drops quotes around the whole item") {
    CHECK(Parse<slack::AgendaCommand>("agenda 42 ADD “Demo 🎬”").action ==
          decltype(slack::AgendaCommand::action){slack::AgendaAdd{"Demo 🎬"}});
  }

  TEST_CASE("agenda add keeps quotes that are only part of the item") {
    CHECK(Parse<slack::AgendaCommand>(R"(agenda 42 add Review "Q3" numbers)").action ==
          decltype(slack::AgendaCommand::action){slack::AgendaAdd{R"(Review "Q3" numbers)"}});
  }

  TEST_CASE("agenda add with mentions keeps them") {
    CHECK(Parse<slack::AgendaCommand>("agenda 42 add ask <@U1> about CI").action ==
          decltype(slack::AgendaCommand::action){slack::AgendaAdd{"ask <@U1> about CI"}});
  }

  TEST_CASE("agenda add without text is refused") {
    CHECK(Message("agenda 42 add") == "Tell me what to add, like agenda 42 add Release plan.");
    CHECK(Message("agenda 42 add \"\"") == "Tell me what to add, like agenda 42 add Release plan.");
  }

  TEST_CASE("agenda done ticks off an item by number") {
    CHECK(Parse<slack::AgendaCommand>("agenda 42 done 2") ==
          slack::AgendaCommand{"42", slack::AgendaDone{2}});
  }

  TEST_CASE("agenda done without a positive number is refused") {
    for (const std::string_view text :
         {"agenda 42 done", "agenda 42 done 0", "agenda 42 done two", "agenda 42 done -1"}) {
      CAPTURE(text);
      CHECK(Message(text) ==
            "Tell me which item is done by its number, like agenda 42 done 2. agenda 42 shows the "
            "numbers.");
    }
  }

  TEST_CASE("agenda with the id after the action says to put it first") {
    CHECK(Message("agenda add Release plan") ==
          "Put the standup id before “add”, like agenda 12 add …");
  }

  TEST_CASE("agenda with an unknown action is refused") {
    CHECK(Message("agenda 42 remove 1") ==
          "I can't “remove” an agenda. Use add to add an item or done to tick one off.");
  }

  TEST_CASE("agenda without an id is refused with the agenda usage") {
    const auto error = Error("agenda");
    CHECK(error.message ==
          "Tell me which standup's agenda, like agenda 12. /standup list shows the ids.");
    CHECK(error.usage.starts_with("/standup agenda ID"));
  }

  // ---- connect ---------------------------------------------------------------------------

  TEST_CASE("connect names a provider in any case") {
    CHECK(Parse<slack::ConnectCommand>("connect google").provider ==
          slack::ConnectProvider::kGoogle);
    CHECK(Parse<slack::ConnectCommand>("connect Microsoft").provider ==
          slack::ConnectProvider::kMicrosoft);
    CHECK(Parse<slack::ConnectCommand>("connect outlook").provider ==
          slack::ConnectProvider::kMicrosoft);
    CHECK(Parse<slack::ConnectCommand>("CONNECT ZOOM").provider == slack::ConnectProvider::kZoom);
  }

  TEST_CASE("connect with an unknown or missing provider is refused") {
    CHECK(Message("connect webex") == "I can't connect “webex”. Choose google, microsoft or zoom.");
    CHECK(Message("connect") == "Tell me what to connect. Choose google, microsoft or zoom.");
  }

  // ---- usage -----------------------------------------------------------------------------

  TEST_CASE("the usage text lists every command") {
    const auto usage = slack::UsageText();
    for (const std::string_view line :
         {"/standup  ", "/standup book 9:30", "/standup list", "/standup cancel ID",
          "/standup remind 10m [ID|all]", "/standup remind off [ID|all]",
          "/standup autoconfirm on|off", "/standup agenda ID ", "/standup agenda ID add TEXT",
          "/standup agenda ID done N", "/standup connect google|microsoft|zoom", "/standup help"}) {
      CAPTURE(line);
      CHECK(usage.find(line) != std::string::npos);
    }
  }

  TEST_CASE("the usage text is safe to send as mrkdwn") {
    const auto usage = slack::UsageText();
    CHECK(usage.find_first_of("<>&") == std::string::npos);
    CHECK(slack::BookUsageLine().find_first_of("<>&") == std::string::npos);
  }

  TEST_CASE("the book usage line shows every option") {
    CHECK(slack::BookUsageLine() ==
          "/standup book 9:30 @alice @team #channel [weekdays|daily|mon,wed,fri] [for 15m] "
          "[tz Europe/Berlin] [zoom | meet | teams | room \"Room name\"] [\"Title\"] "
          "[from YYYY-MM-DD]");
  }

  TEST_CASE("every error carries a usage line") {
    for (const std::string_view text : {"book", "list x", "cancel", "remind", "autoconfirm",
                                        "agenda", "connect", "nope", "book \"x", "remind <@U1"}) {
      CAPTURE(text);
      const auto error = Error(text);
      CHECK_FALSE(error.message.empty());
      CHECK_FALSE(error.usage.empty());
      CHECK(error.message.back() != ' ');
    }
  }
}

TEST_SUITE("bot.slack.command_text") {
  TEST_CASE("a comma after a time or keyword is only a separator") {
    const auto book = Book("book 9:30, <@U1>, zoom, for 20m, <@U2>");
    CHECK(book.hour == 9);
    CHECK(book.who.users == Ids{"U1", "U2"});
    CHECK(book.location == slack::Location{slack::VideoLocation{slack::VideoProvider::kZoom}});
    CHECK(book.duration_minutes == 20);
  }

  TEST_CASE("extra spaces and tabs anywhere change nothing") {
    CHECK(Book("   book\t\t9:30   <@U1>    mon,fri   ") == Book("book 9:30 <@U1> mon,fri"));
  }
}
