#include <officer/integrations/postgres/history_sweep.hpp>

#include <chrono>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <officer/testing/test_database.hpp>

namespace {

namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;
using namespace std::chrono_literals;

date::sys_seconds Now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// A job as the workers leave it: finished `age` ago (pending and running jobs have no finish).
void AddJob(const std::string& url, const std::string& status, std::chrono::hours age) {
  pqxx::connection connection(url);
  pqxx::work tx(connection);
  tx.exec_params(
      "INSERT INTO jobs (kind, payload, status, run_at, created_at, finished_at)"
      " VALUES ('post_meeting_message', '{}', $1, now() - make_interval(hours => $2),"
      "   now() - make_interval(hours => $2),"
      "   CASE WHEN $1 IN ('done', 'dead') THEN now() - make_interval(hours => $2) END)",
      status, static_cast<int>(age.count()));
  tx.commit();
}

void AddReminderRecord(const std::string& url, const std::string& recipient,
                       std::chrono::hours since_occurrence) {
  pqxx::connection connection(url);
  pqxx::work tx(connection);
  tx.exec_params(
      "INSERT INTO reminder_ledger (meeting_id, occurrence_start, recipient_id, outcome)"
      " VALUES ('m1', now() - make_interval(hours => $2), $1, 'sent')",
      recipient, static_cast<int>(since_occurrence.count()));
  tx.commit();
}

std::vector<std::string> Remaining(const std::string& url, const std::string& query) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  std::vector<std::string> out;
  for (const auto& row : tx.exec(query)) out.push_back(row[0].as<std::string>());
  return out;
}

std::vector<std::string> JobStatuses(const std::string& url) {
  return Remaining(url, "SELECT status FROM jobs ORDER BY id");
}

}  // namespace

TEST_SUITE("history sweep") {
  TEST_CASE("jobs done more than a week ago are deleted, newer ones kept") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    AddJob(db.Url(), "done", 24h * 8);
    AddJob(db.Url(), "done", 24h * 6);
    const auto swept = pg::HistorySweep(pool, pg::RetentionPolicy{}).Sweep(Now());
    CHECK(swept.jobs == 1);
    CHECK(JobStatuses(db.Url()) == std::vector<std::string>{"done"});
  }

  TEST_CASE("dead jobs are kept for a month, then deleted") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    AddJob(db.Url(), "dead", 24h * 8);
    AddJob(db.Url(), "dead", 24h * 31);
    pg::HistorySweep(pool, pg::RetentionPolicy{}).Sweep(Now());
    CHECK(JobStatuses(db.Url()) == std::vector<std::string>{"dead"});
  }

  TEST_CASE("pending and running jobs are never deleted, however old") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    AddJob(db.Url(), "pending", 24h * 400);
    AddJob(db.Url(), "running", 24h * 400);
    const auto swept = pg::HistorySweep(pool, pg::RetentionPolicy{}).Sweep(Now());
    CHECK(swept.jobs == 0);
    CHECK(JobStatuses(db.Url()) == std::vector<std::string>{"pending", "running"});
  }

  TEST_CASE("the sweep goes by Officer's clock, not the database's") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    AddJob(db.Url(), "done", 24h * 2);
    pg::HistorySweep sweep(pool, pg::RetentionPolicy{});
    CHECK(sweep.Sweep(Now()).jobs == 0);
    CHECK(sweep.Sweep(Now() + 24h * 6).jobs == 1);
  }

  TEST_CASE("records of reminders for occurrences over five weeks ago are deleted") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    AddReminderRecord(db.Url(), "U-old", 24h * 36);
    AddReminderRecord(db.Url(), "U-recent", 24h * 34);
    AddReminderRecord(db.Url(), "U-today", 1h);
    const auto swept = pg::HistorySweep(pool, pg::RetentionPolicy{}).Sweep(Now());
    CHECK(swept.reminder_records == 1);
    CHECK(Remaining(db.Url(), "SELECT recipient_id FROM reminder_ledger ORDER BY recipient_id") ==
          std::vector<std::string>{"U-recent", "U-today"});
  }

  TEST_CASE("more old jobs than one batch holds are all deleted in one sweep") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    for (int i = 0; i < 7; ++i) AddJob(db.Url(), "done", 24h * 10);
    AddJob(db.Url(), "pending", 24h * 10);
    pg::RetentionPolicy policy;
    policy.batch = 3;
    CHECK(pg::HistorySweep(pool, policy).Sweep(Now()).jobs == 7);
    CHECK(JobStatuses(db.Url()) == std::vector<std::string>{"pending"});
  }
}
