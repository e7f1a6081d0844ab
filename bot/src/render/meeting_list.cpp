#include <officer/bot/render/meeting_list.hpp>

#include <algorithm>
#include <cstddef>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

// Header, context and up to this many sections stay far below the 50-block limit.
constexpr std::size_t kMaxListSections = 40;

struct Entry {
  const domain::StandupMeeting* meeting;
  std::optional<domain::Interval> next;
};

std::string Line(const Entry& entry, const domain::UserId& viewer, const ZoneOf& zone_of) {
  const auto& meeting = *entry.meeting;
  const bool cancelled = meeting.status == domain::MeetingStatus::Cancelled;
  std::string line = "`" + EscapeMrkdwn(meeting.id.value()) + "` " +
                     detail::BoldTitle(meeting.title) + " \u2014 " + ScheduleText(meeting);
  if (cancelled) return line + " \u00b7 *cancelled*";
  const auto* me = meeting.FindParticipant(viewer);
  if (meeting.organizer == viewer) {
    line += " \u00b7 organizer";
  } else if (me != nullptr) {
    line += " \u00b7 participant";
  }
  if (me != nullptr) {
    line +=
        " \u00b7 you: " + detail::StatusEmoji(me->status) + " " + detail::StatusWord(me->status);
  }
  if (entry.next && zone_of) {
    if (const auto* zone = zone_of(meeting.zone_name)) {
      line += " \u00b7 next " + LocalDateTime(entry.next->start, *zone);
    }
  }
  return line;
}

}  // namespace

SlackMessage MeetingList(const std::vector<domain::StandupMeeting>& meetings,
                         const domain::UserId& viewer, const NextOccurrenceOf& next_of,
                         const ZoneOf& zone_of) {
  nlohmann::json blocks = nlohmann::json::array();
  if (meetings.empty()) {
    const std::string text =
        "You have no standups. Book one with `/standup book 9:30 @alice @bob`.";
    blocks.push_back(detail::Section(text));
    return {text, std::move(blocks)};
  }

  std::vector<Entry> entries;
  entries.reserve(meetings.size());
  for (const auto& meeting : meetings) {
    const bool active = meeting.status == domain::MeetingStatus::Active;
    entries.push_back({&meeting, active && next_of ? next_of(meeting) : std::nullopt});
  }
  // Active before cancelled; among active, those with a next occurrence soonest first.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    const auto rank = [](const Entry& e) {
      if (e.meeting->status == domain::MeetingStatus::Cancelled) return 2;
      return e.next ? 0 : 1;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.next && b.next && a.next->start < b.next->start;
  });

  std::vector<std::string> lines;
  lines.reserve(entries.size());
  for (const auto& entry : entries) lines.push_back(Line(entry, viewer, zone_of));
  detail::AppendSections(blocks,
                         detail::PackLines("*Your standups:*", lines, kMaxListSections,
                                           [](std::size_t n) { return detail::AndMore(n); }));
  blocks.push_back(detail::Context(
      "/standup cancel &lt;id&gt; \u00b7 /standup agenda &lt;id&gt; \u00b7 /standup remind 10m "
      "&lt;id&gt;"));
  const std::string count = std::to_string(meetings.size());
  return {"Your standups: " + count + (meetings.size() == 1 ? " standup" : " standups"),
          std::move(blocks)};
}

}  // namespace officer::bot::render
