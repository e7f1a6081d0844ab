#include <officer/domain/standup_organizer.hpp>

#include "meeting_guards.hpp"

namespace officer::domain {

CancelResult Cancel(const std::optional<StandupMeeting>& current, const CancelRequest& request) {
  if (!current || current->id != request.meeting) return MeetingNotFound{request.meeting};
  if (current->organizer != request.user) return NotTheOrganizer{current->id, current->organizer};
  if (current->status == MeetingStatus::Cancelled) return AlreadyCancelled{current->id};

  StandupMeeting next = *current;
  next.status = MeetingStatus::Cancelled;
  Effects effects;
  if (next.calendar_event_id) {
    effects.emplace_back(DeleteCalendarEvent{next.id, *next.calendar_event_id});
  }
  if (const auto* video = std::get_if<VideoLink>(&next.location);
      video != nullptr && !video->external_id.empty()) {
    effects.emplace_back(DeleteVideoMeeting{next.id, video->provider, video->external_id});
  }
  effects.emplace_back(CancelReminders{next.id});
  effects.emplace_back(UpdateMeetingMessage{next.id});
  for (const auto& participant : next.participants) {
    if (participant.user == next.organizer) continue;
    effects.emplace_back(
        SendDirectMessage{next.id, participant.user, DirectMessageReason::Cancelled, {}});
  }
  return detail::Changed(std::move(next), std::move(effects));
}

}  // namespace officer::domain
