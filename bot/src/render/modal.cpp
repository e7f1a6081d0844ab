#include <officer/bot/render/modal.hpp>

#include <array>
#include <cstddef>
#include <string_view>

#include <officer/bot/render/mrkdwn.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

using nlohmann::json;
namespace block = modal_block;

constexpr std::size_t kMaxTitleChars = 150;
constexpr std::size_t kMaxRoomChars = 200;
constexpr std::array<const char*, 7> kDayValues = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<const char*, 7> kDayLabels = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
constexpr std::array<int, 7> kDurations = {5, 10, 15, 20, 30, 45, 60};
constexpr const char* kNoLocation = "none";
constexpr const char* kRoom = "room";

json Option(const std::string& label, const std::string& value) {
  return {{"text", detail::PlainText(label)}, {"value", value}};
}

json Input(const char* block_id, const char* label, json element, bool optional = false) {
  element["action_id"] = block_id;
  json input = {{"type", "input"},
                {"block_id", block_id},
                {"label", detail::PlainText(label)},
                {"element", std::move(element)}};
  if (optional) input["optional"] = true;
  return input;
}

json DurationOption(int minutes) {
  return Option(std::to_string(minutes) + " minutes", std::to_string(minutes));
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string{text.substr(first, last - first + 1)};
}

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

// "HH:mm" (24-hour), as the timepicker sends it.
bool ParseTime(std::string_view text, int& hour, int& minute) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (const std::size_t i : {0U, 1U, 3U, 4U}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  hour = (text[0] - '0') * 10 + (text[1] - '0');
  minute = (text[3] - '0') * 10 + (text[4] - '0');
  return hour < 24 && minute < 60;
}

}  // namespace

json BookingModal(const std::string& channel_id, const std::string& zone_name) {
  json blocks = json::array();
  blocks.push_back(Input(block::kTitle, "Title",
                         {{"type", "plain_text_input"},
                          {"initial_value", std::string{slack::kDefaultTitle}},
                          {"max_length", kMaxTitleChars}}));

  json time = {{"type", "timepicker"},
               {"initial_time", "09:30"},
               {"placeholder", detail::PlainText("Pick a time")}};
  if (!zone_name.empty()) time["timezone"] = zone_name;
  json time_input = Input(block::kTime, "Time", std::move(time));
  if (!zone_name.empty()) time_input["hint"] = detail::PlainText("In " + Truncate(zone_name, 100));
  blocks.push_back(std::move(time_input));

  json people = Input(
      block::kPeople, "People",
      {{"type", "multi_users_select"}, {"placeholder", detail::PlainText("Who takes part?")}});
  people["hint"] = detail::PlainText("You take part too.");
  blocks.push_back(std::move(people));

  json days = json::array();
  json weekdays = json::array();
  for (std::size_t i = 0; i < kDayValues.size(); ++i) {
    days.push_back(Option(kDayLabels[i], kDayValues[i]));
    if (i < 5) weekdays.push_back(days.back());
  }
  blocks.push_back(Input(block::kDays, "Days",
                         {{"type", "checkboxes"},
                          {"options", std::move(days)},
                          {"initial_options", std::move(weekdays)}}));

  json durations = json::array();
  for (const int minutes : kDurations) durations.push_back(DurationOption(minutes));
  blocks.push_back(Input(block::kDuration, "Duration",
                         {{"type", "static_select"},
                          {"options", std::move(durations)},
                          {"initial_option", DurationOption(slack::kDefaultDurationMinutes)}}));

  const json no_location = Option("No video or room", kNoLocation);
  blocks.push_back(Input(
      block::kLocation, "Where",
      {{"type", "radio_buttons"},
       {"options",
        json::array({no_location, Option("Zoom", "zoom"),
                     Option("Google Meet (on a connected Google Calendar)", "meet"),
                     Option("Microsoft Teams (on a connected Microsoft 365 calendar)", "teams"),
                     Option("A room", kRoom)})},
       {"initial_option", no_location}}));

  json room = Input(block::kRoom, "Room",
                    {{"type", "plain_text_input"},
                     {"max_length", kMaxRoomChars},
                     {"placeholder", detail::PlainText("Room 4, or room-4@example.com")}},
                    /*optional=*/true);
  room["hint"] = detail::PlainText("Only when you chose a room.");
  blocks.push_back(std::move(room));

  return {{"type", "modal"},
          {"callback_id", kBookingCallbackId},
          {"private_metadata", channel_id},
          {"title", detail::PlainText("Book a standup")},
          {"submit", detail::PlainText("Book")},
          {"close", detail::PlainText("Cancel")},
          {"blocks", std::move(blocks)}};
}

