#pragma once

#include <string>

#include <date/tz.h>

#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::standup {

/// The zone with this IANA name, or nullptr when the tz database has none.
const date::time_zone* FindZone(const std::string& name);

/// A stored meeting's zone; a meeting whose zone vanished from the tz database is a
/// PermanentError (Book refuses unknown zones, so only a tzdata change can cause it).
const date::time_zone& ZoneOf(const domain::StandupMeeting& meeting);

/// Lambdas for std::visit.
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace officer::bot::standup
