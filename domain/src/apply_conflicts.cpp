#include <officer/domain/standup_organizer.hpp>

#include "meeting_guards.hpp"

namespace officer::domain {
namespace {

// Applies one verdict; returns whether the participant changed. A DM goes out only when the
// clash is new, so a repeated report sends nothing.
bool Apply(const MeetingId& meeting, Participant& p, const Verdict& verdict, Effects& effects) {
  const Participant before = p;
  if (const auto* busy = std::get_if<Busy>(&verdict)) {
    if (p.status == ParticipantStatus::Declined) return false;
    p.status = ParticipantStatus::Busy;
    p.clash = busy->busy;
    p.clash_note = busy->note;
    if (before.clash != p.clash || before.status != ParticipantStatus::Busy) {
      effects.emplace_back(
          SendDirectMessage{meeting, p.user, DirectMessageReason::Clash, busy->note});
    }
  } else if (std::holds_alternative<NotVisible>(verdict)) {
    if (p.status == ParticipantStatus::Invited) p.status = ParticipantStatus::CalendarNotVisible;
  } else {
    if (p.status == ParticipantStatus::Busy || p.status == ParticipantStatus::CalendarNotVisible) {
      p.status = ParticipantStatus::Invited;
    }
    p.clash.reset();
    p.clash_note.clear();
  }
  return !(before == p);
}

// The room keeps its first clash for the message; the organizer hears of a new one.
bool ApplyToRoom(const StandupMeeting& meeting, Room& room, const Verdict& verdict,
                 Effects& effects) {
  if (const auto* busy = std::get_if<Busy>(&verdict)) {
    if (room.clash_note == busy->note) return false;
    room.clash_note = busy->note;
    effects.emplace_back(SendDirectMessage{meeting.id, meeting.organizer,
                                           DirectMessageReason::RoomBusy, busy->note});
    return true;
  }
  if (std::holds_alternative<Free>(verdict) && !room.clash_note.empty()) {
    room.clash_note.clear();
    return true;
  }
  return false;  // a room calendar Officer cannot see says nothing either way
}

}  // namespace

ConflictsResult ApplyConflicts(const StandupMeeting& meeting, const ConflictReport& report) {
  if (meeting.status == MeetingStatus::Cancelled) return AlreadyCancelled{meeting.id};
  StandupMeeting next = meeting;
  Effects effects;
  bool changed = false;
  auto* room = std::get_if<Room>(&next.location);
  for (const auto& entry : report) {
    if (auto* participant = next.FindParticipant(UserId{entry.attendee})) {
      changed = Apply(meeting.id, *participant, entry.verdict, effects) || changed;
    } else if (room != nullptr && entry.attendee == room->name_or_email) {
      changed = ApplyToRoom(meeting, *room, entry.verdict, effects) || changed;
    }
  }
  if (!changed) return Updated{meeting, std::move(effects)};
  effects.insert(effects.begin(), UpdateMeetingMessage{meeting.id});
  return detail::Changed(std::move(next), std::move(effects));
}

}  // namespace officer::domain
