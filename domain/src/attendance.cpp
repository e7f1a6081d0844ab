#include <officer/domain/standup_organizer.hpp>

#include "meeting_guards.hpp"

namespace officer::domain {
namespace {

AttendanceResult Respond(const std::optional<StandupMeeting>& current,
                         const AttendanceRequest& request, ParticipantStatus status,
                         CalendarResponse response) {
  if (auto refusal = detail::RefuseParticipantAction<AttendanceResult>(current, request.meeting,
                                                                       request.user)) {
    return *std::move(refusal);
  }
  if (current->FindParticipant(request.user)->status == status) return detail::Unchanged(*current);

  StandupMeeting next = *current;
  next.FindParticipant(request.user)->status = status;
  Effects effects{UpdateMeetingMessage{next.id}};
  if (request.user != next.organizer) {
    effects.emplace_back(RespondOnCalendar{next.id, request.user, response});
  }
  effects.emplace_back(ScheduleReminders{next.id});
  return detail::Changed(std::move(next), std::move(effects));
}

}  // namespace

AttendanceResult Confirm(const std::optional<StandupMeeting>& current,
                         const AttendanceRequest& request) {
  return Respond(current, request, ParticipantStatus::Accepted, CalendarResponse::Accepted);
}

AttendanceResult Decline(const std::optional<StandupMeeting>& current,
                         const AttendanceRequest& request) {
  return Respond(current, request, ParticipantStatus::Declined, CalendarResponse::Declined);
}

}  // namespace officer::domain
