// Jobs and reminders end to end: real `officer serve` processes (one or two, killed and
// restarted), real PostgreSQL, and the fake Slack Web API over HTTP.
#include <signal.h>

#include <algorithm>
#include <set>
#include <thread>

#include <date/tz.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <officer/domain/standup_organizer.hpp>
#include <officer/fakes/fake_slack_api.hpp>
#include <officer/integrations/postgres/meeting_repository.hpp>
#include <officer/testing/http_call.hpp>
#include <officer/testing/officer_process.hpp>
#include <officer/testing/slack_requests.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace d = officer::domain;
namespace pg = officer::integrations::postgres;
using namespace officer::testing;
using officer::fakes::FakeResponse;
using officer::fakes::FakeSlackApi;

const std::string kSecret = "reminders-signing-secret";

template <typename Condition>
bool WaitFor(Condition condition, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return condition();
}

date::sys_seconds Now() {
  return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The first whole minute at least `ahead` from now: reminders are whole minutes before a start
// that is a whole minute, so this is the soonest start whose reminder falls inside the test.
date::sys_seconds NextMinuteAfter(std::chrono::seconds ahead) {
  return date::ceil<std::chrono::minutes>(Now() + ahead);
}

struct ReminderWorld {
  TestDatabase db;
  FakeSlackApi slack;
  pg::ConnectionPool pool{db.Url(), 4};
  pg::PgMeetingRepository meetings{pool};

  ReminderWorld() {
    for (const char* id : {"U1", "U2"}) {
      officer::fakes::FakeSlackUser user;
      user.id = id;
      user.name = id;
      user.email = std::string(id) + "@acme.test";
      user.tz = "UTC";
      slack.AddUser(user);
    }
    slack.AddChannel("C1", {"U1", "U2"});
  }

  std::map<std::string, std::string> Env() const {
    return {{"DATABASE_URL", db.Url()},
            {"SLACK_SIGNING_SECRET", kSecret},
            {"OFFICER_SECRET_KEY", std::string(64, 'b')},
            {"SLACK_BOT_TOKEN", std::string(FakeSlackApi::kDefaultToken)},
            {"SLACK_API_BASE_URL", slack.BaseUrl()},
            {"OFFICER_SCHEDULER_TICK_MS", "200"},
            {"OFFICER_JOB_LEASE_SECONDS", "2"}};
  }

  // An active daily standup of U1 and U2 at `start` (UTC) with a 1-minute reminder.
  d::StandupMeeting Standup(const std::string& id, date::sys_seconds start) {
    const auto time = date::make_time(start - date::floor<date::days>(start));
    d::BookRequest request;
    request.id = d::MeetingId(id);
    request.workspace = d::WorkspaceId("T1");
    request.channel = d::ChannelId("C1");
    request.organizer = d::Invitee{d::UserId("U1"), "U1", "U1@acme.test"};
    request.invitees = {d::Invitee{d::UserId("U2"), "U2", "U2@acme.test"}};
    request.title = "Standup " + id;
    request.start = d::TimeOfDay{static_cast<int>(time.hours().count()),
                                 static_cast<int>(time.minutes().count())};
    request.days = d::DaySet::Daily();
    request.zone_name = "UTC";
    request.reminder = d::ReminderSetting::Before(std::chrono::minutes(1));
    auto booked = d::Book(request, date::locate_zone("UTC"), Now());
    auto meeting = std::get<d::Booked>(booked).meeting;
    REQUIRE(meetings.Save(meeting, 0, {}) == d::SaveOutcome::Saved);
    return meeting;
  }

  // Reminders the fake received, as "<user> <title>" lines: DMs, and posts in #C1 naming a
  // person.
  std::vector<std::string> RemindersReceived() {
    std::vector<std::string> out;
    for (const auto& message : slack.MessagesIn("C1")) {
      if (message.text.find("starts in") == std::string::npos) continue;
      const auto start = message.text.find("Standup ");
      out.push_back(message.text.substr(2, message.text.find('>') - 2) + " " +
                    message.text.substr(start, message.text.find('*', start) - start) +
                    " (channel)");
    }
    for (const char* user : {"U1", "U2"}) {
      auto channel = slack.DmChannelOf(user);
      if (!channel) continue;
      for (const auto& message : slack.MessagesIn(*channel)) {
        if (message.text.find("starts in") == std::string::npos) continue;
        const auto start = message.text.find("Standup ");
        out.push_back(std::string(user) + " " +
                      message.text.substr(start, message.text.find('*', start) - start));
      }
    }
    return out;
  }

  long Ledger(const std::string& outcome) {
    pqxx::connection connection(db.Url());
    pqxx::read_transaction tx(connection);
    return tx.exec_params("SELECT count(*) FROM reminder_ledger WHERE outcome = $1", outcome)[0][0]
        .as<long>();
  }
};

}  // namespace

