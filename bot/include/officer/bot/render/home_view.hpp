#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include <officer/bot/render/meeting_list.hpp>

namespace officer::bot::render {

/// Officer's App Home tab for `viewer` (a views.publish `home` view): their standups as
/// `/standup list` shows them, with each next occurrence, then how to book one, connect a
/// calendar and set reminders.
nlohmann::json HomeView(const std::vector<domain::StandupMeeting>& meetings,
                        const domain::UserId& viewer, const NextOccurrenceOf& next_of,
                        const ZoneOf& zone_of);

}  // namespace officer::bot::render
