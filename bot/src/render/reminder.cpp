#include <officer/bot/render/reminder.hpp>

#include <string>
#include <vector>

#include <officer/bot/render/meeting_message.hpp>
#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

constexpr std::size_t kMaxAgendaSections = 2;

std::string Headline(const std::string& title, std::chrono::minutes lead,
                     const domain::Interval& occurrence, const domain::StandupMeeting& meeting,
                     const date::time_zone& zone) {
  const std::string when = lead.count() <= 0 ? " starts now" : " starts in " + LeadText(lead);
  return title + when + " (" + LocalClock(occurrence.start, zone) + " " +
         EscapeMrkdwn(meeting.zone_name) + ")";
}

}  // namespace

SlackMessage Reminder(const domain::StandupMeeting& meeting, const domain::Interval& occurrence,
                      std::chrono::minutes lead, const date::time_zone& zone) {
  nlohmann::json blocks = nlohmann::json::array();
  std::string first = Headline(detail::BoldTitle(meeting.title), lead, occurrence, meeting, zone);
  if (const std::string location = LocationLine(meeting); !location.empty()) {
    first += "\n" + location;
  }
  blocks.push_back(detail::Section(first));

  std::vector<std::string> open_items;
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    if (!meeting.agenda[i].done) open_items.push_back(detail::AgendaLine(i + 1, meeting.agenda[i]));
  }
  if (!open_items.empty()) {
    detail::AppendSections(
        blocks, detail::PackLines("*Agenda*", open_items, kMaxAgendaSections,
                                  [](std::size_t n) { return detail::AndMore(n) + " items"; }));
  }
  const std::string id = EscapeMrkdwn(meeting.id.value());
  blocks.push_back(
      detail::Context("id: " + id + " \u00b7 /standup remind off " + id + " to stop these"));

  const std::string plain_title = EscapeMrkdwn(Truncate(meeting.title, detail::kMaxTitleChars));
  return {Headline(plain_title, lead, occurrence, meeting, zone), std::move(blocks)};
}

}  // namespace officer::bot::render