TEST_SUITE("reminders") {
  TEST_CASE("two officers on one database send each of 400 reminders exactly once") {
    ReminderWorld world;
    const auto start = NextMinuteAfter(std::chrono::seconds(75));
    for (int i = 0; i < 200; ++i) world.Standup("m" + std::to_string(i), start);
    // U2 chose to be reminded in the standup's channel; U1 keeps direct messages.
    d::PersonPreferences channel_please;
    channel_please.user = d::UserId("U2");
    channel_please.reminder_place = d::ReminderPlace::Channel;
    world.meetings.SavePreferences(d::WorkspaceId("T1"), channel_please, {});
    auto first = OfficerProcess::Serve(world.Env());
    auto second = OfficerProcess::Serve(world.Env());

    const bool all_sent = WaitFor(
        [&] { return world.Ledger("sent") == 400; },
        std::chrono::duration_cast<std::chrono::seconds>(start - Now() + std::chrono::seconds(30)));
    if (!all_sent) {
      const std::string logs = first.Output() + second.Output();
      MESSAGE(logs);
    }
    REQUIRE(all_sent);
    std::this_thread::sleep_for(std::chrono::seconds(2));  // anything late would show up now
    const auto received = world.RemindersReceived();
    CHECK(received.size() == 400);
    CHECK(std::set<std::string>(received.begin(), received.end()).size() == 400);
    CHECK(std::count_if(received.begin(), received.end(), [](const std::string& line) {
            return line.rfind("U2 ", 0) == 0 && line.find("(channel)") != std::string::npos;
          }) == 200);
    CHECK_FALSE(world.slack.DmChannelOf("U2").has_value());
  }

  TEST_CASE("a standup cancelled a second before its reminder reminds nobody") {
    ReminderWorld world;
    const auto start = NextMinuteAfter(std::chrono::seconds(65));  // reminder 5–65 s away
    const auto meeting = world.Standup("mc", start);
    auto officer = OfficerProcess::Serve(world.Env());
    const auto reminder_at = start - std::chrono::minutes(1);
    std::this_thread::sleep_until(std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            (reminder_at - std::chrono::seconds(1)).time_since_epoch())));
    auto reply = PostSigned(officer.BaseUrl() + "/slack/commands", kSecret,
                            CommandBody("T1", "C1", "U1", "cancel mc", "", "t-cancel"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("ancel") != std::string::npos);
    CHECK(
        WaitFor([&] { return world.Ledger("skipped_cancelled") == 2; }, std::chrono::seconds(20)));
    CHECK(world.RemindersReceived().empty());
  }

  TEST_CASE("after a long outage a stale reminder is dropped, not sent late") {
    ReminderWorld world;
    // A standup that began ten minutes ago, and its reminder planned before officer went down.
    // In seconds: the payload and run_at below count seconds since the epoch.
    const date::sys_seconds start =
        date::floor<std::chrono::minutes>(Now()) - std::chrono::minutes(10);
    world.Standup("ms", start + std::chrono::hours(24));
    {
      pqxx::connection connection(world.db.Url());
      pqxx::work tx(connection);
      tx.exec_params(
          "INSERT INTO jobs (kind, payload, idempotency_key, run_at)"
          " VALUES ('reminder', $1::jsonb, 'reminder:ms:stale:U2', to_timestamp($2))",
          nlohmann::json{{"meeting", "ms"},
                         {"occurrence", start.time_since_epoch().count()},
                         {"recipient", "U2"}}
              .dump(),
          static_cast<double>((start - std::chrono::minutes(1)).time_since_epoch().count()));
      tx.commit();
    }
    auto officer = OfficerProcess::Serve(world.Env());
    const bool dropped =
        WaitFor([&] { return world.Ledger("dropped_late") == 1; }, std::chrono::seconds(20));
    if (!dropped) MESSAGE(officer.Output());
    REQUIRE(dropped);
    CHECK(world.RemindersReceived().empty());
    const auto metrics = HttpCall("GET", officer.BaseUrl() + "/metrics").body;
    CHECK(metrics.find(R"(officer_reminders_total{outcome="dropped_late"} 1)") !=
          std::string::npos);
  }
}

