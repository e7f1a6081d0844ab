#include "zones.hpp"

#include <officer/domain/errors.hpp>

namespace officer::bot::standup {

const date::time_zone* FindZone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

const date::time_zone& ZoneOf(const domain::StandupMeeting& meeting) {
  const auto* zone = FindZone(meeting.zone_name);
  if (zone == nullptr) {
    throw PermanentError("standup " + meeting.id.value() + " has an unknown zone");
  }
  return *zone;
}

}  // namespace officer::bot::standup
