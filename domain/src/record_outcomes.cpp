#include <officer/domain/standup_organizer.hpp>

#include "meeting_guards.hpp"

namespace officer::domain {

Updated RecordCalendarEvent(const StandupMeeting& meeting, const std::string& event_id,
                            const std::string& join_url) {
  if (meeting.status == MeetingStatus::Cancelled) {
    return Updated{meeting, {DeleteCalendarEvent{meeting.id, event_id}}};
  }
  if (meeting.calendar_event_id == event_id) return detail::Unchanged(meeting);
  StandupMeeting next = meeting;
  next.calendar_event_id = event_id;
  Effects effects;
  if (auto* video = std::get_if<VideoLink>(&next.location);
      video != nullptr && ComesWithCalendarEvent(*video) && video->join_url.empty()) {
    if (join_url.empty()) {
      effects.emplace_back(SendDirectMessage{
          meeting.id, meeting.organizer, DirectMessageReason::VideoLinkMissing, {}});
    } else {
      video->join_url = join_url;
      effects.emplace_back(UpdateMeetingMessage{meeting.id});
    }
  }
  return detail::Changed(std::move(next), std::move(effects));
}

Updated RecordVideoMeeting(const StandupMeeting& meeting, const std::string& join_url,
                           const std::string& external_id) {
  const auto* video = std::get_if<VideoLink>(&meeting.location);
  const std::string provider = video != nullptr ? video->provider : std::string{};
  if (meeting.status == MeetingStatus::Cancelled) {
    return Updated{meeting, {DeleteVideoMeeting{meeting.id, provider, external_id}}};
  }
  const VideoLink link{provider, join_url, external_id};
  if (video != nullptr && *video == link) return detail::Unchanged(meeting);
  StandupMeeting next = meeting;
  next.location = link;
  return detail::Changed(std::move(next), {UpdateMeetingMessage{meeting.id}});
}

Updated RecordMessage(const StandupMeeting& meeting, const MessageRef& message) {
  if (meeting.message == message) return detail::Unchanged(meeting);
  StandupMeeting next = meeting;
  next.message = message;
  return detail::Changed(std::move(next), {});
}

}  // namespace officer::domain
