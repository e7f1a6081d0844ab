#include <officer/integrations/postgres/job_workers.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <officer/domain/errors.hpp>
#include <officer/integrations/postgres/work_queue.hpp>
#include <officer/testing/test_database.hpp>

namespace {

namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

pg::JobRetryPolicy FastRetries(int max_attempts = 4) {
  return pg::JobRetryPolicy{max_attempts, std::chrono::milliseconds(20),
                            std::chrono::milliseconds(50), std::chrono::seconds(60)};
}

std::string StatusOf(const std::string& url, long long id) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  return tx.exec_params("SELECT status || ':' || attempts FROM jobs WHERE id = $1", id)[0][0]
      .as<std::string>();
}

long long OnlyJobId(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  return tx.exec("SELECT max(id) FROM jobs")[0][0].as<long long>();
}

// Runs workers until `done` holds or 10 s pass; returns what they counted.
template <typename Done>
std::tuple<long, long, long> RunWorkersUntil(
    pg::JobStore& store, std::map<std::string, pg::JobHandler> handlers, std::ostream& log,
    Done done, std::map<std::string, pg::BatchJobHandler> batch_handlers = {}) {
  auto logger = std::make_shared<spdlog::logger>(
      "jobs", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  pg::JobWorkers workers(store, std::move(handlers), std::move(batch_handlers), logger, 2,
                         std::chrono::milliseconds(10));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  workers.Stop();
  const auto& outcomes = workers.Outcomes();
  return {outcomes.succeeded.load(), outcomes.retried.load(), outcomes.dead.load()};
}

bool AllFinished(pg::JobStore& store) {
  const auto counts = store.Counts();
  return counts.pending == 0 && counts.running == 0;
}

}  // namespace

