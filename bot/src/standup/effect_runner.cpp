#include <officer/bot/standup/effect_runner.hpp>

#include <date/tz.h>

#include <officer/bot/standup/meeting_update.hpp>
#include <officer/domain/conflicts.hpp>
#include <officer/domain/errors.hpp>
#include <officer/domain/schedule.hpp>
#include <officer/domain/standup_organizer.hpp>

#include "zones.hpp"

namespace officer::bot::standup {

namespace {

namespace d = domain;

// The key a calendar knows a participant by: their e-mail, or their chat id without one.
std::string CalendarKey(const d::Participant& participant) {
  return participant.email.empty() ? participant.user.value() : participant.email;
}

std::vector<std::string> AttendeeEmails(const d::StandupMeeting& meeting) {
  std::vector<std::string> emails;
  for (const auto& participant : meeting.participants) emails.push_back(CalendarKey(participant));
  if (const auto* room = std::get_if<d::Room>(&meeting.location)) {
    emails.push_back(room->name_or_email);
  }
  return emails;
}

}  // namespace

EffectRunner::EffectRunner(d::MeetingRepository& meetings, d::ChatNotifier& chat,
                           d::CalendarGateway& calendar, d::VideoMeetingProvider* video,
                           d::ReminderSchedule& reminders, const d::Clock& clock)
    : meetings_(meetings),
      chat_(chat),
      calendar_(calendar),
      video_(video),
      reminders_(reminders),
      clock_(clock) {}

d::MeetingCard EffectRunner::Card(const d::StandupMeeting& meeting) const {
  return d::MeetingCard{meeting, d::NextOccurrence(meeting, ZoneOf(meeting), clock_.Now())};
}

void EffectRunner::Run(const d::Effect& effect) {
  auto load = [&](const d::MeetingId& id) { return meetings_.Load(id); };
  std::visit(
      Overloaded{
          [&](const d::PostMeetingMessage& e) {
            auto meeting = load(e.meeting);
            if (!meeting || meeting->message) return;  // gone, or posted by an earlier run
            const auto ref = chat_.PostMeetingMessage(Card(*meeting));
            UpdateMeeting(meetings_, e.meeting, std::nullopt,
                          [&](const auto& current) { return d::RecordMessage(*current, ref); });
          },
          [&](const d::UpdateMeetingMessage& e) {
            auto meeting = load(e.meeting);
            if (!meeting || !meeting->message) return;  // the post shows the latest state
            chat_.UpdateMeetingMessage(*meeting->message, Card(*meeting));
          },
          [&](const d::SendDirectMessage& e) {
            auto meeting = load(e.meeting);
            if (!meeting) return;
            chat_.SendDirectMessage(e.to, d::MeetingNotice{*meeting, e.reason, e.note});
          },
          [&](const d::CheckCalendars& e) {
            auto meeting = load(e.meeting);
            if (meeting && meeting->status == d::MeetingStatus::Active) CheckCalendars(*meeting);
          },
          [&](const d::CreateCalendarEvent& e) {
            auto meeting = load(e.meeting);
            if (!meeting || meeting->calendar_event_id ||
                meeting->status == d::MeetingStatus::Cancelled) {
              return;
            }
            d::RecurringEvent event;
            event.title = meeting->title;
            event.zone_name = meeting->zone_name;
            event.first_day = meeting->first_day;
            event.start = meeting->start;
            event.duration = std::chrono::minutes(meeting->duration_minutes);
            event.days = meeting->days;
            event.attendee_emails = AttendeeEmails(*meeting);
            event.location = meeting->location;
            event.description = "Booked by Officer in Slack. Standup id " + meeting->id.value();
            const auto created = calendar_.CreateRecurringEvent(meeting->organizer, event);
            UpdateMeeting(meetings_, e.meeting, std::nullopt, [&](const auto& current) {
              return d::RecordCalendarEvent(*current, created.event_id, created.join_url);
            });
          },
          [&](const d::DeleteCalendarEvent& e) {
            auto meeting = load(e.meeting);
            if (meeting) calendar_.DeleteEvent(meeting->organizer, e.event_id);
          },
          [&](const d::CreateVideoMeeting& e) {
            auto meeting = load(e.meeting);
            if (!meeting || meeting->status == d::MeetingStatus::Cancelled) return;
            if (const auto* link = std::get_if<d::VideoLink>(&meeting->location);
                link == nullptr || !link->join_url.empty()) {
              return;
            }
            if (video_ == nullptr) throw PermanentError("no video provider is configured");
            const auto created = video_->CreateRecurringMeeting(meeting->organizer, *meeting);
            UpdateMeeting(meetings_, e.meeting, std::nullopt, [&](const auto& current) {
              return d::RecordVideoMeeting(*current, created.join_url, created.external_id);
            });
          },
          [&](const d::DeleteVideoMeeting& e) {
            auto meeting = load(e.meeting);
            if (meeting && video_ != nullptr)
              video_->DeleteMeeting(meeting->organizer, e.external_id);
          },
          [&](const d::ScheduleReminders& e) { reminders_.Replan(e.meeting); },
          // A cancelled meeting's planned reminders find it cancelled when due and send nothing.
          [](const d::CancelReminders&) {},
          [&](const d::ReplanPersonReminders& e) { reminders_.ReplanPerson(e.user); },
          [&](const d::RespondOnCalendar& e) {
            auto meeting = load(e.meeting);
            if (meeting && meeting->calendar_event_id) {
              calendar_.Respond(e.user, *meeting->calendar_event_id, e.response);
            }
          },
      },
      effect);
}

void EffectRunner::CheckCalendars(const d::StandupMeeting& meeting) {
  const auto& zone = ZoneOf(meeting);
  auto occurrences = d::FirstOccurrences(meeting, zone, kOccurrencesChecked, clock_.Now());
  if (occurrences.empty()) return;
  const d::Interval window{occurrences.front().start, occurrences.back().end};

  std::vector<std::string> keys;      // what the calendar knows each attendee by
  std::vector<std::string> subjects;  // what ApplyConflicts knows them by
  for (const auto& participant : meeting.participants) {
    keys.push_back(CalendarKey(participant));
    subjects.push_back(participant.user.value());
  }
  if (const auto* room = std::get_if<d::Room>(&meeting.location)) {
    keys.push_back(room->name_or_email);
    subjects.push_back(room->name_or_email);
  }
  auto availability = calendar_.FreeBusy(meeting.organizer, keys, window);
  for (std::size_t i = 0; i < availability.size() && i < subjects.size(); ++i) {
    availability[i].attendee = subjects[i];
  }
  const auto report = d::DetectConflicts(std::move(occurrences), availability, zone);
  UpdateMeeting(meetings_, meeting.id, std::nullopt,
                [&](const auto& current) -> std::variant<d::Updated, d::AlreadyCancelled> {
                  if (!current) return d::AlreadyCancelled{meeting.id};
                  return d::ApplyConflicts(*current, report);
                });
}

}  // namespace officer::bot::standup
