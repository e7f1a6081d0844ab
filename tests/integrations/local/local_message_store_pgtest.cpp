#include <officer/integrations/local/local_message_store.hpp>

#include <cctype>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include <officer/testing/test_database.hpp>

namespace {

namespace local = officer::integrations::local;
namespace pg = officer::integrations::postgres;
using officer::testing::TestDatabase;

// Slack's shape: seconds, a dot, six digits.
bool LooksLikeSlackTs(const std::string& ts) {
  const auto dot = ts.find('.');
  if (dot == std::string::npos || dot == 0 || ts.size() - dot - 1 != 6) return false;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (i != dot && std::isdigit(static_cast<unsigned char>(ts[i])) == 0) return false;
  }
  return true;
}

void Exec(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::work tx(connection);
  tx.exec(sql);
  tx.commit();
}

struct Fixture {
  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 8};
  local::LocalMessageStore store{pool};
};

}  // namespace

TEST_SUITE("local message store") {
  TEST_CASE("ts values stay unique under 8 concurrent posters and Since returns them in order") {
    Fixture f;
    constexpr int kPosters = 8;
    constexpr int kEach = 40;
    std::vector<std::vector<std::string>> returned(kPosters);
    std::vector<std::thread> posters;
    for (int p = 0; p < kPosters; ++p) {
      posters.emplace_back([&, p] {
        for (int i = 0; i < kEach; ++i) {
          returned[static_cast<std::size_t>(p)].push_back(
              f.store.Post("T1", "C" + std::to_string(p), "message " + std::to_string(i), ""));
        }
      });
    }
    for (auto& poster : posters) poster.join();

    std::set<std::string> all_ts;
    for (const auto& list : returned) {
      for (const auto& ts : list) {
        CHECK(LooksLikeSlackTs(ts));
        all_ts.insert(ts);
      }
    }
    CHECK(all_ts.size() == kPosters * kEach);

    const auto messages = f.store.Since(0, 1000);
    REQUIRE(messages.size() == kPosters * kEach);
    std::vector<int> next_of_channel(kPosters, 0);
    for (std::size_t i = 0; i < messages.size(); ++i) {
      if (i > 0) CHECK(messages[i - 1].id < messages[i].id);
      CHECK(messages[i].kind == "post");
      CHECK(all_ts.count(messages[i].ts) == 1);
      // Each poster's messages appear in the order it posted them.
      const auto channel = static_cast<std::size_t>(std::stoi(messages[i].channel.substr(1)));
      CHECK(messages[i].text == "message " + std::to_string(next_of_channel[channel]++));
    }
    CHECK(f.store.LastId() == messages.back().id);
  }

  TEST_CASE("a post reads back with its blocks, and an update carries the ts it replaces") {
    Fixture f;
    const std::string blocks = R"([{"type":"section","text":{"type":"mrkdwn","text":"hi"}}])";
    const auto ts = f.store.Post("T1", "C1", "hello", blocks);
    f.store.Update("T1", "C1", ts, "hello again", "");
    const auto messages = f.store.Since(0, 10);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == local::LocalMessage{messages[0].id, "T1", "C1", ts, "post", "", "hello",
                                             messages[0].blocks_json});
    CHECK(messages[0].blocks_json.find(R"("type": "section")") != std::string::npos);
    CHECK(messages[1] ==
          local::LocalMessage{messages[1].id, "T1", "C1", ts, "update", "", "hello again", ""});
  }

  TEST_CASE("a direct message goes to the user's D- channel and an ephemeral one names its user") {
    Fixture f;
    f.store.Direct("T1", "U2", "you are busy then", "");
    f.store.Ephemeral("T1", "C1", "U3", "only you can see this", "");
    const auto messages = f.store.Since(0, 10);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].kind == "direct");
    CHECK(messages[0].channel == "D-U2");
    CHECK(messages[0].user == "U2");
    CHECK(LooksLikeSlackTs(messages[0].ts));
    CHECK(messages[1].kind == "ephemeral");
    CHECK(messages[1].channel == "C1");
    CHECK(messages[1].user == "U3");
    CHECK(LooksLikeSlackTs(messages[1].ts));
    CHECK(messages[0].ts != messages[1].ts);
  }

  TEST_CASE("Since pages after an id with a limit, and LastId is 0 before any message") {
    Fixture f;
    CHECK(f.store.LastId() == 0);
    CHECK(f.store.Since(0, 10).empty());
    for (int i = 0; i < 5; ++i) f.store.Post("T1", "C1", std::to_string(i), "");
    const auto first = f.store.Since(0, 2);
    REQUIRE(first.size() == 2);
    CHECK(first[0].text == "0");
    CHECK(first[1].text == "1");
    const auto rest = f.store.Since(first.back().id, 100);
    REQUIRE(rest.size() == 3);
    CHECK(rest[0].text == "2");
    CHECK(rest[2].text == "4");
    CHECK(f.store.Since(f.store.LastId(), 100).empty());
  }

  TEST_CASE("pending jobs count those pending or running and due within two seconds") {
    Fixture f;
    CHECK(f.store.PendingJobs() == 0);
    Exec(f.db.Url(),
         "INSERT INTO jobs (kind, payload, status, run_at) VALUES"
         " ('effect', '{}', 'pending', now()),"
         " ('effect', '{}', 'pending', now() + interval '1 second'),"
         " ('effect', '{}', 'running', now() - interval '1 minute'),"
         " ('effect', '{}', 'pending', now() + interval '1 hour'),"
         " ('effect', '{}', 'done', now()),"
         " ('effect', '{}', 'dead', now())");
    CHECK(f.store.PendingJobs() == 3);
  }
}
