// UpdateMeeting against the real repository: what it saves, and what it queues.
#include <officer/bot/standup/meeting_update.hpp>

#include <date/tz.h>
#include <doctest/doctest.h>

#include <officer/integrations/postgres/meeting_repository.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace d = officer::domain;
namespace pg = officer::integrations::postgres;
using officer::bot::standup::UpdateMeeting;
using officer::testing::TestDatabase;

d::StandupMeeting Booked(d::Location location) {
  d::BookRequest request;
  request.id = d::MeetingId("m1");
  request.workspace = d::WorkspaceId("T1");
  request.channel = d::ChannelId("C1");
  request.organizer = d::Invitee{d::UserId("U1"), "U1", "u1@x.test"};
  request.invitees = {d::Invitee{d::UserId("U2"), "U2", "u2@x.test"}};
  request.start = d::TimeOfDay{9, 30};
  request.zone_name = "Europe/Berlin";
  request.location = std::move(location);
  const auto now = date::sys_days{date::year{2026} / 11 / 26};
  auto result = d::Book(request, date::locate_zone("Europe/Berlin"), date::sys_seconds{now});
  return std::get<d::Booked>(result).meeting;
}

struct Store {
  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 2};
  pg::PgMeetingRepository repository{pool};
};

}  // namespace

TEST_SUITE("meeting update") {
  TEST_CASE("an event created for a standup cancelled meanwhile is queued for deletion") {
    Store store;
    auto meeting = Booked(d::NoLocation{});
    meeting.status = d::MeetingStatus::Cancelled;
    REQUIRE(store.repository.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    UpdateMeeting(store.repository, meeting.id, std::nullopt, [](const auto& current) {
      return d::RecordCalendarEvent(*current, "google:ev-9");
    });
    CHECK(store.db.QueuedEffectTypes() == std::vector<std::string>{"delete_calendar_event"});
    CHECK(store.repository.Load(meeting.id)->version == meeting.version);
  }

  TEST_CASE("a booked room is reported to the organizer though no participant changed") {
    Store store;
    const auto meeting = Booked(d::Room{"kepler@rooms.x.test"});
    REQUIRE(store.repository.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    const d::Interval clash{date::sys_seconds{std::chrono::seconds{1000}},
                            date::sys_seconds{std::chrono::seconds{2000}}};
    const d::ConflictReport report = {
        d::AttendeeVerdict{"U2", d::Free{}},
        d::AttendeeVerdict{"kepler@rooms.x.test", d::Busy{clash, clash, 1, "busy on Tue"}}};
    UpdateMeeting(store.repository, meeting.id, std::nullopt,
                  [&](const auto& current) { return d::ApplyConflicts(*current, report); });
    CHECK(store.db.QueuedEffectTypes() ==
          std::vector<std::string>{"update_meeting_message", "send_direct_message"});
    CHECK(std::get<d::Room>(store.repository.Load(meeting.id)->location).clash_note ==
          "busy on Tue");
  }

  TEST_CASE("an operation that changes nothing and asks for nothing writes nothing") {
    Store store;
    auto meeting = Booked(d::NoLocation{});
    meeting.message = d::MessageRef{"C1", "1700000000.000100"};
    REQUIRE(store.repository.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    UpdateMeeting(store.repository, meeting.id, std::nullopt, [&](const auto& current) {
      return d::RecordMessage(*current, *meeting.message);
    });
    CHECK(store.db.QueuedEffectTypes().empty());
  }
}
