#include <officer/bot/render/modal.hpp>

#include <doctest/doctest.h>

namespace {

namespace render = officer::bot::render;
namespace slack = officer::bot::slack;
using nlohmann::json;

slack::ElementValue Value(std::string type) {
  slack::ElementValue value;
  value.type = std::move(type);
  return value;
}

// A filled-in form: title, 09:30, U2 and U3, Mon–Fri, 15 minutes, no location.
slack::ViewSubmission Submission() {
  slack::ViewSubmission submission;
  submission.team_id = "T1";
  submission.user_id = "U1";
  submission.callback_id = "standup_book";
  submission.private_metadata = "C1";
  auto& values = submission.state.values;
  auto title = Value("plain_text_input");
  title.value = "Daily standup";
  values["title"]["title"] = title;
  auto time = Value("timepicker");
  time.selected_time = "09:30";
  values["time"]["time"] = time;
  auto people = Value("multi_users_select");
  people.selected_users = {"U2", "U3"};
  values["people"]["people"] = people;
  auto days = Value("checkboxes");
  days.selected_options = {"mon", "tue", "wed", "thu", "fri"};
  values["days"]["days"] = days;
  auto duration = Value("static_select");
  duration.selected_option = "15";
  values["duration"]["duration"] = duration;
  auto location = Value("radio_buttons");
  location.selected_option = "none";
  values["location"]["location"] = location;
  values["room"]["room"] = Value("plain_text_input");
  return submission;
}

slack::BookCommand Booking(const slack::ViewSubmission& submission) {
  auto result = render::BookingFromModal(submission);
  REQUIRE(std::holds_alternative<slack::BookCommand>(result));
  return std::get<slack::BookCommand>(result);
}

render::ModalErrors Errors(const slack::ViewSubmission& submission) {
  auto result = render::BookingFromModal(submission);
  REQUIRE(std::holds_alternative<render::ModalErrors>(result));
  return std::get<render::ModalErrors>(result);
}

}  // namespace

TEST_SUITE("render.modal") {
  TEST_CASE("the booking modal offers every field with sensible defaults") {
    const json modal = render::BookingModal("C1", "Europe/Berlin");
    CHECK(modal["type"] == "modal");
    CHECK(modal["callback_id"] == "standup_book");
    CHECK(modal["private_metadata"] == "C1");
    CHECK(modal["title"]["text"].get<std::string>().size() <= 24);
    CHECK(modal["submit"]["text"] == "Book");
    const json& blocks = modal["blocks"];
    REQUIRE(blocks.size() == 7);
    for (const auto& block : blocks) {
      CHECK(block["type"] == "input");
      CHECK(block["element"]["action_id"] == block["block_id"]);
    }
    CHECK(blocks[0]["element"]["initial_value"] == "Daily standup");
    CHECK(blocks[1] == json::parse(R"({"type":"input","block_id":"time",
        "label":{"type":"plain_text","text":"Time","emoji":true},
        "hint":{"type":"plain_text","text":"In Europe/Berlin","emoji":true},
        "element":{"type":"timepicker","action_id":"time","initial_time":"09:30",
                   "timezone":"Europe/Berlin",
                   "placeholder":{"type":"plain_text","text":"Pick a time","emoji":true}}})"));
    CHECK(blocks[2]["element"]["type"] == "multi_users_select");
    CHECK(blocks[3]["element"]["type"] == "checkboxes");
    CHECK(blocks[3]["element"]["options"].size() == 7);
    CHECK(blocks[3]["element"]["initial_options"].size() == 5);
    CHECK(blocks[3]["element"]["initial_options"][0] == blocks[3]["element"]["options"][0]);
    CHECK(blocks[4]["element"]["options"].size() == 7);
    CHECK(blocks[4]["element"]["initial_option"]["value"] == "15");
    CHECK(blocks[5]["element"]["type"] == "radio_buttons");
    CHECK(blocks[5]["element"]["initial_option"]["value"] == "none");
    CHECK(blocks[6]["optional"] == true);
    CHECK(blocks[6]["element"]["type"] == "plain_text_input");
  }

  TEST_CASE("a filled-in form becomes the same booking as the book command") {
    slack::BookCommand expected;
    expected.hour = 9;
    expected.minute = 30;
    expected.who.users = {"U2", "U3"};
    CHECK(Booking(Submission()) == expected);
  }

  TEST_CASE("every form choice carries over to the booking") {
    auto submission = Submission();
    auto& values = submission.state.values;
    values["title"]["title"].value = "  Ops sync  ";
    values["time"]["time"].selected_time = "14:05";
    values["people"]["people"].selected_users = {"U1", "U2"};  // the organizer picked themselves
    values["days"]["days"].selected_options = {"sun", "mon"};
    values["duration"]["duration"].selected_option = "45";
    values["location"]["location"].selected_option = "zoom";
    const auto booking = Booking(submission);
    CHECK(booking.title == "Ops sync");
    CHECK(booking.hour == 14);
    CHECK(booking.minute == 5);
    CHECK(booking.who.users == std::vector<std::string>{"U2"});
    CHECK(booking.days == slack::DaySet{true, false, false, false, false, false, true});
    CHECK(booking.duration_minutes == 45);
    CHECK(booking.location == slack::Location{slack::VideoLocation{slack::VideoProvider::kZoom}});
    CHECK_FALSE(booking.time_zone.has_value());
  }

  TEST_CASE("Google Meet or Teams chosen asks for the calendar's own link") {
    for (const auto provider : {slack::VideoProvider::kMeet, slack::VideoProvider::kTeams}) {
      auto submission = Submission();
      submission.state.values["location"]["location"].selected_option =
          std::string(slack::VideoProviderName(provider));
      CHECK(Booking(submission).location == slack::Location{slack::VideoLocation{provider}});
    }
  }

  TEST_CASE("a room chosen or typed in becomes the booking's room") {
    auto submission = Submission();
    submission.state.values["room"]["room"].value = " Room 4 ";
    CHECK(Booking(submission).location == slack::Location{slack::RoomLocation{"Room 4"}});
    submission.state.values["location"]["location"].selected_option = "room";
    CHECK(Booking(submission).location == slack::Location{slack::RoomLocation{"Room 4"}});
  }

  TEST_CASE("mistakes in the form are reported on the fields to correct") {
    auto submission = Submission();
    auto& values = submission.state.values;
    values["time"].clear();
    values["people"]["people"].selected_users = {"U1"};
    values["days"]["days"].selected_options = {};
    values["location"]["location"].selected_option = "room";
    CHECK(Errors(submission) ==
          render::ModalErrors{
              {"time", "Pick the time the standup starts."},
              {"people", "Pick at least one other person; you take part anyway."},
              {"days", "Pick at least one day."},
              {"room", "Type the room's name or its calendar e-mail."},
          });
  }

  TEST_CASE("a room typed in while Zoom is chosen is pointed out") {
    auto submission = Submission();
    submission.state.values["location"]["location"].selected_option = "zoom";
    submission.state.values["room"]["room"].value = "Room 4";
    CHECK(Errors(submission).at("room") ==
          "You chose Zoom: clear the room, or choose \u201cA room\u201d.");
  }

  TEST_CASE("an empty title falls back to Daily standup and a long one is refused") {
    auto submission = Submission();
    submission.state.values["title"]["title"].value = "   ";
    CHECK(Booking(submission).title == "Daily standup");
    submission.state.values["title"]["title"].value = std::string(151, 'x');
    CHECK(Errors(submission).count("title") == 1);
  }
}
