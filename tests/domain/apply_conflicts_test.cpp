#include <officer/domain/standup_organizer.hpp>

#include <officer/domain/schedule.hpp>

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

const MeetingId kId{"m1"};
const Interval kClash{Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)};
const Interval kStandup{Utc(2026, 12, 1, 8, 30), Utc(2026, 12, 1, 8, 45)};
const char* const kNote = "busy 09:00\u201310:00 on Tue 1 Dec";

Verdict BusyVerdict() { return Busy{kStandup, kClash, 1, kNote}; }

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("a busy participant becomes busy with the clash and gets a direct message") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30});
  const ConflictReport report = {{"U1", Free{}}, {"U2", BusyVerdict()}, {"U3", NotVisible{}}};
  const auto result = ApplyConflicts(meeting, report);
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  CHECK(updated.meeting.version == 2);
  const auto* u2 = updated.meeting.FindParticipant(UserId{"U2"});
  CHECK(u2->status == ParticipantStatus::Busy);
  CHECK(u2->clash == kClash);
  CHECK(u2->clash_note == kNote);
  CHECK(updated.meeting.FindParticipant(UserId{"U3"})->status ==
        ParticipantStatus::CalendarNotVisible);
  CHECK(updated.meeting.FindParticipant(UserId{"U1"})->status == ParticipantStatus::Accepted);
  const Effects expected = {
      UpdateMeetingMessage{kId},
      SendDirectMessage{kId, UserId{"U2"}, DirectMessageReason::Clash, kNote}};
  CHECK(updated.effects == expected);
}

TEST_CASE("conflict verdicts change a participant's status only as far as it tells us more") {
  struct Row {
    std::string name;
    ParticipantStatus before;
    Verdict verdict;
    ParticipantStatus after;
  };
  const Row rows[] = {
      {"busy overrides invited", ParticipantStatus::Invited, BusyVerdict(),
       ParticipantStatus::Busy},
      {"busy overrides an acceptance made before the clash was known", ParticipantStatus::Accepted,
       BusyVerdict(), ParticipantStatus::Busy},
      {"a declined person stays declined", ParticipantStatus::Declined, BusyVerdict(),
       ParticipantStatus::Declined},
      {"not visible marks an invited person", ParticipantStatus::Invited, NotVisible{},
       ParticipantStatus::CalendarNotVisible},
      {"not visible leaves an accepted person accepted", ParticipantStatus::Accepted, NotVisible{},
       ParticipantStatus::Accepted},
      {"free clears busy back to invited", ParticipantStatus::Busy, Free{},
       ParticipantStatus::Invited},
      {"free clears not visible back to invited", ParticipantStatus::CalendarNotVisible, Free{},
       ParticipantStatus::Invited},
      {"free leaves accepted alone", ParticipantStatus::Accepted, Free{},
       ParticipantStatus::Accepted},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto meeting = Meeting("Europe/Berlin", {9, 30});
    meeting.FindParticipant(UserId{"U2"})->status = row.before;
    const auto result = ApplyConflicts(meeting, {{"U2", row.verdict}});
    REQUIRE(std::holds_alternative<Updated>(result));
    CHECK(std::get<Updated>(result).meeting.FindParticipant(UserId{"U2"})->status == row.after);
  }
}

TEST_CASE("applying the same conflict report twice sends no second direct message") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30});
  const ConflictReport report = {{"U2", BusyVerdict()}, {"U3", NotVisible{}}};
  const auto once = std::get<Updated>(ApplyConflicts(meeting, report)).meeting;
  const auto twice = ApplyConflicts(once, report);
  REQUIRE(std::holds_alternative<Updated>(twice));
  CHECK(std::get<Updated>(twice).meeting == once);
  CHECK(std::get<Updated>(twice).effects.empty());
}

TEST_CASE("a busy room keeps its clash, tells the organizer, and unknown attendees are ignored") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = Room{"room-4@resource.example.com"};
  const ConflictReport report = {{"room-4@resource.example.com", BusyVerdict()},
                                 {"U9", BusyVerdict()}};
  const auto result = ApplyConflicts(meeting, report);
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  CHECK(updated.meeting.location == Location{Room{"room-4@resource.example.com", kNote}});
  CHECK(updated.meeting.version == meeting.version + 1);
  const Effects expected = {
      UpdateMeetingMessage{kId},
      SendDirectMessage{kId, UserId{"U1"}, DirectMessageReason::RoomBusy, kNote}};
  CHECK(updated.effects == expected);
}

TEST_CASE("a room found busy again with the same clash changes nothing and tells nobody") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = Room{"room-4", kNote};
  const auto result = ApplyConflicts(meeting, {{"room-4", BusyVerdict()}});
  CHECK(std::get<Updated>(result).meeting == meeting);
  CHECK(std::get<Updated>(result).effects.empty());
}

TEST_CASE("a room free again loses its clash; one Officer cannot see keeps it") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = Room{"room-4", kNote};
  const auto unseen = ApplyConflicts(meeting, {{"room-4", NotVisible{}}});
  CHECK(std::get<Updated>(unseen).meeting == meeting);
  const auto free = ApplyConflicts(meeting, {{"room-4", Free{}}});
  CHECK(std::get<Updated>(free).meeting.location == Location{Room{"room-4", ""}});
  CHECK(std::get<Updated>(free).effects == Effects{UpdateMeetingMessage{kId}});
}

TEST_CASE("conflicts are not applied to a cancelled standup") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.status = MeetingStatus::Cancelled;
  CHECK(ApplyConflicts(meeting, {{"U2", BusyVerdict()}}) == ConflictsResult{AlreadyCancelled{kId}});
}

TEST_CASE("detected conflicts for the next ten occurrences flow into participant statuses") {
  const auto& berlin = Zone("Europe/Berlin");
  const auto meeting = Meeting("Europe/Berlin", {9, 30});
  const auto occurrences = FirstOccurrences(meeting, berlin, 10, Utc(2026, 11, 30));
  REQUIRE(occurrences.size() == 10);
  const std::vector<AttendeeAvailability> calendars = {
      {"U1", std::vector<Interval>{}},
      {"U2", std::vector<Interval>{{Utc(2026, 12, 3, 8, 0), Utc(2026, 12, 3, 9, 0)}}},
      {"U3", NotVisible{}},
  };
  const auto result = ApplyConflicts(meeting, DetectConflicts(occurrences, calendars, berlin));
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto* u2 = std::get<Updated>(result).meeting.FindParticipant(UserId{"U2"});
  CHECK(u2->status == ParticipantStatus::Busy);
  CHECK(u2->clash_note == "busy 09:00\u201310:00 on Thu 3 Dec");
}

TEST_SUITE_END();
