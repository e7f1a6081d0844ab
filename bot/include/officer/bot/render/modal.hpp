#pragma once

#include <map>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include <officer/bot/slack/command_text.hpp>
#include <officer/bot/slack/payload.hpp>

namespace officer::bot::render {

/// The booking modal's callback_id, and its input blocks' block_id (each input's action_id is the
/// same as its block_id).
inline constexpr const char* kBookingCallbackId = "standup_book";
namespace modal_block {
inline constexpr const char* kTitle = "title";
inline constexpr const char* kTime = "time";
inline constexpr const char* kPeople = "people";
inline constexpr const char* kDays = "days";
inline constexpr const char* kDuration = "duration";
inline constexpr const char* kLocation = "location";
inline constexpr const char* kRoom = "room";
}  // namespace modal_block

/// The view for views.open when `/standup` comes without text: title, time (09:30 in
/// `zone_name`), people, days (Mon–Fri), duration (15 min), and no location / Zoom / a room.
/// private_metadata is `channel_id`, where the standup will be posted.
nlohmann::json BookingModal(const std::string& channel_id, const std::string& zone_name);

/// block_id -> message, for a view_submission reply {"response_action":"errors","errors":…}.
using ModalErrors = std::map<std::string, std::string>;

/// The booking modal's submission as the same BookCommand the `book` text gives, or the fields to
/// correct. The submitter is the organizer (not added to `who`); time_zone stays unset, meaning
/// the organizer's zone, which is the zone the modal showed. Checks only what the form can get
/// wrong; the domain's Book checks the rest.
std::variant<slack::BookCommand, ModalErrors> BookingFromModal(
    const slack::ViewSubmission& submission);

}  // namespace officer::bot::render
