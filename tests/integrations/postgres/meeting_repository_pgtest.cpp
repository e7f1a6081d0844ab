#include <officer/integrations/postgres/meeting_repository.hpp>

#include <date/tz.h>
#include <doctest/doctest.h>

#include <officer/domain/standup_organizer.hpp>
#include <officer/integrations/postgres/effect_codec.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace d = officer::domain;
namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

d::Invitee Invitee(const std::string& id) { return d::Invitee{d::UserId(id), id, id + "@x.test"}; }

d::StandupMeeting Booked(const std::string& id, d::Location location = d::NoLocation{}) {
  d::BookRequest request;
  request.id = d::MeetingId(id);
  request.workspace = d::WorkspaceId("T1");
  request.channel = d::ChannelId("C1");
  request.organizer = Invitee("U1");
  request.invitees = {Invitee("U2"), Invitee("U3")};
  request.start = d::TimeOfDay{9, 30};
  request.zone_name = "Europe/Berlin";
  request.location = std::move(location);
  request.reminder = d::ReminderSetting::Before(std::chrono::minutes(5));
  const auto now = date::sys_days{date::year{2026} / 11 / 26};
  auto result = d::Book(request, date::locate_zone("Europe/Berlin"), date::sys_seconds{now});
  return std::get<d::Booked>(result).meeting;
}

}  // namespace

TEST_SUITE("meeting repository") {
  TEST_CASE("a booked standup reads back exactly as it was saved") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    auto meeting = Booked("m1", d::Room{"Room 4 <room4@x.test>", "busy 09:00–10:00 on Tue 1 Dec"});
    meeting.agenda.push_back(d::AgendaItem{"demo \"quotes\" & ünïcode", true, d::UserId("U2")});
    meeting.participants[1].status = d::ParticipantStatus::Busy;
    meeting.participants[1].clash = d::Interval{date::sys_seconds{std::chrono::seconds{1000}},
                                                date::sys_seconds{std::chrono::seconds{4600}}};
    meeting.participants[1].clash_note = "busy 09:00–10:00 on Tue 1 Dec";
    meeting.message = d::MessageRef{"C1", "1700000000.000100"};
    REQUIRE(repository.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    CHECK(repository.Load(d::MeetingId("m1")) == meeting);
  }

  TEST_CASE("an unknown id loads as nothing") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    CHECK_FALSE(repository.Load(d::MeetingId("nope")).has_value());
  }

  TEST_CASE("a save against a stale version is a conflict that stores and queues nothing") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    auto meeting = Booked("m1");
    REQUIRE(repository.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    CHECK(repository.Save(meeting, 0, {d::PostMeetingMessage{meeting.id}}) ==
          d::SaveOutcome::VersionConflict);

    auto first = meeting;
    first.title = "first writer";
    first.version = 2;
    auto second = meeting;
    second.title = "second writer";
    second.version = 2;
    CHECK(repository.Save(first, 1, {d::UpdateMeetingMessage{meeting.id}}) ==
          d::SaveOutcome::Saved);
    CHECK(repository.Save(second, 1, {d::PostMeetingMessage{meeting.id}}) ==
          d::SaveOutcome::VersionConflict);
    CHECK(repository.Load(meeting.id)->title == "first writer");
    CHECK(db.QueuedEffectTypes() == std::vector<std::string>{"update_meeting_message"});
  }

  TEST_CASE("a save queues its effects as jobs in the order given") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    auto meeting = Booked("m1");
    repository.Save(
        meeting, 0,
        {d::PostMeetingMessage{meeting.id}, d::CheckCalendars{meeting.id},
         d::SendDirectMessage{meeting.id, d::UserId("U2"), d::DirectMessageReason::Clash, "busy"}});
    CHECK(db.QueuedEffectTypes() == std::vector<std::string>{"post_meeting_message",
                                                             "check_calendars",
                                                             "send_direct_message"});
  }

  TEST_CASE("a person's list holds the standups they organize or join, and no others") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    repository.Save(Booked("m1"), 0, {});
    auto other = Booked("m2");
    other.organizer = d::UserId("U9");
    other.participants = {other.participants[0], other.participants[1]};
    other.participants[0].user = d::UserId("U9");
    repository.Save(other, 0, {});
    CHECK(repository.ListForPerson(d::WorkspaceId("T1"), d::UserId("U3")).size() == 1);
    CHECK(repository.ListForPerson(d::WorkspaceId("T1"), d::UserId("U2")).size() == 2);
    CHECK(repository.ListForPerson(d::WorkspaceId("T2"), d::UserId("U2")).empty());
    CHECK(repository.ListForPerson(d::WorkspaceId("T1"), d::UserId("U7")).empty());
  }

  TEST_CASE("preferences read back with every level, and none means nothing chosen") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    const auto fresh = repository.LoadPreferences(d::WorkspaceId("T1"), d::UserId("U2"));
    CHECK_FALSE(fresh.all_meetings.has_value());
    CHECK(fresh.per_meeting.empty());
    CHECK_FALSE(fresh.autoconfirm);

    d::PersonPreferences preferences;
    preferences.user = d::UserId("U2");
    preferences.all_meetings = d::ReminderSetting::Before(std::chrono::minutes(15));
    preferences.per_meeting.insert_or_assign(d::MeetingId("m1"), d::ReminderSetting::Off());
    preferences.autoconfirm = true;
    repository.SavePreferences(d::WorkspaceId("T1"), preferences,
                               {d::ReplanPersonReminders{preferences.user}});
    CHECK(repository.LoadPreferences(d::WorkspaceId("T1"), d::UserId("U2")) == preferences);
    CHECK(db.QueuedEffectTypes() == std::vector<std::string>{"replan_person_reminders"});
  }
}

