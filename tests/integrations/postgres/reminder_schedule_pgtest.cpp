#include <officer/integrations/postgres/reminder_schedule.hpp>

#include <thread>

#include <date/tz.h>
#include <doctest/doctest.h>

#include <officer/domain/standup_organizer.hpp>
#include <officer/integrations/postgres/meeting_repository.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace d = officer::domain;
namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

// Monday 30 Nov 2026, 00:00 UTC. Berlin is UTC+1, so 9:30 there is 08:30 UTC.
const date::sys_seconds kMonday{date::sys_days{date::year{2026} / 11 / 30}};

d::StandupMeeting Meeting(const std::string& id) {
  d::BookRequest request;
  request.id = d::MeetingId(id);
  request.workspace = d::WorkspaceId("T1");
  request.channel = d::ChannelId("C1");
  request.organizer = d::Invitee{d::UserId("U1"), "U1", ""};
  request.invitees = {d::Invitee{d::UserId("U2"), "U2", ""}, d::Invitee{d::UserId("U3"), "U3", ""}};
  request.start = d::TimeOfDay{9, 30};
  request.zone_name = "Europe/Berlin";
  return std::get<d::Booked>(
             d::Book(request, date::locate_zone("Europe/Berlin"), kMonday - std::chrono::hours(1)))
      .meeting;
}

std::vector<std::string> PlannedRunAt(const std::string& url, const std::string& recipient) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  std::vector<std::string> out;
  for (const auto& row :
       tx.exec_params("SELECT to_char(run_at AT TIME ZONE 'UTC', 'Dy HH24:MI') FROM jobs"
                      " WHERE kind = 'reminder' AND payload->>'recipient' = $1 ORDER BY run_at",
                      recipient)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

long ReminderJobs(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  return tx.exec("SELECT count(*) FROM jobs WHERE kind = 'reminder'")[0][0].as<long>();
}

pg::ReminderPlanningPolicy Policy() {
  pg::ReminderPlanningPolicy policy;
  policy.default_lead = std::chrono::minutes(10);
  return policy;
}

}  // namespace

TEST_SUITE("reminder planning") {
  TEST_CASE("each participant gets a reminder job per occurrence, the default lead before it") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository meetings(pool);
    pg::PgReminderSchedule schedule(pool, Policy());
    meetings.Save(Meeting("m1"), 0, {});
    CHECK(schedule.PlanDue(kMonday) == 1);
    // 36 hours from Monday 00:00 hold Monday's and Tuesday's standup.
    CHECK(PlannedRunAt(db.Url(), "U2") == std::vector<std::string>{"Mon 08:20", "Tue 08:20"});
    CHECK(ReminderJobs(db.Url()) == 6);
  }

  TEST_CASE("planning again adds nothing, and a changed lead moves the pending reminder") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository meetings(pool);
    pg::PgReminderSchedule schedule(pool, Policy());
    meetings.Save(Meeting("m1"), 0, {});
    schedule.PlanDue(kMonday);
    CHECK(schedule.PlanDue(kMonday) == 0);  // horizon still far away

    d::PersonPreferences preferences;
    preferences.user = d::UserId("U2");
    preferences.per_meeting.insert_or_assign(d::MeetingId("m1"),
                                             d::ReminderSetting::Before(std::chrono::minutes(25)));
    meetings.SavePreferences(d::WorkspaceId("T1"), preferences, {});
    schedule.Replan(d::MeetingId("m1"));
    CHECK(schedule.PlanDue(kMonday) == 1);
    CHECK(PlannedRunAt(db.Url(), "U2") == std::vector<std::string>{"Mon 08:05", "Tue 08:05"});
    CHECK(PlannedRunAt(db.Url(), "U3") == std::vector<std::string>{"Mon 08:20", "Tue 08:20"});
    CHECK(ReminderJobs(db.Url()) == 6);
  }

  TEST_CASE("a cancelled standup is not planned") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgMeetingRepository meetings(pool);
    pg::PgReminderSchedule schedule(pool, Policy());
    auto meeting = Meeting("m1");
    meeting.status = d::MeetingStatus::Cancelled;
    meetings.Save(meeting, 0, {});
    CHECK(schedule.PlanDue(kMonday) == 0);
    CHECK(ReminderJobs(db.Url()) == 0);
  }

  TEST_CASE("replicas planning at once write each reminder once") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 8);
    pg::PgMeetingRepository meetings(pool);
    for (int i = 0; i < 60; ++i) meetings.Save(Meeting("m" + std::to_string(i)), 0, {});
    auto policy = Policy();
    policy.batch = 7;
    std::vector<std::thread> replicas;
    for (int r = 0; r < 4; ++r) {
      replicas.emplace_back([&] {
        pg::PgReminderSchedule schedule(pool, policy);
        while (schedule.PlanDue(kMonday) > 0) {
        }
      });
    }
    for (auto& replica : replicas) replica.join();
    CHECK(ReminderJobs(db.Url()) == 60 * 6);
  }
}

TEST_SUITE("reminder ledger") {
  TEST_CASE("a reminder is claimed once, and a released claim can be claimed again") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::PgReminderSchedule schedule(pool, Policy());
    const d::MeetingId m("m1");
    const d::UserId u("U2");
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Claimed);
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Busy);
    schedule.Release(m, kMonday, u);
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Claimed);
    schedule.Record(m, kMonday, u, d::ReminderOutcome::Sent);
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Decided);
    CHECK(schedule.Outcomes().at("sent") == 1);
    // the next occurrence is a reminder of its own
    CHECK(schedule.Claim(m, kMonday + std::chrono::hours(24), u) == d::ReminderClaim::Claimed);
  }

  TEST_CASE("a claim left by a sender that died is taken over once stale") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    auto policy = Policy();
    policy.stale_claim = std::chrono::seconds(1);
    pg::PgReminderSchedule schedule(pool, policy);
    const d::MeetingId m("m1");
    const d::UserId u("U2");
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Claimed);
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Busy);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    CHECK(schedule.Claim(m, kMonday, u) == d::ReminderClaim::Claimed);
  }
}
