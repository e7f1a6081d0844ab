#include <officer/domain/standup_organizer.hpp>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

const MeetingId kId{"m1"};

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("the created calendar event's id is stored once") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30});
  const auto once = RecordCalendarEvent(meeting, "evt-1");
  CHECK(once.meeting.calendar_event_id == "evt-1");
  CHECK(once.meeting.version == 2);
  const auto twice = RecordCalendarEvent(once.meeting, "evt-1");
  CHECK(twice.meeting.version == 2);
  CHECK(twice.effects.empty());
}

TEST_CASE("a calendar event created after the standup was cancelled is deleted again") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.status = MeetingStatus::Cancelled;
  const auto result = RecordCalendarEvent(meeting, "evt-1");
  CHECK(result.meeting == meeting);
  CHECK(result.effects == Effects{DeleteCalendarEvent{kId, "evt-1"}});
}

TEST_CASE("a Meet link the calendar event came with is stored and the message updated") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = VideoLink{"meet", "", ""};
  const auto result = RecordCalendarEvent(meeting, "google:evt-1", "https://meet.google.com/a-b-c");
  CHECK(result.meeting.calendar_event_id == "google:evt-1");
  CHECK(result.meeting.location ==
        Location{VideoLink{"meet", "https://meet.google.com/a-b-c", ""}});
  CHECK(result.effects == Effects{UpdateMeetingMessage{kId}});
}

TEST_CASE("a Teams standup whose event came without a link tells the organizer") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = VideoLink{"teams", "", ""};
  const auto result = RecordCalendarEvent(meeting, "ev-1", "");
  CHECK(result.meeting.location == Location{VideoLink{"teams", "", ""}});
  CHECK(result.effects == Effects{SendDirectMessage{
                              kId, meeting.organizer, DirectMessageReason::VideoLinkMissing, {}}});
}

TEST_CASE("a link from the calendar is ignored for a standup that asked for none") {
  const auto meeting = Meeting("Europe/Berlin", {9, 30});
  const auto result = RecordCalendarEvent(meeting, "evt-1", "https://meet.google.com/a-b-c");
  CHECK(result.meeting.location == Location{NoLocation{}});
  CHECK(result.effects.empty());
}

TEST_CASE("the created video meeting's link is stored and the message updated") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = VideoLink{"zoom", "", ""};
  const auto result = RecordVideoMeeting(meeting, "https://zoom.example/j/1", "z-1");
  CHECK(result.meeting.location == Location{VideoLink{"zoom", "https://zoom.example/j/1", "z-1"}});
  CHECK(result.meeting.version == 2);
  CHECK(result.effects == Effects{UpdateMeetingMessage{kId}});
}

TEST_CASE("a video meeting created after the standup was cancelled is deleted again") {
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  meeting.location = VideoLink{"zoom", "", ""};
  meeting.status = MeetingStatus::Cancelled;
  const auto result = RecordVideoMeeting(meeting, "https://zoom.example/j/1", "z-1");
  CHECK(result.effects == Effects{DeleteVideoMeeting{kId, "zoom", "z-1"}});
}

TEST_CASE("where the meeting message was posted is stored") {
  const auto result = RecordMessage(Meeting("Europe/Berlin", {9, 30}), MessageRef{"C1", "1700.1"});
  CHECK(result.meeting.message == MessageRef{"C1", "1700.1"});
  CHECK(result.meeting.version == 2);
}

TEST_SUITE_END();
