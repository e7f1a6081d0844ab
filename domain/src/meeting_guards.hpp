#pragma once

// Checks shared by the organizer's operations, in the order a person should hear about them:
// unknown meeting, then who may act, then the meeting's state.

#include <optional>

#include <officer/domain/standup_organizer.hpp>

namespace officer::domain::detail {

/// The refusal for a participant-only operation on `current`, or nullopt when it may proceed.
template <class Result>
std::optional<Result> RefuseParticipantAction(const std::optional<StandupMeeting>& current,
                                              const MeetingId& id, const UserId& user) {
  if (!current || current->id != id) return Result{MeetingNotFound{id}};
  if (current->FindParticipant(user) == nullptr) return Result{NotAParticipant{id, user}};
  if (current->status == MeetingStatus::Cancelled) return Result{AlreadyCancelled{id}};
  return std::nullopt;
}

/// `meeting` with its version bumped, and the effects.
inline Updated Changed(StandupMeeting meeting, Effects effects) {
  ++meeting.version;
  return Updated{std::move(meeting), std::move(effects)};
}

/// `meeting` as it was, and nothing to do.
inline Updated Unchanged(const StandupMeeting& meeting) { return Updated{meeting, {}}; }

}  // namespace officer::domain::detail
