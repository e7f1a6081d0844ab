#include <officer/bot/render/confirmation_text.hpp>

#include <doctest/doctest.h>

#include "render_fixtures.hpp"

namespace {

namespace render = officer::bot::render;
namespace domain = officer::domain;
namespace slack = officer::bot::slack;
using render::testing::SampleMeeting;

}  // namespace

TEST_SUITE("render.confirmation_text") {
  TEST_CASE("the booking acknowledgement repeats what was asked for") {
    slack::BookCommand command;
    command.hour = 9;
    command.minute = 30;
    command.who.users = {"U2", "U3"};
    CHECK(render::BookingAck(command, "Europe/Berlin") ==
          "Booking *Daily standup* at 9:30 Europe/Berlin on weekdays for 15 min with <@U2> and "
          "<@U3>. I'll post it here in a moment.");
  }

  TEST_CASE("without a known zone the acknowledgement says the time is the person's own") {
    slack::BookCommand command;
    command.hour = 9;
    command.minute = 30;
    command.who.users = {"U2"};
    CHECK(render::BookingAck(command, "") ==
          "Booking *Daily standup* at 9:30 your time on weekdays for 15 min with <@U2>. I'll post "
          "it here in a moment.");
  }

  TEST_CASE("the booking acknowledgement names days, groups, channels and the place") {
    slack::BookCommand command;
    command.hour = 14;
    command.title = "Ops & <sync>";
    command.days = {true, false, true, false, true, false, false};
    command.duration_minutes = 30;
    command.who.users = {"U2"};
    command.who.usergroups = {"S1"};
    command.who.channels = {"C9"};
    command.location = slack::RoomLocation{"Room <4>"};
    CHECK(render::BookingAck(command, "UTC") ==
          "Booking *Ops &amp; &lt;sync&gt;* at 14:00 UTC on Mon, Wed, Fri for 30 min with <@U2>, "
          "<!subteam^S1> and the members of <#C9>, in Room &lt;4&gt;. I'll post it here in a "
          "moment.");
    command.days = slack::kEveryDay;
    command.location = slack::VideoLocation{slack::VideoProvider::kZoom};
    CHECK(render::BookingAck(command, "UTC").find(" UTC every day for 30 min") !=
          std::string::npos);
    CHECK(render::BookingAck(command, "UTC").find(", on Zoom. I'll post") != std::string::npos);
  }

  TEST_CASE("cancelling confirms which standup and what happens next") {
    CHECK(render::CancelAck(SampleMeeting()) ==
          "Cancelled *Daily standup* (`m-abc`). I'll let the others know, take it off the "
          "calendar and stop its reminders.");
  }

  TEST_CASE("a reminder preference is confirmed in words") {
    using std::chrono::minutes;
    const domain::MeetingId id{"m-abc"};
    CHECK(
        render::ReminderPreferenceAck(std::nullopt, domain::ReminderSetting::Before(minutes{5})) ==
        "I'll remind you 5 minutes before every standup.");
    CHECK(render::ReminderPreferenceAck(id, domain::ReminderSetting::Before(minutes{1})) ==
          "I'll remind you 1 minute before standup m-abc.");
    CHECK(render::ReminderPreferenceAck(id, domain::ReminderSetting::Off()) ==
          "No more reminders for m-abc.");
    CHECK(render::ReminderPreferenceAck(std::nullopt, domain::ReminderSetting::Off()) ==
          "No more standup reminders for you. Turn them back on with `/standup remind 10m all`.");
    CHECK(render::ReminderPreferenceAck(id, domain::ReminderSetting::Before(minutes{0})) ==
          "I'll remind you when standup m-abc starts.");
  }

  TEST_CASE("autoconfirm on and off say what changes") {
    CHECK(render::AutoconfirmAck(true).starts_with("From now on I'll accept standup invitations"));
    CHECK(render::AutoconfirmAck(true).find("`/standup autoconfirm off`") != std::string::npos);
    CHECK(render::AutoconfirmAck(false).starts_with("I won't accept standup invitations"));
  }

  TEST_CASE("the agenda is shown numbered with done items struck through") {
    auto meeting = SampleMeeting();
    meeting.agenda = {{"Release plan", true, domain::UserId{"U1"}},
                      {"Retro <notes>", false, domain::UserId{"U2"}}};
    const auto message = render::AgendaMessage(meeting);
    CHECK(message.blocks[0]["text"]["text"] ==
          "*Agenda* of *Daily standup* (`m-abc`)\n1. ~Release plan~\n2. Retro &lt;notes&gt;");
    CHECK(message.blocks[1]["elements"][0]["text"] ==
          "/standup agenda m-abc add &lt;text&gt; \u00b7 /standup agenda m-abc done "
          "&lt;number&gt;");
    CHECK(message.text == "Agenda of Daily standup: 2 items");
  }

  TEST_CASE("an empty agenda says how to add an item") {
    const auto message = render::AgendaMessage(SampleMeeting());
    CHECK(message.blocks.size() == 1);
    CHECK(message.blocks[0]["text"]["text"] ==
          "The agenda of *Daily standup* is empty. Add an item with `/standup agenda m-abc add "
          "&lt;text&gt;`.");
  }

  TEST_CASE("adding and finishing agenda items is confirmed with the item") {
    auto meeting = SampleMeeting();
    meeting.agenda = {{"Release plan", true, domain::UserId{"U1"}},
                      {"Retro & notes", false, domain::UserId{"U2"}}};
    CHECK(render::AgendaAddedAck(meeting) ==
          "Added item 2 to the agenda of *Daily standup*: Retro &amp; notes");
    CHECK(render::AgendaDoneAck(meeting, 1) ==
          "Marked item 1 of *Daily standup* done: ~Release plan~");
  }
}
