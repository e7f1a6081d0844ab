#include <officer/domain/standup_organizer.hpp>

#include <optional>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

const MeetingId kId{"m1"};

std::optional<StandupMeeting> Current() {
  auto m = Meeting("Europe/Berlin", {9, 30});
  m.calendar_event_id = "evt-1";
  m.location = VideoLink{"zoom", "https://zoom.example/j/1", "z-1"};
  return m;
}

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("the organizer cancels: event, video and reminders go and everyone else is told") {
  const auto result = Cancel(Current(), {kId, UserId{"U1"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  CHECK(updated.meeting.status == MeetingStatus::Cancelled);
  CHECK(updated.meeting.version == 2);
  const Effects expected = {
      DeleteCalendarEvent{kId, "evt-1"},
      DeleteVideoMeeting{kId, "zoom", "z-1"},
      CancelReminders{kId},
      UpdateMeetingMessage{kId},
      SendDirectMessage{kId, UserId{"U2"}, DirectMessageReason::Cancelled, ""},
      SendDirectMessage{kId, UserId{"U3"}, DirectMessageReason::Cancelled, ""},
  };
  CHECK(updated.effects == expected);
}

TEST_CASE("cancelling before the event and video exist deletes nothing at providers") {
  auto current = Current();
  current->calendar_event_id.reset();
  current->location = VideoLink{"zoom", "", ""};
  const auto result = Cancel(current, {kId, UserId{"U1"}});
  REQUIRE(std::holds_alternative<Updated>(result));
  CHECK(std::get<Updated>(result).effects.front() == Effect{CancelReminders{kId}});
}

TEST_CASE("only the organizer may cancel") {
  CHECK(Cancel(Current(), {kId, UserId{"U2"}}) == CancelResult{NotTheOrganizer{kId, UserId{"U1"}}});
  CHECK(Cancel(Current(), {kId, UserId{"U9"}}) == CancelResult{NotTheOrganizer{kId, UserId{"U1"}}});
}

TEST_CASE("cancelling twice says it is already cancelled") {
  const auto once = std::get<Updated>(Cancel(Current(), {kId, UserId{"U1"}})).meeting;
  CHECK(Cancel(once, {kId, UserId{"U1"}}) == CancelResult{AlreadyCancelled{kId}});
}

TEST_CASE("cancelling a standup that does not exist says it was not found") {
  CHECK(Cancel(std::nullopt, {kId, UserId{"U1"}}) == CancelResult{MeetingNotFound{kId}});
}

TEST_SUITE_END();