TEST_SUITE("effect codec") {
  TEST_CASE("every effect survives the trip through a job payload") {
    const d::MeetingId m("m1");
    const d::Effects effects = {
        d::PostMeetingMessage{m},
        d::UpdateMeetingMessage{m},
        d::SendDirectMessage{m, d::UserId("U2"), d::DirectMessageReason::RoomBusy, "busy 9–10"},
        d::CheckCalendars{m},
        d::CreateCalendarEvent{m},
        d::DeleteCalendarEvent{m, "ev1"},
        d::CreateVideoMeeting{m, "zoom"},
        d::DeleteVideoMeeting{m, "zoom", "123"},
        d::ScheduleReminders{m},
        d::CancelReminders{m},
        d::ReplanPersonReminders{d::UserId("U3")},
        d::RespondOnCalendar{m, d::UserId("U2"), d::CalendarResponse::Declined},
    };
    for (const auto& effect : effects) {
      CHECK(pg::DecodeEffect(pg::EncodeEffect(effect)) == effect);
    }
  }

  TEST_CASE("a payload that is not an effect decodes as nothing") {
    CHECK_FALSE(pg::DecodeEffect("not json").has_value());
    CHECK_FALSE(pg::DecodeEffect(R"({"type":"launch_rockets"})").has_value());
    CHECK_FALSE(pg::DecodeEffect(R"({"type":"post_meeting_message"})").has_value());
    CHECK_FALSE(pg::DecodeEffect(R"({"type":"send_direct_message","meeting":"m","to":"U",)"
                                 R"("reason":"gossip"})")
                    .has_value());
  }
}

TEST_SUITE("meeting repository") {
  TEST_CASE("people are remembered with their name, e-mail and zone, keeping their preferences") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository repository(pool);
    d::PersonPreferences preferences;
    preferences.user = d::UserId("U2");
    preferences.autoconfirm = true;
    repository.SavePreferences(d::WorkspaceId("T1"), preferences, {});
    repository.RememberPeople(
        d::WorkspaceId("T1"),
        {d::PersonRecord{d::UserId("U2"), "Bob", "bob@x.test", "Asia/Kolkata"},
         d::PersonRecord{d::UserId("U3"), "Cy", "", ""}});
    pqxx::connection connection(db.Url());
    pqxx::read_transaction tx(connection);
    const auto bob = tx.exec(
        "SELECT display_name, email, time_zone, autoconfirm FROM people WHERE user_id = 'U2'")[0];
    CHECK(bob[0].as<std::string>() == "Bob");
    CHECK(bob[1].as<std::string>() == "bob@x.test");
    CHECK(bob[2].as<std::string>() == "Asia/Kolkata");
    CHECK(bob[3].as<bool>());
    CHECK(tx.exec("SELECT time_zone IS NULL FROM people WHERE user_id = 'U3'")[0][0].as<bool>());
    CHECK(tx.exec("SELECT count(*) FROM workspaces WHERE id = 'T1'")[0][0].as<int>() == 1);
  }
}
