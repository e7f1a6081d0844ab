#include <officer/bot/render/home_view.hpp>

#include "render/block_kit.hpp"

namespace officer::bot::render {

nlohmann::json HomeView(const std::vector<domain::StandupMeeting>& meetings,
                        const domain::UserId& viewer, const NextOccurrenceOf& next_of,
                        const ZoneOf& zone_of) {
  nlohmann::json blocks = nlohmann::json::array();
  blocks.push_back(detail::Header("Your standups"));
  // The list keeps far below the 100 blocks a Home tab may hold.
  for (auto& block : MeetingList(meetings, viewer, next_of, zone_of).blocks) {
    blocks.push_back(std::move(block));
  }
  blocks.push_back({{"type", "divider"}});
  blocks.push_back(detail::Context(
      "Book: `/standup book 9:30 @alice @bob` (or just `/standup` for a form) \u00b7 "
      "Reminders: `/standup remind 10m all` \u00b7 "
      "Calendar: `/standup connect google` or `microsoft` \u00b7 All commands: `/standup help`"));
  return {{"type", "home"}, {"blocks", std::move(blocks)}};
}

}  // namespace officer::bot::render
