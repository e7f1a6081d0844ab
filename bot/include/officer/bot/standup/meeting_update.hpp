#pragma once

#include <optional>
#include <variant>

#include <officer/domain/errors.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/standup_organizer.hpp>

namespace officer::bot::standup {

namespace detail {
inline const domain::Updated* AsUpdated(const domain::Updated& result) { return &result; }
template <typename... Alternatives>
const domain::Updated* AsUpdated(const std::variant<Alternatives...>& result) {
  return std::get_if<domain::Updated>(&result);
}
}  // namespace detail

/// Loads a meeting, applies a domain operation to it and saves the result with its effects
/// (also when only effects came of it), retrying from a fresh load when someone else saved
/// first; so concurrent clicks lose nothing.
/// A meeting of another workspace reads as not found. Returns the operation's result.
template <typename Operation>
auto UpdateMeeting(domain::MeetingRepository& meetings, const domain::MeetingId& id,
                   const std::optional<domain::WorkspaceId>& workspace, Operation operation)
    -> decltype(operation(std::optional<domain::StandupMeeting>{})) {
  constexpr int kAttempts = 10;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    auto current = meetings.Load(id);
    if (current && workspace && current->workspace != *workspace) current.reset();
    auto result = operation(current);
    const auto* updated = detail::AsUpdated(result);
    if (updated == nullptr) return result;
    const int expected = current ? current->version : 0;
    // Nothing changed and nothing to do. An unchanged meeting can still carry effects (a room
    // found booked, an event to delete for a standup cancelled meanwhile): those are saved with
    // the version check, so they are queued against the meeting as it still is.
    if (current && updated->meeting.version == expected && updated->effects.empty()) return result;
    if (meetings.Save(updated->meeting, expected, updated->effects) == domain::SaveOutcome::Saved) {
      return result;
    }
  }
  throw TransientError("the standup kept changing while it was being saved");
}

}  // namespace officer::bot::standup
