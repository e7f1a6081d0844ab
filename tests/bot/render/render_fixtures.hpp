#pragma once

// A booked standup to render, shared by the render tests.

#include <string>

#include <date/date.h>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render::testing {

inline domain::StandupMeeting SampleMeeting() {
  using namespace date::literals;
  domain::StandupMeeting meeting;
  meeting.id = domain::MeetingId{"m-abc"};
  meeting.workspace = domain::WorkspaceId{"T1"};
  meeting.channel = domain::ChannelId{"C1"};
  meeting.organizer = domain::UserId{"U1"};
  meeting.title = "Daily standup";
  meeting.start = {9, 30};
  meeting.duration_minutes = 15;
  meeting.days = domain::DaySet::Weekdays();
  meeting.zone_name = "Europe/Berlin";
  meeting.first_day = 2026_y / date::December / 1;
  meeting.location = domain::VideoLink{"zoom", "https://zoom.us/j/123", "123"};
  meeting.version = 1;
  meeting.participants = {
      {domain::UserId{"U1"}, "Ann", "ann@example.com", domain::ParticipantStatus::Accepted, {}, {}},
      {domain::UserId{"U2"}, "Bob", "bob@example.com", domain::ParticipantStatus::Invited, {}, {}},
  };
  return meeting;
}

inline const date::time_zone& Berlin() { return *date::locate_zone("Europe/Berlin"); }

/// 2026-12-01 is a Tuesday; 08:30 UTC is 09:30 in Berlin (CET).
inline domain::Interval TuesdayOccurrence() {
  using namespace date::literals;
  const date::sys_seconds start = date::sys_days{2026_y / date::December / 1} +
                                  std::chrono::hours{8} + std::chrono::minutes{30};
  return {start, start + std::chrono::minutes{15}};
}

/// Every block's text joined with newlines: section and context texts, header text, button labels.
inline std::string AllText(const nlohmann::json& blocks) {
  std::string out;
  for (const auto& block : blocks) {
    if (block.contains("text")) out += block["text"]["text"].get<std::string>() + "\n";
    if (block.contains("elements")) {
      for (const auto& element : block["elements"]) {
        if (element.contains("text") && element["text"].is_object()) {
          out += element["text"]["text"].get<std::string>() + "\n";
        } else if (element.contains("text")) {
          out += element["text"].get<std::string>() + "\n";
        }
      }
    }
  }
  return out;
}

inline const nlohmann::json* FindBlock(const nlohmann::json& blocks, const std::string& type) {
  for (const auto& block : blocks) {
    if (block["type"] == type) return &block;
  }
  return nullptr;
}

}  // namespace officer::bot::render::testing
