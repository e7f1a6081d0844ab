#include <officer/integrations/postgres/grouped_enqueue.hpp>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <officer/domain/errors.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

pg::NewJob Click(const std::string& meeting, int n) {
  return pg::NewJob{"click",      nlohmann::json{{"n", n}}.dump(), "click:" + meeting,
                    std::nullopt, std::chrono::seconds(0),         "click"};
}

pg::JobRetryPolicy Policy() { return pg::JobRetryPolicy{}; }

// Each queue's payload numbers in id order.
std::map<std::string, std::vector<int>> QueuesInIdOrder(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  std::map<std::string, std::vector<int>> out;
  for (const auto& row : tx.exec("SELECT queue_key, (payload->>'n')::int FROM jobs ORDER BY id")) {
    out[row[0].as<std::string>()].push_back(row[1].as<int>());
  }
  return out;
}

// Rows written by one statement share its transaction id.
long Statements(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  return tx.exec("SELECT count(DISTINCT xmin::text) FROM jobs")[0][0].as<long>();
}

}  // namespace

TEST_SUITE("grouped enqueue") {
  TEST_CASE("jobs queued at once from many threads are all stored, each queue in caller order") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 8);
    pg::JobStore store(pool, Policy());
    pg::GroupedEnqueue grouped(store);
    std::vector<std::thread> callers;
    for (int t = 0; t < 8; ++t) {
      callers.emplace_back([&grouped, t] {
        for (int n = 0; n < 50; ++n) grouped.Enqueue(Click("m" + std::to_string(t), n));
      });
    }
    for (auto& caller : callers) caller.join();
    const auto queues = QueuesInIdOrder(db.Url());
    REQUIRE(queues.size() == 8);
    std::vector<int> in_order(50);
    for (int n = 0; n < 50; ++n) in_order[n] = n;
    for (const auto& [queue, numbers] : queues) CHECK_MESSAGE(numbers == in_order, queue);
  }

  TEST_CASE("callers arriving while an insert runs share the next statement") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, Policy());
    pg::GroupedEnqueue grouped(store);
    // Hold the first insert at the table lock until the others are waiting behind it.
    pqxx::connection blocker(db.Url());
    pqxx::work lock(blocker);
    lock.exec("LOCK TABLE jobs IN EXCLUSIVE MODE");
    std::thread first([&] { grouped.Enqueue(Click("m1", 0)); });
    pqxx::connection watcher(db.Url());
    for (int i = 0; i < 500; ++i) {
      pqxx::nontransaction look(watcher);
      if (look.exec("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND query LIKE 'INSERT INTO jobs%'")
              .size() == 1) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::vector<std::thread> others;
    for (int n = 1; n <= 3; ++n) others.emplace_back([&, n] { grouped.Enqueue(Click("m1", n)); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all three are waiting
    lock.abort();
    first.join();
    for (auto& other : others) other.join();
    CHECK(QueuesInIdOrder(db.Url())["click:m1"].size() == 4);
    CHECK(Statements(db.Url()) == 2);
  }

  TEST_CASE("when the database is away the caller gets TransientError") {
    pg::ConnectionPool pool("postgresql://127.0.0.1:1/nowhere?connect_timeout=1", 2,
                            std::chrono::milliseconds(200));
    pg::JobStore store(pool, Policy());
    pg::GroupedEnqueue grouped(store);
    CHECK_THROWS_AS(grouped.Enqueue(Click("m1", 0)), officer::TransientError);
    CHECK_THROWS_AS(grouped.Enqueue(Click("m1", 1)), officer::TransientError);
  }

  TEST_CASE("a job carrying an idempotency key is refused as a bug, and nothing is stored") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 2);
    pg::JobStore store(pool, Policy());
    pg::GroupedEnqueue grouped(store);
    auto keyed = Click("m1", 0);
    keyed.idempotency_key = "book:T1";
    CHECK_THROWS_AS(grouped.Enqueue(keyed), std::logic_error);
    CHECK(QueuesInIdOrder(db.Url()).empty());
  }
}