TEST_SUITE("job queue") {
  TEST_CASE("a job whose first two attempts fail succeeds on the third") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    store.Enqueue(pg::NewJob{"flaky", "{}", "", std::nullopt});
    std::atomic<int> calls{0};
    std::ostringstream log;
    RunWorkersUntil(store,
                    {{"flaky",
                      [&](const std::string&) {
                        if (++calls < 3) throw officer::TransientError("slack answered 500");
                      }}},
                    log, [&] { return calls >= 3; });
    CHECK(calls == 3);
    CHECK(StatusOf(db.Url(), OnlyJobId(db.Url())) == "done:3");
  }

  TEST_CASE("a job that always fails ends dead with one clear log line") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries(3));
    store.Enqueue(pg::NewJob{"doomed", "{}", "", std::nullopt});
    std::ostringstream log;
    RunWorkersUntil(store,
                    {{"doomed", [](const std::string&) { throw officer::TransientError("down"); }}},
                    log, [&] { return store.Counts().dead == 1; });
    CHECK(StatusOf(db.Url(), OnlyJobId(db.Url())) == "dead:3");
    CHECK(log.str().find("(doomed) is dead after 3 attempts: down") != std::string::npos);
  }

  TEST_CASE("a permanent failure is dead at once") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    store.Enqueue(pg::NewJob{"revoked", "{}", "", std::nullopt});
    std::ostringstream log;
    RunWorkersUntil(
        store,
        {{"revoked", [](const std::string&) { throw officer::PermanentError("invalid_auth"); }}},
        log, [&] { return store.Counts().dead == 1; });
    CHECK(StatusOf(db.Url(), OnlyJobId(db.Url())) == "dead:1");
  }

  TEST_CASE("a job of a kind nobody handles is dead, not retried forever") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    store.Enqueue(pg::NewJob{"mystery", "{}", "", std::nullopt});
    std::ostringstream log;
    RunWorkersUntil(store, {}, log, [&] { return store.Counts().dead == 1; });
    CHECK(StatusOf(db.Url(), OnlyJobId(db.Url())) == "dead:1");
  }

  TEST_CASE("a second job with the same idempotency key is ignored") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    CHECK(store.Enqueue(pg::NewJob{"k", "{}", "", std::string("slash:123")}));
    CHECK_FALSE(store.Enqueue(pg::NewJob{"k", "{}", "", std::string("slash:123")}));
    CHECK(store.Counts().pending == 1);
  }

  TEST_CASE("jobs sharing a queue run one at a time in order, others run alongside") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 6);
    pg::JobStore store(pool, FastRetries());
    for (int i = 0; i < 6; ++i) {
      store.Enqueue(pg::NewJob{"step", std::to_string(i), "meeting:m1", std::nullopt});
    }
    std::mutex mutex;
    std::vector<int> order;
    std::atomic<int> running{0};
    std::atomic<int> most_at_once{0};
    std::ostringstream log;
    RunWorkersUntil(store,
                    {{"step",
                      [&](const std::string& payload) {
                        most_at_once = std::max(most_at_once.load(), ++running);
                        std::this_thread::sleep_for(std::chrono::milliseconds(20));
                        {
                          std::lock_guard lock(mutex);
                          order.push_back(std::stoi(payload));
                        }
                        --running;
                      }}},
                    log, [&] {
                      std::lock_guard lock(mutex);
                      return order.size() == 6;
                    });
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5});
    CHECK(most_at_once == 1);
  }

  TEST_CASE("a job claimed by a worker that died is picked up again after its lease") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    auto policy = FastRetries();
    policy.lease = std::chrono::seconds(1);
    pg::JobStore store(pool, policy);
    store.Enqueue(pg::NewJob{"once", "{}", "", std::nullopt});
    auto claimed = store.Claim();
    REQUIRE(claimed.has_value());
    CHECK_FALSE(store.Claim().has_value());  // still leased
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto again = store.Claim();
    REQUIRE(again.has_value());
    CHECK(again->id == claimed->id);
    CHECK(again->attempts == 2);
  }

  TEST_CASE("the jobs right behind a claimed one in its queue run with it, in order") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    for (int i = 0; i < 5; ++i) {
      store.Enqueue(pg::NewJob{"click", std::to_string(i), "click:m1", std::nullopt});
    }
    store.Enqueue(pg::NewJob{"effect", "5", "click:m1", std::nullopt});
    store.Enqueue(pg::NewJob{"click", "6", "click:m1", std::nullopt});
    store.Enqueue(pg::NewJob{"click", "7", "click:m2", std::nullopt});
    const auto head = store.Claim();
    REQUIRE(head.has_value());
    CHECK(head->payload == "0");
    CHECK(head->queue_key == "click:m1");
    auto payloads_of = [](const std::vector<pg::ClaimedJob>& jobs) {
      std::vector<std::string> payloads;
      for (const auto& job : jobs) payloads.push_back(job.payload);
      return payloads;
    };
    SUBCASE("up to the first job of another kind") {
      std::vector<std::string> ran;
      CHECK(store.RunWithFollowers(*head, 10, [&](const auto& jobs) {
        ran = payloads_of(jobs);
        CHECK(store.Counts().running == 1);  // the others need no claim of their own
      }) == 5);
      CHECK(ran == std::vector<std::string>{"0", "1", "2", "3", "4"});
      CHECK(StatusOf(db.Url(), head->id) == "done:1");
      CHECK(StatusOf(db.Url(), head->id + 4) == "done:1");
      const auto effect = store.Claim();
      REQUIRE(effect.has_value());
      CHECK(effect->payload == "5");
      CHECK(store.RunWithFollowers(*effect, 10, [&](const auto& jobs) {
        CHECK(payloads_of(jobs) ==
              std::vector<std::string>{"5"});  // the click behind: another kind
      }) == 1);
      const auto other = store.Claim();
      REQUIRE(other.has_value());
      CHECK(other->payload == "6");
    }
    SUBCASE("no more than asked for") {
      CHECK(store.RunWithFollowers(*head, 2, [&](const auto& jobs) {
        CHECK(payloads_of(jobs) == std::vector<std::string>{"0", "1", "2"});
      }) == 3);
      const auto next = store.Claim();
      REQUIRE(next.has_value());
      CHECK(next->payload == "3");
    }
    SUBCASE("work that throws leaves the others pending, behind the head") {
      CHECK_THROWS_AS(store.RunWithFollowers(
                          *head, 10, [](const auto&) { throw officer::TransientError("lost it"); }),
                      officer::TransientError);
      CHECK(StatusOf(db.Url(), head->id) == "running:1");
      CHECK(StatusOf(db.Url(), head->id + 1) == "pending:0");
      const auto next = store.Claim();
      REQUIRE(next.has_value());
      CHECK(next->payload == "7");  // m1 waits for its head
    }
  }

  TEST_CASE("a job in a lane of its own is claimed only from that lane") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    store.Enqueue(
        pg::NewJob{"click", "1", "click:m1", std::nullopt, std::chrono::seconds(0), "click"});
    store.Enqueue(pg::NewJob{"reply", "2", "", std::nullopt});
    const auto shared = store.Claim();
    REQUIRE(shared.has_value());
    CHECK(shared->payload == "2");
    CHECK_FALSE(store.Claim().has_value());
    const auto own = store.Claim("click");
    REQUIRE(own.has_value());
    CHECK(own->payload == "1");
  }

  TEST_CASE("a batch handler gets a queue's run of jobs together and in order") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    for (int i = 0; i < 30; ++i) {
      store.Enqueue(pg::NewJob{"click", std::to_string(i), "click:m1", std::nullopt,
                               std::chrono::seconds(0), "click"});
    }
    store.EnqueueEach("reply", {R"({"n":1})", R"({"n":2})"});
    std::mutex mutex;
    std::vector<std::vector<std::string>> batches;
    std::atomic<int> replies{0};
    std::ostringstream log;
    const auto [succeeded, retried, dead] =
        RunWorkersUntil(store, {{"reply", [&](const std::string&) { ++replies; }}}, log,
                        [&] { return AllFinished(store); },
                        {{"click", [&](const std::vector<std::string>& payloads) {
                            std::lock_guard lock(mutex);
                            batches.push_back(payloads);
                          }}});
    std::vector<std::string> all;
    for (const auto& batch : batches) all.insert(all.end(), batch.begin(), batch.end());
    std::vector<std::string> expected;
    for (int i = 0; i < 30; ++i) expected.push_back(std::to_string(i));
    CHECK(all == expected);
    CHECK(batches.size() < 30);
    CHECK(replies == 2);
    CHECK(succeeded == 32);
    CHECK(retried + dead == 0);
  }

  TEST_CASE("a failed run is tried again from its head, still in order") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    for (int i = 0; i < 3; ++i) {
      store.Enqueue(pg::NewJob{"click", std::to_string(i), "click:m1", std::nullopt});
    }
    std::mutex mutex;
    std::vector<std::string> applied;
    std::atomic<int> calls{0};
    std::ostringstream log;
    const auto [succeeded, retried, dead] =
        RunWorkersUntil(store, {}, log, [&] { return AllFinished(store); },
                        {{"click", [&](const std::vector<std::string>& payloads) {
                            if (++calls == 1) throw officer::TransientError("lost it");
                            std::lock_guard lock(mutex);
                            applied.insert(applied.end(), payloads.begin(), payloads.end());
                          }}});
    CHECK(applied == std::vector<std::string>{"0", "1", "2"});
    CHECK(retried == 1);
    CHECK(dead == 0);
    CHECK(succeeded == 3);
  }

  TEST_CASE("a job queued while every thread is idle runs at once, not at the next poll") {
    TestDatabase db;
    pg::ConnectionPool pool(db.Url(), 4);
    pg::JobStore store(pool, FastRetries());
    std::ostringstream log;
    auto logger = std::make_shared<spdlog::logger>(
        "jobs", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
    std::atomic<int> applied{0};
    std::unique_ptr<pg::JobWorkers> workers;
    pg::PgWorkQueue queue(store, [&] { workers->Nudge(); });
    // Polls far apart, and shared threads that wake on the same nudge as the click thread.
    workers = std::make_unique<pg::JobWorkers>(
        store, std::map<std::string, pg::JobHandler>{},
        std::map<std::string, pg::BatchJobHandler>{{"click",
                                                    [&](const std::vector<std::string>& payloads) {
                                                      applied += static_cast<int>(payloads.size());
                                                    }}},
        logger, 3, std::chrono::seconds(30));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // every thread waiting
    for (int i = 1; i <= 3; ++i) {
      queue.EnqueueInOrder("click", "{}", "click:m1");
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      while (applied < i && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      CHECK(applied == i);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    workers->Stop();
  }
}
