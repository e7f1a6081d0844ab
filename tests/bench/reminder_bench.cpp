// Reminder scheduling at scale, measured (not asserted): planning and a steady scheduler tick
// with 100,000 active standups, and how long 10,000 due reminders take to reach Slack (the fake
// Web API over loopback HTTP). Uses a throwaway database on DATABASE_URL's server.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

#include <pqxx/pqxx>
#include <spdlog/sinks/null_sink.h>

#include <officer/bot/standup/reminder_sender.hpp>
#include <officer/bot/standup/slack_chat_notifier.hpp>
#include <officer/fakes/fake_slack_api.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/local/local_calendar.hpp>
#include <officer/integrations/postgres/job_workers.hpp>
#include <officer/integrations/postgres/meeting_repository.hpp>
#include <officer/integrations/postgres/migrator.hpp>
#include <officer/integrations/postgres/reminder_schedule.hpp>
#include <officer/integrations/slack/slack_web_api.hpp>

#include "wiring/web_api_slack.hpp"

namespace {

namespace pg = officer::integrations::postgres;
using Clock = std::chrono::steady_clock;

double Ms(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

class SystemClock final : public officer::domain::Clock {
 public:
  date::sys_seconds Now() const override {
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

std::string WithDatabase(std::string url, const std::string& name) {
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

constexpr long kMeetings = 100000;
constexpr long kDueMeetings = 3334;  // three people each: 10,002 reminders

}  // namespace

int main() {
  const char* server = std::getenv("DATABASE_URL");
  if (server == nullptr) {
    std::cerr << "reminder_bench: set DATABASE_URL (deploy/dev bench does)\n";
    return 2;
  }
  const std::string name = "officer_bench_" + std::to_string(std::random_device{}() % 100000);
  pqxx::connection admin(server);
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
  const std::string url = WithDatabase(server, name);
  int status = 0;
  try {
    {
      pqxx::connection connection(url);
      pqxx::nontransaction(connection).exec("SET client_min_messages TO WARNING");
      pg::Migrate(connection, pg::EmbeddedMigrations());
      pqxx::work tx(connection);
      // 100,000 weekday standups across three zones, three people each.
      tx.exec(
          "INSERT INTO meetings (id, workspace_id, channel_id, organizer_id, title, start_minute,"
          " duration_minutes, days, time_zone, first_day, location_kind, status, version)"
          " SELECT 'b' || g, 'T1', 'C1', 'U' || (g % 5000), 'Standup ' || g, 480 + g % 180, 15, 62,"
          " (ARRAY['Europe/Berlin','America/New_York','Asia/Kolkata'])[1 + g % 3],"
          " current_date - 7, 'none', 'active', 1 FROM generate_series(1, " +
          std::to_string(kMeetings) + ") g");
      tx.exec(
          "INSERT INTO participants (meeting_id, position, user_id, status)"
          " SELECT 'b' || g, p, 'U' || ((g + p * 7) % 5000), 'invited'"
          " FROM generate_series(1, " +
          std::to_string(kMeetings) + ") g, generate_series(0, 2) p ON CONFLICT DO NOTHING");
      tx.exec("ANALYZE");
      tx.commit();
    }
    pg::ConnectionPool pool(url, 8);
    SystemClock clock;
    pg::ReminderPlanningPolicy policy;
    pg::PgReminderSchedule schedule(pool, policy);

    auto started = Clock::now();
    std::size_t planned = 0;
    for (std::size_t n; (n = schedule.PlanDue(clock.Now())) > 0;) planned += n;
    const auto plan_all = Clock::now() - started;

    started = Clock::now();
    constexpr int kTicks = 20;
    for (int i = 0; i < kTicks; ++i) schedule.PlanDue(clock.Now());
    const auto tick = (Clock::now() - started) / kTicks;

    pg::JobStore jobs(pool, pg::JobRetryPolicy{});
    long reminder_jobs = 0;
    {
      pqxx::connection connection(url);
      pqxx::read_transaction tx(connection);
      reminder_jobs = tx.exec("SELECT count(*) FROM jobs WHERE kind = 'reminder'")[0][0].as<long>();
    }
    // With every planned reminder in the table, finding the due ones must stay cheap.
    {
      pqxx::connection connection(url);
      pqxx::work tx(connection);
      tx.exec("UPDATE jobs SET run_at = run_at + interval '1 day' WHERE run_at <= now()");
      tx.commit();
      // Fresh statistics, as autovacuum's analyze keeps them after a bulk of new jobs.
      pqxx::nontransaction(connection).exec("ANALYZE jobs");
    }
    started = Clock::now();
    for (int i = 0; i < kTicks; ++i) jobs.Claim();
    const auto claim = (Clock::now() - started) / kTicks;

    std::cout << "reminder_plan_100k_meetings_s " << Ms(plan_all) / 1000.0 << "  (" << planned
              << " meetings, " << reminder_jobs << " reminder jobs for 36 h)\n";
    std::cout << "reminder_tick_100k_active_ms " << Ms(tick) << "\n";
    std::cout << "due_job_claim_ms " << Ms(claim) << "  (nothing due among " << reminder_jobs
              << " planned)\n";

    // 10,000 reminders due now, sent by 4 workers to the fake Slack Web API.
    officer::fakes::FakeSlackApi slack;
    for (int u = 0; u < 5000; ++u) {
      officer::fakes::FakeSlackUser user;
      user.id = "U" + std::to_string(u);
      slack.AddUser(user);
    }
    {
      pqxx::connection connection(url);
      pqxx::work tx(connection);
      tx.exec("DELETE FROM jobs WHERE kind = 'reminder'");
      tx.exec_params(
          "INSERT INTO jobs (kind, payload, idempotency_key, run_at)"
          " SELECT 'reminder', jsonb_build_object('meeting', p.meeting_id, 'occurrence',"
          " extract(epoch FROM date_trunc('minute', now()) + interval '5 minutes')::bigint,"
          " 'recipient', p.user_id), 'due:' || p.meeting_id || ':' || p.user_id, now()"
          " FROM participants p WHERE p.meeting_id IN (SELECT 'b' || g FROM generate_series(1, $1) g)",
          kDueMeetings);
      tx.commit();
    }
    auto null_logger = std::make_shared<spdlog::logger>(
        "bench", std::make_shared<spdlog::sinks::null_sink_mt>());
    auto http = std::make_shared<officer::integrations::http::HttpTransport>(
        officer::integrations::http::HttpTransportConfig{}, null_logger);
    officer::integrations::slack::SlackWebApi api(http, slack.BaseUrl(), null_logger);
    officer::wiring::WebApiSlack slack_port(api, std::string(officer::fakes::FakeSlackApi::kDefaultToken));
    officer::bot::standup::SlackChatNotifier chat(slack_port);
    pg::PgMeetingRepository meetings(pool);
    officer::integrations::local::LocalCalendar calendar(pool);
    officer::bot::standup::ReminderSender sender(meetings, schedule, calendar, chat, clock,
                                                 std::chrono::minutes(10));
    long due = 0;
    {
      pqxx::connection connection(url);
      pqxx::read_transaction tx(connection);
      due = tx.exec("SELECT count(*) FROM jobs WHERE kind = 'reminder'")[0][0].as<long>();
    }
    started = Clock::now();
    {
      pg::JobWorkers workers(
          jobs, {{"reminder", [&](const std::string& payload) { sender.Run(payload); }}},
          null_logger, 4, std::chrono::milliseconds(20));
      while (schedule.Outcomes()["sent"] < due &&
             Clock::now() - started < std::chrono::minutes(5)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      workers.Stop();
    }
    const auto deliver = Clock::now() - started;
    const auto sent = schedule.Outcomes()["sent"];
    std::cout << "reminders_10k_delivered_s " << Ms(deliver) / 1000.0 << "  (" << sent << " of "
              << due << " DMs, " << static_cast<long>(sent / (Ms(deliver) / 1000.0))
              << "/s, 4 workers, 2 HTTP calls each)\n";
    if (sent != due) status = 1;
  } catch (const std::exception& error) {
    std::cerr << "reminder_bench: " << error.what() << "\n";
    status = 1;
  }
  pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  return status;
}
