#include "wiring/calendar_router.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <officer/integrations/oauth/reconnect_needed.hpp>
#include <officer/testing/manual_clock.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using officer::testing::ManualClock;

using namespace std::chrono_literals;
using officer::testing::TestDatabase;
namespace crypto = officer::integrations::crypto;
namespace d = officer::domain;
namespace oauth = officer::integrations::oauth;
namespace pg = officer::integrations::postgres;
namespace wiring = officer::wiring;

const date::sys_seconds kStart = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{9};

// A calendar that records who asked about whom, sees only `visible` (all when empty), and
// reports `busy` for some attendees.
class RecordingCalendar final : public d::CalendarGateway {
 public:
  explicit RecordingCalendar(std::string name) : name_(std::move(name)) {}

  std::vector<d::AttendeeAvailability> FreeBusy(const d::UserId& owner,
                                                const std::vector<std::string>& attendees,
                                                const d::Interval& window) override {
    std::lock_guard lock(mutex_);
    if (fail_reconnect) throw oauth::ReconnectNeeded(name_);
    std::vector<d::AttendeeAvailability> out;
    for (const auto& attendee : attendees) {
      asked.push_back(owner.value() + "->" + attendee);
      windows.push_back(window);
      if (!visible.empty() && visible.count(attendee) == 0) {
        out.push_back({attendee, d::NotVisible{}, nullptr});
      } else if (busy.count(attendee) != 0) {
        out.push_back({attendee, std::vector<d::Interval>{busy.at(attendee)}, nullptr});
      } else {
        out.push_back({attendee, std::vector<d::Interval>{}, nullptr});
      }
    }
    return out;
  }
  d::CreatedCalendarEvent CreateRecurringEvent(const d::UserId& owner,
                                               const d::RecurringEvent&) override {
    std::lock_guard lock(mutex_);
    if (fail_reconnect) throw oauth::ReconnectNeeded(name_);
    created.push_back(owner.value());
    return {"ev" + std::to_string(created.size()), ""};
  }
  void DeleteEvent(const d::UserId& owner, const std::string& event_id) override {
    std::lock_guard lock(mutex_);
    deleted.push_back(owner.value() + ":" + event_id);
  }
  void Respond(const d::UserId& person, const std::string& event_id, d::CalendarResponse) override {
    std::lock_guard lock(mutex_);
    responded.push_back(person.value() + ":" + event_id);
  }
  d::CalendarEventStatus EventStatus(const d::UserId& owner, const std::string& event_id) override {
    std::lock_guard lock(mutex_);
    statuses.push_back(owner.value() + ":" + event_id);
    return d::CalendarEventStatus::Active;
  }

  std::set<std::string> visible;
  std::map<std::string, d::Interval> busy;
  bool fail_reconnect = false;
  std::vector<std::string> asked, created, deleted, responded, statuses;
  std::vector<d::Interval> windows;

 private:
  std::string name_;
  std::mutex mutex_;
};

struct Fixture {
  Fixture() {
    pqxx::connection connection(db.Url());
    pqxx::work tx(connection);
    for (const char* id : {"U1", "U2", "U3", "U4"}) {
      tx.exec_params("INSERT INTO people (workspace_id, user_id, email) VALUES ('T1', $1, $2)", id,
                     std::string(id) + "@acme.test");
    }
    tx.commit();
  }

  void Connect(const std::string& user, const std::string& provider) {
    store.Save(oauth::CredentialKey{d::WorkspaceId("T1"), d::UserId(user), provider},
               oauth::TokenSet{"access-" + user, "refresh-" + user, kStart + 3600s, ""});
  }

  std::vector<d::AttendeeAvailability> Ask(const std::string& owner,
                                           const std::vector<std::string>& attendees) {
    return router.FreeBusy(d::UserId(owner), attendees, window);
  }

  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 4};
  crypto::TokenCipher cipher{*crypto::SecretKey::FromHex(std::string(64, '7'))};
  oauth::CredentialStore store{pool, cipher};
  ManualClock clock{kStart};
  RecordingCalendar local{"local"}, google{"google"}, microsoft{"microsoft"};
  pg::FreeBusyCache cache{pool, clock};
  wiring::CalendarRouter router{store, wiring::CalendarBackends{local, &google, &microsoft}, cache,
                                nullptr};
  d::Interval window{kStart + 30min, kStart + 10 * 24h + 45min};
};

bool IsNotVisible(const d::AttendeeAvailability& a) {
  return std::holds_alternative<d::NotVisible>(a.availability);
}