std::variant<slack::BookCommand, ModalErrors> BookingFromModal(
    const slack::ViewSubmission& submission) {
  const slack::ViewState& state = submission.state;
  slack::BookCommand command;
  ModalErrors errors;

  if (const auto* title = state.Find(block::kTitle, block::kTitle); title && title->value) {
    const std::string trimmed = Trim(*title->value);
    if (CodePoints(trimmed) > kMaxTitleChars) {
      errors[block::kTitle] = "Keep the title to 150 characters or fewer.";
    } else if (!trimmed.empty()) {
      command.title = trimmed;
    }
  }

  const auto* time = state.Find(block::kTime, block::kTime);
  if (!time || !time->selected_time ||
      !ParseTime(*time->selected_time, command.hour, command.minute)) {
    errors[block::kTime] = "Pick the time the standup starts.";
  }

  if (const auto* people = state.Find(block::kPeople, block::kPeople)) {
    for (const auto& user : people->selected_users) {
      if (user != submission.user_id) command.who.users.push_back(user);
    }
  }
  if (command.who.users.empty()) {
    errors[block::kPeople] = "Pick at least one other person; you take part anyway.";
  }

  command.days = {};
  if (const auto* days = state.Find(block::kDays, block::kDays)) {
    for (const auto& value : days->selected_options) {
      for (std::size_t i = 0; i < kDayValues.size(); ++i) {
        if (value == kDayValues[i]) command.days[i] = true;
      }
    }
  }
  if (command.days == slack::DaySet{}) errors[block::kDays] = "Pick at least one day.";

  if (const auto* duration = state.Find(block::kDuration, block::kDuration);
      duration && duration->selected_option) {
    bool known = false;
    for (const int minutes : kDurations) {
      if (*duration->selected_option == std::to_string(minutes)) {
        command.duration_minutes = minutes;
        known = true;
      }
    }
    if (!known) errors[block::kDuration] = "Pick one of the durations in the list.";
  }

  std::string choice = kNoLocation;
  if (const auto* location = state.Find(block::kLocation, block::kLocation);
      location && location->selected_option) {
    choice = *location->selected_option;
  }
  std::string room;
  if (const auto* room_input = state.Find(block::kRoom, block::kRoom);
      room_input && room_input->value) {
    room = Trim(*room_input->value);
  }
  if (const auto video = slack::VideoProviderNamed(choice)) {
    command.location = slack::VideoLocation{*video};
    if (!room.empty()) {
      errors[block::kRoom] = "You chose " + detail::ProviderName(choice) +
                             ": clear the room, or choose \u201cA room\u201d.";
    }
  } else if (choice == kRoom || !room.empty()) {
    // A room typed in without choosing "A room" is still clearly meant as the room.
    if (room.empty()) {
      errors[block::kRoom] = "Type the room's name or its calendar e-mail.";
    } else if (CodePoints(room) > kMaxRoomChars) {
      errors[block::kRoom] = "Keep the room to 200 characters or fewer.";
    } else {
      command.location = slack::RoomLocation{room};
    }
  }

  if (!errors.empty()) return errors;
  return command;
}

}  // namespace officer::bot::render
