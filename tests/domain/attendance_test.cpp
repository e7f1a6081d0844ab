#include <officer/domain/standup_organizer.hpp>

#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

const MeetingId kId{"m1"};

std::optional<StandupMeeting> Current() { return Meeting("Europe/Berlin", {9, 30}); }

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE(
    "a participant who confirms is accepted, answers on their calendar and bumps the version") {
  const auto result = Confirm(Current(), {kId, UserId{"U2"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  CHECK(updated.meeting.version == 2);
  CHECK(updated.meeting.FindParticipant(UserId{"U2"})->status == ParticipantStatus::Accepted);
  const Effects expected = {UpdateMeetingMessage{kId},
                            RespondOnCalendar{kId, UserId{"U2"}, CalendarResponse::Accepted},
                            ScheduleReminders{kId}};
  CHECK(updated.effects == expected);
}

TEST_CASE("a participant who declines is declined and answers on their calendar") {
  const auto result = Decline(Current(), {kId, UserId{"U3"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  CHECK(updated.meeting.version == 2);
  CHECK(updated.meeting.FindParticipant(UserId{"U3"})->status == ParticipantStatus::Declined);
  const Effects expected = {UpdateMeetingMessage{kId},
                            RespondOnCalendar{kId, UserId{"U3"}, CalendarResponse::Declined},
                            ScheduleReminders{kId}};
  CHECK(updated.effects == expected);
}

TEST_CASE("a second identical click changes nothing and has no effects") {
  struct Row {
    std::string name;
    AttendanceResult (*op)(const std::optional<StandupMeeting>&, const AttendanceRequest&);
  };
  const Row rows[] = {{"confirm", &Confirm}, {"decline", &Decline}};
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto first = row.op(Current(), {kId, UserId{"U2"}});
    REQUIRE(std::holds_alternative<Updated>(first));
    const auto& after_first = std::get<Updated>(first).meeting;
    const auto second = row.op(after_first, {kId, UserId{"U2"}});
    REQUIRE(std::holds_alternative<Updated>(second));
    CHECK(std::get<Updated>(second).meeting == after_first);
    CHECK(std::get<Updated>(second).meeting.version == 2);
    CHECK(std::get<Updated>(second).effects.empty());
  }
}

TEST_CASE("changing one's mind from declined to accepted is a change") {
  const auto declined = std::get<Updated>(Decline(Current(), {kId, UserId{"U2"}})).meeting;
  const auto result = Confirm(declined, {kId, UserId{"U2"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  CHECK(std::get<Updated>(result).meeting.version == 3);
  CHECK(std::get<Updated>(result).meeting.FindParticipant(UserId{"U2"})->status ==
        ParticipantStatus::Accepted);
}

TEST_CASE("the organizer's own answer does not respond on a calendar") {
  const auto result = Decline(Current(), {kId, UserId{"U1"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  const Effects expected = {UpdateMeetingMessage{kId}, ScheduleReminders{kId}};
  CHECK(std::get<Updated>(result).effects == expected);
}

TEST_CASE("clicks by different people on the same version each apply on a reload") {
  // What a caller does after a VersionConflict: reload and apply again; nothing is lost.
  const auto base = Current();
  const auto a = std::get<Updated>(Confirm(base, {kId, UserId{"U2"}})).meeting;
  const auto b = std::get<Updated>(Confirm(a, {kId, UserId{"U3"}})).meeting;
  CHECK(b.version == 3);
  CHECK(b.FindParticipant(UserId{"U2"})->status == ParticipantStatus::Accepted);
  CHECK(b.FindParticipant(UserId{"U3"})->status == ParticipantStatus::Accepted);
}

TEST_CASE("only participants may confirm or decline") {
  CHECK(Confirm(Current(), {kId, UserId{"U9"}}) ==
        AttendanceResult{NotAParticipant{kId, UserId{"U9"}}});
  CHECK(Decline(Current(), {kId, UserId{"U9"}}) ==
        AttendanceResult{NotAParticipant{kId, UserId{"U9"}}});
}

TEST_CASE("confirming a standup that does not exist says it was not found") {
  CHECK(Confirm(std::nullopt, {kId, UserId{"U2"}}) == AttendanceResult{MeetingNotFound{kId}});
  CHECK(Confirm(Current(), {MeetingId{"other"}, UserId{"U2"}}) ==
        AttendanceResult{MeetingNotFound{MeetingId{"other"}}});
}

TEST_CASE("confirming a cancelled standup says it is cancelled") {
  auto cancelled = Current();
  cancelled->status = MeetingStatus::Cancelled;
  CHECK(Confirm(cancelled, {kId, UserId{"U2"}}) == AttendanceResult{AlreadyCancelled{kId}});
}

TEST_SUITE_END();
