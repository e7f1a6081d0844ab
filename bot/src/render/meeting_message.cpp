#include <officer/bot/render/meeting_message.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPeopleSections = 5;
constexpr std::size_t kMaxAgendaSections = 3;

json Button(const char* label, const char* action_id, const std::string& value) {
  return {{"type", "button"},
          {"text", detail::PlainText(label)},
          {"action_id", action_id},
          {"value", value}};
}

json Actions(const domain::StandupMeeting& meeting) {
  const std::string& id = meeting.id.value();
  json accept = Button("Accept", kAcceptActionId, id);
  accept["style"] = "primary";
  json decline = Button("Decline", kDeclineActionId, id);
  json cancel = Button("Cancel", kCancelActionId, id);
  cancel["style"] = "danger";
  cancel["confirm"] = {{"title", detail::PlainText("Cancel standup?")},
                       {"text", detail::PlainText("Cancel this standup for everyone?")},
                       {"confirm", detail::PlainText("Cancel standup")},
                       {"deny", detail::PlainText("Keep it")},
                       {"style", "danger"}};
  return {{"type", "actions"}, {"elements", json::array({accept, decline, cancel})}};
}

std::string ScheduleSection(const domain::StandupMeeting& meeting,
                            const std::optional<domain::Interval>& next_occurrence,
                            const date::time_zone& zone) {
  std::string text = "*" + DaysText(meeting.days) + "* \u00b7 " + TimeAndZone(meeting) +
                     " \u00b7 " + DurationText(meeting.duration_minutes);
  if (next_occurrence && meeting.status == domain::MeetingStatus::Active) {
    text += "\nNext: " + LocalDateTime(next_occurrence->start, zone);
  }
  if (const std::string location = LocationLine(meeting); !location.empty()) {
    text += "\n" + location;
  }
  return text;
}

std::vector<std::string> PeopleSections(const domain::StandupMeeting& meeting) {
  std::size_t accepted = 0;
  std::vector<std::string> lines;
  lines.reserve(meeting.participants.size());
  for (const auto& participant : meeting.participants) {
    if (participant.status == domain::ParticipantStatus::Accepted) ++accepted;
    lines.push_back(detail::ParticipantLine(participant, participant.user == meeting.organizer));
  }
  const std::string heading = "*People* \u00b7 " + std::to_string(accepted) + " of " +
                              std::to_string(meeting.participants.size()) + " accepted";
  return detail::PackLines(heading, lines, kMaxPeopleSections, detail::AndMore);
}

std::vector<std::string> AgendaSections(const domain::StandupMeeting& meeting) {
  if (meeting.agenda.empty()) {
    if (meeting.status == domain::MeetingStatus::Cancelled) return {};
    return {"*Agenda* \u00b7 nothing yet. Add an item with `/standup agenda " +
            EscapeMrkdwn(meeting.id.value()) + " add &lt;text&gt;`"};
  }
  std::vector<std::string> lines;
  lines.reserve(meeting.agenda.size());
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    lines.push_back(detail::AgendaLine(i + 1, meeting.agenda[i]));
  }
  return detail::PackLines("*Agenda*", lines, kMaxAgendaSections,
                           [](std::size_t n) { return detail::AndMore(n) + " items"; });
}

std::string FallbackText(const domain::StandupMeeting& meeting,
                         const std::optional<domain::Interval>& next_occurrence,
                         const date::time_zone& zone) {
  const std::string title = EscapeMrkdwn(Truncate(meeting.title, detail::kMaxTitleChars));
  if (meeting.status == domain::MeetingStatus::Cancelled) {
    return "Cancelled: " + title + " (" + ScheduleText(meeting) + ")";
  }
  std::string text =
      title + ": " + ScheduleText(meeting) + ", " + DurationText(meeting.duration_minutes);
  if (next_occurrence) text += ". Next: " + LocalDateTime(next_occurrence->start, zone);
  return text;
}

}  // namespace

std::string LocationLine(const domain::StandupMeeting& meeting) {
  const auto& location = meeting.location;
  if (const auto* room = std::get_if<domain::Room>(&location)) {
    std::string line =
        "Room: " + EscapeMrkdwn(Truncate(room->name_or_email, detail::kMaxRoomChars));
    if (!room->clash_note.empty()) {
      line += " \u2014 booked, " + EscapeMrkdwn(Truncate(room->clash_note, detail::kMaxNoteChars));
    }
    return line;
  }
  if (const auto* video = std::get_if<domain::VideoLink>(&location)) {
    const std::string provider = detail::ProviderName(video->provider);
    // A Meet or Teams link comes with the calendar event: once that exists, none is coming.
    if (video->join_url.empty() && domain::ComesWithCalendarEvent(*video) &&
        meeting.calendar_event_id) {
      return "Video: no " + EscapeMrkdwn(provider) + " link (the organizer was told why)";
    }
    if (video->join_url.empty()) return "Video: " + EscapeMrkdwn(provider) + " link coming\u2026";
    return "Video: " + Link(video->join_url, "Join " + provider);
  }
  return {};
}

SlackMessage MeetingMessage(const domain::StandupMeeting& meeting,
                            std::optional<domain::Interval> next_occurrence,
                            const date::time_zone& zone) {
  const bool cancelled = meeting.status == domain::MeetingStatus::Cancelled;
  json blocks = json::array();
  blocks.push_back(detail::Header(cancelled ? "Cancelled: " + meeting.title : meeting.title));
  if (cancelled) {
    blocks.push_back(detail::Section("\U0001F6AB *Cancelled* by " + Mention(meeting.organizer) +
                                     ". This standup won't take place any more."));
  }
  blocks.push_back(detail::Section(ScheduleSection(meeting, next_occurrence, zone)));
  detail::AppendSections(blocks, PeopleSections(meeting));
  detail::AppendSections(blocks, AgendaSections(meeting));
  const std::string id = EscapeMrkdwn(meeting.id.value());
  blocks.push_back(
      detail::Context(cancelled ? "id: " + id : "id: " + id + " \u00b7 /standup cancel " + id));
  if (!cancelled) blocks.push_back(Actions(meeting));
  return {FallbackText(meeting, next_occurrence, zone), std::move(blocks)};
}

}  // namespace officer::bot::render