TEST_SUITE("jobs") {
  TEST_CASE("an officer killed mid-job and started again books and posts exactly once") {
    ReminderWorld world;
    // The organizer lookup hangs long enough to kill the officer while it waits.
    world.slack.Server().Enqueue(
        "/api/users.info", FakeResponse{200,
                                        {},
                                        R"({"ok":true,"user":{"id":"U1","name":"U1","tz":"UTC",)"
                                        R"("profile":{"email":"U1@acme.test"}}})",
                                        "application/json; charset=utf-8",
                                        std::chrono::seconds(8)});
    auto first = OfficerProcess::Serve(world.Env());
    auto reply = PostSigned(first.BaseUrl() + "/slack/commands", kSecret,
                            CommandBody("T1", "C1", "U1", "book 9:30 <@U2>", "", "t-kill"));
    REQUIRE(reply.status == 200);
    REQUIRE(WaitFor([&] { return !world.slack.Server().RequestsTo("/api/users.info").empty(); },
                    std::chrono::seconds(10)));
    first.Stop(SIGKILL);

    auto second = OfficerProcess::Serve(world.Env());
    REQUIRE(
        WaitFor([&] { return !world.slack.MessagesIn("C1").empty(); }, std::chrono::seconds(30)));
    std::this_thread::sleep_for(std::chrono::seconds(3));
    CHECK(world.slack.MessagesIn("C1").size() == 1);
    pqxx::connection connection(world.db.Url());
    pqxx::read_transaction tx(connection);
    CHECK(tx.exec("SELECT count(*) FROM meetings")[0][0].as<int>() == 1);
    CHECK(tx.exec("SELECT attempts FROM jobs WHERE kind = 'book'")[0][0].as<int>() == 2);
  }

  TEST_CASE("a post Slack answers with 500 twice arrives once") {
    ReminderWorld world;
    world.slack.Server().Enqueue("/api/chat.postMessage", FakeResponse::Status(500), 2);
    auto officer = OfficerProcess::Serve(world.Env());
    REQUIRE(PostSigned(officer.BaseUrl() + "/slack/commands", kSecret,
                       CommandBody("T1", "C1", "U1", "book 9:30 <@U2>", "", "t-500"))
                .status == 200);
    REQUIRE(
        WaitFor([&] { return !world.slack.MessagesIn("C1").empty(); }, std::chrono::seconds(30)));
    std::this_thread::sleep_for(std::chrono::seconds(2));
    CHECK(world.slack.MessagesIn("C1").size() == 1);
    CHECK(world.slack.Server().RequestsTo("/api/chat.postMessage").size() == 3);
  }
}