std::size_t BusyCount(const d::AttendeeAvailability& a) {
  const auto* busy = std::get_if<std::vector<d::Interval>>(&a.availability);
  return busy == nullptr ? 0 : busy->size();
}

}  // namespace

TEST_SUITE("calendar router") {
  TEST_CASE("nobody connected: the local calendar answers and holds the event") {
    Fixture f;
    const auto answers = f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    CHECK(answers.size() == 2);
    CHECK(f.local.asked.size() == 2);
    CHECK(f.google.asked.empty());
    CHECK(f.router.CreateRecurringEvent(d::UserId("U1"), d::RecurringEvent{}).event_id == "ev1");
    f.router.DeleteEvent(d::UserId("U1"), "ev1");
    CHECK(f.local.deleted == std::vector<std::string>{"U1:ev1"});
  }

  TEST_CASE("the organizer's provider answers; an invisible attendee is asked on their own") {
    Fixture f;
    f.Connect("U1", "google");
    f.Connect("U3", "microsoft");
    f.google.visible = {"U1@acme.test", "U2@acme.test"};
    f.google.busy.emplace("U2@acme.test", d::Interval{kStart + 1h, kStart + 2h});
    const auto answers =
        f.Ask("U1", {"U1@acme.test", "U2@acme.test", "U3@acme.test", "U4@acme.test"});
    REQUIRE(answers.size() == 4);
    CHECK(answers[0].attendee == "U1@acme.test");
    CHECK(BusyCount(answers[1]) == 1);
    CHECK(BusyCount(answers[2]) == 0);
    CHECK_FALSE(IsNotVisible(answers[2]));  // U3's own Microsoft calendar is free
    CHECK(IsNotVisible(answers[3]));        // U4 connected nothing
    CHECK(f.microsoft.asked == std::vector<std::string>{"U3->U3@acme.test"});
    CHECK(f.local.asked.empty());
    // Providers are asked for the window widened to whole hours, so nearby windows share it.
    CHECK(f.google.windows.front().start == kStart);
    CHECK(f.google.windows.front().end == kStart + 10 * 24h + 1h);
  }

  TEST_CASE("answers are cached for five minutes and dropped when officer books for a person") {
    Fixture f;
    f.Connect("U1", "google");
    f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    CHECK(f.google.asked.size() == 2);  // the second time nobody was asked

    d::RecurringEvent event;
    event.attendee_emails = {"U2@acme.test"};
    CHECK(f.router.CreateRecurringEvent(d::UserId("U1"), event).event_id == "google:ev1");
    f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    CHECK(f.google.asked.size() == 3);  // only U2 again

    f.clock.Advance(5min);
    f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    CHECK(f.google.asked.size() == 5);

    f.router.DeleteEvent(d::UserId("U1"), "google:ev1");
    CHECK(f.google.deleted == std::vector<std::string>{"U1:ev1"});
    f.Ask("U1", {"U1@acme.test"});
    CHECK(f.google.asked.size() == 6);  // cancelling dropped everything
  }

  TEST_CASE("event ids name their calendar: status and answers go there, uncached") {
    Fixture f;
    f.Connect("U1", "microsoft");
    f.Connect("U2", "microsoft");
    const auto id = f.router.CreateRecurringEvent(d::UserId("U1"), d::RecurringEvent{}).event_id;
    CHECK(id == "microsoft:ev1");
    // U1 connects Google later: the event stays on Microsoft.
    f.Connect("U1", "google");
    f.router.EventStatus(d::UserId("U1"), id);
    f.router.EventStatus(d::UserId("U1"), id);
    CHECK(f.microsoft.statuses.size() == 2);
    f.router.Respond(d::UserId("U2"), id, d::CalendarResponse::Accepted);
    f.router.Respond(d::UserId("U3"), id, d::CalendarResponse::Accepted);  // not connected
    CHECK(f.microsoft.responded == std::vector<std::string>{"U2:ev1"});
    f.router.Respond(d::UserId("U3"), "ev-local", d::CalendarResponse::Declined);
    CHECK(f.local.responded == std::vector<std::string>{"U3:ev-local"});
  }

  TEST_CASE("a connection that needs reconnecting falls back to the local calendar") {
    Fixture f;
    f.Connect("U1", "google");
    f.google.fail_reconnect = true;
    f.Ask("U1", {"U1@acme.test", "U2@acme.test"});
    CHECK(f.local.asked.size() == 2);
    CHECK(f.router.CreateRecurringEvent(d::UserId("U1"), d::RecurringEvent{}).event_id == "ev1");
    CHECK(f.local.created.size() == 1);
  }
}
