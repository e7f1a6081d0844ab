#include <officer/domain/standup_organizer.hpp>

#include <algorithm>
#include <chrono>

#include <officer/domain/schedule.hpp>

namespace officer::domain {
namespace {

Participant ToParticipant(const Invitee& invitee, ParticipantStatus status) {
  return Participant{invitee.user, invitee.display_name, invitee.email, status, {}, {}};
}

}  // namespace

BookingResult Book(const BookRequest& request, const date::time_zone* zone, date::sys_seconds now) {
  if (!request.start.IsValid()) return BadTime{request.start.hour, request.start.minute};
  if (request.duration_minutes < kMinDurationMinutes ||
      request.duration_minutes > kMaxDurationMinutes) {
    return BadDuration{request.duration_minutes};
  }
  if (request.days.Empty()) return NoDays{};

  StandupMeeting meeting;
  meeting.participants.push_back(ToParticipant(request.organizer, ParticipantStatus::Accepted));
  std::vector<const Invitee*> autoconfirmed;
  for (const auto& invitee : request.invitees) {
    if (meeting.FindParticipant(invitee.user) != nullptr) continue;
    const auto status =
        invitee.autoconfirm ? ParticipantStatus::Accepted : ParticipantStatus::Invited;
    meeting.participants.push_back(ToParticipant(invitee, status));
    if (invitee.autoconfirm) autoconfirmed.push_back(&invitee);
  }
  if (meeting.participants.size() < 2) return TooFewPeople{meeting.participants.size()};

  if (zone == nullptr) return UnknownTimeZone{request.zone_name};
  const date::year_month_day today{date::floor<date::days>(zone->to_local(now))};
  if (request.first_day && date::sys_days{*request.first_day} < date::sys_days{today}) {
    return FirstDayInPast{*request.first_day, today};
  }

  meeting.id = request.id;
  meeting.workspace = request.workspace;
  meeting.channel = request.channel;
  meeting.organizer = request.organizer.user;
  meeting.title = request.title.empty() ? std::string{kDefaultTitle} : request.title;
  meeting.start = request.start;
  meeting.duration_minutes = request.duration_minutes;
  meeting.days = request.days;
  meeting.zone_name = zone->name();
  meeting.location = request.location;
  meeting.reminder = request.reminder;
  meeting.status = MeetingStatus::Active;
  meeting.version = 1;
  if (request.first_day) {
    meeting.first_day = *request.first_day;
  } else {
    // Walk from yesterday so the next occurrence is found whatever today's local time is.
    meeting.first_day = date::year_month_day{date::sys_days{today} - date::days{1}};
    const auto next = NextOccurrence(meeting, *zone, now);
    meeting.first_day = date::year_month_day{date::floor<date::days>(zone->to_local(next->start))};
  }

  // Calendars are read before the standup's own event exists, so it is never its own clash.
  Effects effects{CheckCalendars{meeting.id}};
  if (const auto* video = std::get_if<VideoLink>(&meeting.location);
      video != nullptr && video->join_url.empty() && !ComesWithCalendarEvent(*video)) {
    effects.emplace_back(CreateVideoMeeting{meeting.id, video->provider});
  }
  effects.emplace_back(CreateCalendarEvent{meeting.id});
  effects.emplace_back(PostMeetingMessage{meeting.id});
  for (const auto* invitee : autoconfirmed) {
    effects.emplace_back(RespondOnCalendar{meeting.id, invitee->user, CalendarResponse::Accepted});
  }
  effects.emplace_back(ScheduleReminders{meeting.id});
  return Booked{std::move(meeting), std::move(effects)};
}

}  // namespace officer::domain
