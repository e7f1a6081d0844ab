// The free/busy cache every replica shares, on a real database.
#include <officer/integrations/postgres/free_busy_cache.hpp>

#include <atomic>

#include <doctest/doctest.h>

#include <officer/testing/manual_clock.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using officer::testing::ManualClock;

namespace d = officer::domain;
namespace pg = officer::integrations::postgres;
using namespace std::chrono_literals;
using officer::testing::TestDatabase;

const date::sys_seconds kNow = date::sys_days{date::year{2026} / 12 / 1} + 9h;

const d::Interval kWindow{kNow, kNow + 24h * 14};
const d::Availability kBusy{std::vector<d::Interval>{{kNow + 30min, kNow + 90min}}};

// Two replicas: each with its own pool, on one database.
struct Replicas {
  TestDatabase db;
  ManualClock clock{kNow};
  pg::ConnectionPool pool_a{db.Url(), 1};
  pg::ConnectionPool pool_b{db.Url(), 1};
  pg::FreeBusyCache a{pool_a, clock};
  pg::FreeBusyCache b{pool_b, clock};
};

}  // namespace

TEST_SUITE("free/busy cache") {
  TEST_CASE("a window is rounded out to whole hours") {
    const d::Interval window{kNow + 10min, kNow + 2h + 1s};
    CHECK(pg::FreeBusyCache::Round(window) == d::Interval{kNow, kNow + 3h});
  }

  TEST_CASE("an answer is found by another replica for the same asker, attendee and window") {
    Replicas r;
    r.a.Store("google:U1", {{"Ada@X.test", kBusy}, {"bob@x.test", d::NotVisible{}}}, kWindow);
    const auto found = r.b.Find("google:U1", {"ada@x.test", "BOB@x.test", "cy@x.test"}, kWindow);
    REQUIRE(found.size() == 3);
    CHECK(found[0] == kBusy);
    CHECK(found[1] == d::Availability{d::NotVisible{}});
    CHECK_FALSE(found[2].has_value());
    CHECK_FALSE(r.b.Find("microsoft:U1", {"ada@x.test"}, kWindow)[0].has_value());
    CHECK_FALSE(r.b.Find("google:U1", {"ada@x.test"}, {kNow, kNow + 1h})[0].has_value());
  }

  TEST_CASE("an answer is gone five minutes after it was stored") {
    Replicas r;
    r.a.Store("local", {{"ada@x.test", kBusy}}, kWindow);
    r.clock.Advance(4min + 59s);
    CHECK(r.a.Find("local", {"ada@x.test"}, kWindow)[0].has_value());
    r.clock.Advance(1s);
    CHECK_FALSE(r.a.Find("local", {"ada@x.test"}, kWindow)[0].has_value());
  }

  TEST_CASE("a newer answer replaces the older one") {
    Replicas r;
    r.a.Store("local", {{"ada@x.test", kBusy}}, kWindow);
    r.b.Store("local", {{"ada@x.test", d::Availability{std::vector<d::Interval>{}}}}, kWindow);
    CHECK(r.a.Find("local", {"ada@x.test"}, kWindow)[0] ==
          d::Availability{std::vector<d::Interval>{}});
  }

  TEST_CASE("a booking on one replica drops the attendee's answers for every replica") {
    Replicas r;
    r.a.Store("google:U1", {{"ada@x.test", kBusy}, {"bob@x.test", kBusy}}, kWindow);
    r.a.Store("microsoft:U2", {{"ada@x.test", kBusy}}, kWindow);
    r.b.Forget({"ADA@x.test"});
    CHECK_FALSE(r.a.Find("google:U1", {"ada@x.test"}, kWindow)[0].has_value());
    CHECK_FALSE(r.a.Find("microsoft:U2", {"ada@x.test"}, kWindow)[0].has_value());
    CHECK(r.a.Find("google:U1", {"bob@x.test"}, kWindow)[0].has_value());
    r.b.ForgetAll();
    CHECK_FALSE(r.a.Find("google:U1", {"bob@x.test"}, kWindow)[0].has_value());
  }
}
