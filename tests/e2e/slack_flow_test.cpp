// The Slack slice end to end: a real `officer serve` in Slack mode, real PostgreSQL, and the fake
// Slack Web API over HTTP. Requests are signed exactly as Slack signs them.
#include <thread>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <officer/fakes/fake_slack_api.hpp>
#include <officer/testing/officer_process.hpp>
#include <officer/testing/slack_requests.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using namespace officer::testing;
using officer::fakes::FakeSlackApi;
using officer::fakes::FakeSlackUser;

const std::string kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
const std::string kToken(FakeSlackApi::kDefaultToken);

template <typename Condition>
bool WaitFor(Condition condition, std::chrono::seconds timeout = std::chrono::seconds(15)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

FakeSlackUser Person(const std::string& id, const std::string& tz = "Europe/Berlin") {
  FakeSlackUser user;
  user.id = id;
  user.name = "user" + id;
  user.real_name = "Person " + id;
  user.display_name = "p" + id;
  user.email = id + "@acme.test";
  user.tz = tz;
  return user;
}

// A Slack workspace with people, a user group and a channel, and an officer serving it.
struct SlackWorld {
  TestDatabase db;
  FakeSlackApi slack;
  OfficerProcess officer;

  SlackWorld()
      : officer(OfficerProcess::Serve({{"DATABASE_URL", db.Url()},
                                       {"SLACK_SIGNING_SECRET", kSecret},
                                       {"OFFICER_SECRET_KEY", std::string(64, 'a')},
                                       {"SLACK_BOT_TOKEN", kToken},
                                       {"SLACK_API_BASE_URL", slack.BaseUrl()}})) {
    for (const char* id : {"U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"}) {
      slack.AddUser(Person(id));
    }
    FakeSlackUser bot = Person("B1");
    bot.is_bot = true;
    slack.AddUser(bot);
    slack.AddUsergroup("S1", {"U3", "U4"});
    slack.AddChannel("C9", {"U5", "B1", "U2"});
    slack.AddChannel("C1", {"U1", "U2", "U3"});
  }

  HttpReply Command(const std::string& user, const std::string& text,
                    const std::string& trigger = "",
                    const std::map<std::string, std::string>& headers = {}) {
    return PostSigned(officer.BaseUrl() + "/slack/commands", kSecret,
                      CommandBody("T1", "C1", user, text, slack.ResponseUrl("cmd-" + user),
                                  trigger.empty() ? "trig-" + user + "-" + text : trigger),
                      "application/x-www-form-urlencoded", std::chrono::seconds(0), headers);
  }

  HttpReply Click(const std::string& user, const std::string& action, const std::string& meeting) {
    return PostSigned(
        officer.BaseUrl() + "/slack/interactions", kSecret,
        ClickBody("T1", "C1", user, action, meeting, slack.ResponseUrl("click-" + user)));
  }

  static std::string HomeOpenedBody(const std::string& user, const std::string& event_id,
                                    const std::string& tab) {
    return nlohmann::json{{"token", "x"},
                          {"team_id", "T1"},
                          {"api_app_id", "A1"},
                          {"type", "event_callback"},
                          {"event_id", event_id},
                          {"event_time", 1700000000},
                          {"event",
                           {{"type", "app_home_opened"},
                            {"user", user},
                            {"channel", "D" + user},
                            {"tab", tab},
                            {"event_ts", "1700000000.000100"}}}}
        .dump();
  }

  // Slack telling Officer that `user` opened one of its tabs.
  HttpReply HomeOpened(const std::string& user, const std::string& event_id,
                       const std::string& tab = "home") {
    return PostSigned(officer.BaseUrl() + "/slack/events", kSecret,
                      HomeOpenedBody(user, event_id, tab), "application/json");
  }

  // Books the standup and waits for its message; returns the meeting id.
  std::string Book(const std::string& text) {
    REQUIRE(Command("U1", text).status == 200);
    const bool posted = WaitFor([&] { return !slack.MessagesIn("C1").empty(); });
    if (!posted) MESSAGE(officer.Output());
    REQUIRE(posted);
    return MeetingIdOf(slack.MessagesIn("C1").front());
  }

  static std::string MeetingIdOf(const officer::fakes::FakeSlackMessage& message) {
    for (const auto& block : message.blocks) {
      if (block.value("type", "") != "actions") continue;
      return block["elements"][0]["value"].get<std::string>();
    }
    return {};
  }

  std::map<std::string, std::string> Statuses(const std::string& meeting) {
    return db.ParticipantStatuses(meeting);
  }

  long Scalar(const std::string& sql) {
    pqxx::connection connection(db.Url());
    pqxx::read_transaction tx(connection);
    return tx.exec(sql)[0][0].as<long>();
  }

  // Clicks are applied by a job right after the ack; true once every click queued so far has
  // been applied (or given up on), and at least `clicks` were queued.
  bool ClicksApplied(long clicks) {
    return Scalar("SELECT count(*) FROM jobs WHERE kind = 'click'") >= clicks &&
           Scalar(
               "SELECT count(*) FROM jobs WHERE kind = 'click' AND status IN ('pending', "
               "'running')") == 0;
  }

  std::string LastResponseUrlText(const std::string& id) {
    std::string text;
    for (const auto& post : slack.ResponseUrlPosts()) {
      if (post.id == id) text = post.payload.value("text", "");
    }
    return text;
  }
};

std::string Text(const HttpReply& reply) {
  return nlohmann::json::parse(reply.body).value("text", "");
}

}  // namespace

TEST_SUITE("slack flow") {
  TEST_CASE("booking with a user, a user group and a channel posts the standup with everyone") {
    SlackWorld world;
    auto ack = world.Command("U1", "book 9:30 <@U2|bob> <!subteam^S1|@team> <#C9|general> for 20m");
    REQUIRE(ack.status == 200);
    auto body = nlohmann::json::parse(ack.body);
    CHECK(body["response_type"] == "ephemeral");
    CHECK(body["text"].get<std::string>().find("Booking") != std::string::npos);

    REQUIRE(WaitFor([&] { return !world.slack.MessagesIn("C1").empty(); }));
    const auto message = world.slack.MessagesIn("C1").front();
    const std::string blocks = message.blocks.dump();
    for (const char* id : {"U1", "U2", "U3", "U4", "U5"}) {
      CAPTURE(id);
      CHECK(blocks.find(std::string("<@") + id + ">") != std::string::npos);
    }
    CHECK(blocks.find("<@B1>") == std::string::npos);  // bots in the channel are left out
    CHECK(blocks.find("9:30 Europe/Berlin") != std::string::npos);
    CHECK(blocks.find("standup_accept") != std::string::npos);
    const auto meeting = SlackWorld::MeetingIdOf(message);
    CHECK(world.Statuses(meeting).size() == 5);
    CHECK(world.Statuses(meeting).at("U1") == "accepted");
    CHECK(world.Scalar("SELECT count(*) FROM people WHERE email LIKE '%@acme.test'"
                       " AND time_zone = 'Europe/Berlin'") == 5);
    CHECK(WaitFor(
        [&] { return world.LastResponseUrlText("cmd-U1").find("Booked") != std::string::npos; }));
  }

  TEST_CASE("list shows the standups of the person asking, with their ids") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    // What Slack shows is the blocks; the text is only the notification fallback.
    auto mine = world.Command("U3", "list");
    CHECK(nlohmann::json::parse(mine.body)["blocks"].dump().find(meeting) != std::string::npos);
    auto theirs = world.Command("U7", "list");
    CHECK(theirs.body.find(meeting) == std::string::npos);
    CHECK(theirs.body.find("no standups") != std::string::npos);
  }

  TEST_CASE("accept and decline update the same message in place") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    const auto ts = world.slack.MessagesIn("C1").front().ts;
    CHECK(world.Click("U2", "standup_accept", meeting).status == 200);
    CHECK(world.Click("U3", "standup_decline", meeting).status == 200);
    REQUIRE(WaitFor([&] { return world.slack.FindMessage("C1", ts)->edits >= 2; }));
    CHECK(world.slack.MessagesIn("C1").size() == 1);
    CHECK(world.Statuses(meeting).at("U2") == "accepted");
    CHECK(world.Statuses(meeting).at("U3") == "declined");
    const std::string blocks = world.slack.FindMessage("C1", ts)->blocks.dump();
    CHECK(blocks.find("declined") != std::string::npos);
  }

  TEST_CASE("the organizer cancels: the message loses its buttons and everyone else is told") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    const auto ts = world.slack.MessagesIn("C1").front().ts;
    CHECK(world.Click("U1", "standup_cancel", meeting).status == 200);
    REQUIRE(WaitFor([&] {
      return world.slack.DmChannelOf("U2").has_value() &&
             world.slack.DmChannelOf("U3").has_value() &&
             world.slack.FindMessage("C1", ts)->blocks.dump().find("standup_accept") ==
                 std::string::npos;
    }));
    CHECK(world.Scalar("SELECT count(*) FROM meetings WHERE status = 'cancelled'") == 1);
    CHECK(world.slack.MessagesIn(*world.slack.DmChannelOf("U2")).front().text.find("cancelled") !=
          std::string::npos);
    CHECK_FALSE(world.slack.DmChannelOf("U1").has_value());

    auto again = world.Command("U1", "cancel " + meeting);
    CHECK(Text(again).find("already cancelled") != std::string::npos);
  }

  TEST_CASE("someone else's cancel is refused privately and changes nothing") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    CHECK(world.Click("U2", "standup_cancel", meeting).status == 200);
    REQUIRE(WaitFor([&] { return !world.LastResponseUrlText("click-U2").empty(); }));
    CHECK(world.LastResponseUrlText("click-U2").find("Only <@U1>") != std::string::npos);
    CHECK(Text(world.Command("U3", "cancel " + meeting)).find("Only <@U1>") != std::string::npos);
    CHECK(world.Scalar("SELECT count(*) FROM meetings WHERE status = 'active'") == 1);
  }

  TEST_CASE("a click by someone not in the standup is told so and changes nothing") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    const auto before = world.Statuses(meeting);
    CHECK(world.Click("U9", "standup_accept", meeting).status == 200);
    REQUIRE(WaitFor([&] { return !world.LastResponseUrlText("click-U9").empty(); }));
    CHECK(world.LastResponseUrlText("click-U9").find("not in this standup") != std::string::npos);
    CHECK(world.Statuses(meeting) == before);
  }

  TEST_CASE("a retried command books one standup") {
    SlackWorld world;
    const std::string text = "book 9:30 <@U2> <@U3>";
    CHECK(world.Command("U1", text, "trigger-42").status == 200);
    CHECK(world
              .Command("U1", text, "trigger-42",
                       {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}})
              .status == 200);
    REQUIRE(WaitFor([&] { return !world.slack.MessagesIn("C1").empty(); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(world.Scalar("SELECT count(*) FROM meetings") == 1);
    CHECK(world.slack.MessagesIn("C1").size() == 1);
  }

  TEST_CASE("a second identical click changes nothing") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    const auto ts = world.slack.MessagesIn("C1").front().ts;
    world.Click("U2", "standup_accept", meeting);
    REQUIRE(WaitFor([&] { return world.slack.FindMessage("C1", ts)->edits >= 1; }));
    const long version = world.Scalar("SELECT version FROM meetings");
    world.Click("U2", "standup_accept", meeting);
    REQUIRE(WaitFor([&] { return world.ClicksApplied(2); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    CHECK(world.Scalar("SELECT version FROM meetings") == version);
    CHECK(world.slack.FindMessage("C1", ts)->edits == 1);
  }

  TEST_CASE("concurrent clicks by different people lose no update") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3> <@U4> <@U5> <@U6> <@U7> <@U8>");
    std::vector<std::thread> clicks;
    for (const char* id : {"U2", "U3", "U4", "U5", "U6", "U7", "U8"}) {
      clicks.emplace_back([&world, &meeting, id] {
        CHECK(world.Click(id, "standup_accept", meeting).status == 200);
      });
    }
    for (auto& click : clicks) click.join();
    REQUIRE(WaitFor([&] { return world.ClicksApplied(7); }));
    for (const auto& [user, status] : world.Statuses(meeting)) {
      CAPTURE(user);
      CHECK(status == "accepted");
    }
  }

  TEST_CASE("another workspace's meeting is not found there and cannot be changed from it") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    // The same user ids in workspace T2: ids are only unique within a workspace.
    auto cancel = PostSigned(world.officer.BaseUrl() + "/slack/commands", kSecret,
                             CommandBody("T2", "C1", "U1", "cancel " + meeting, "", "t-other"));
    CHECK(Text(cancel).find(meeting) != std::string::npos);
    CHECK(Text(cancel).find("ancelled") == std::string::npos);
    CHECK(PostSigned(world.officer.BaseUrl() + "/slack/interactions", kSecret,
                     ClickBody("T2", "C1", "U2", "standup_accept", meeting, ""))
              .status == 200);
    REQUIRE(WaitFor([&] { return world.ClicksApplied(1); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(world.Scalar("SELECT count(*) FROM meetings WHERE status = 'active'") == 1);
    CHECK(world.Statuses(meeting).at("U2") == "invited");
  }

  TEST_CASE("an unknown meeting id gets a private not-found reply") {
    SlackWorld world;
    CHECK(Text(world.Command("U1", "cancel sd-nothere")).find("sd-nothere") != std::string::npos);
    CHECK(world.Click("U1", "standup_accept", "sd-nothere").status == 200);
    REQUIRE(WaitFor([&] { return !world.LastResponseUrlText("click-U1").empty(); }));
  }

  TEST_CASE("agenda, reminder and auto-confirm commands answer privately and are kept") {
    SlackWorld world;
    const auto meeting = world.Book("book 9:30 <@U2> <@U3>");
    const auto ts = world.slack.MessagesIn("C1").front().ts;
    CHECK(world.Command("U2", "agenda " + meeting + " add \"Demo the <new> release\"").status ==
          200);
    CHECK(world.Command("U3", "agenda " + meeting + " add Retro notes").status == 200);
    CHECK(world.Command("U2", "agenda " + meeting + " done 1").status == 200);
    const auto agenda = world.Command("U3", "agenda " + meeting);
    CHECK(agenda.body.find("Retro notes") != std::string::npos);
    CHECK(Text(world.Command("U9", "agenda " + meeting)).find("not in this standup") !=
          std::string::npos);
    REQUIRE(WaitFor([&] { return world.slack.FindMessage("C1", ts)->edits >= 3; }));
    CHECK(world.slack.FindMessage("C1", ts)->blocks.dump().find("Demo the &lt;new&gt; release") !=
          std::string::npos);

    CHECK(Text(world.Command("U2", "remind 5m " + meeting)).find("5 minutes") != std::string::npos);
    CHECK(world.Command("U2", "remind off all").status == 200);
    CHECK(world.Command("U3", "autoconfirm on").status == 200);
    CHECK(Text(world.Command("U3", "remind 15m all channel")).find("channel") != std::string::npos);
    CHECK(world.Scalar("SELECT count(*) FROM people WHERE user_id = 'U3'"
                       " AND reminder_place = 'channel'") == 1);
    CHECK(world.Scalar("SELECT minutes FROM reminder_preferences WHERE user_id = 'U2'"
                       " AND meeting_id <> ''") == 5);
    CHECK(world.Scalar("SELECT count(*) FROM reminder_preferences WHERE user_id = 'U2'"
                       " AND meeting_id = '' AND minutes IS NULL") == 1);
    CHECK(world.Scalar("SELECT count(*) FROM people WHERE user_id = 'U3' AND autoconfirm") == 1);
  }

  TEST_CASE("a mistake in the command names the problem and shows the usage") {
    SlackWorld world;
    const auto text = Text(world.Command("U1", "book 25:00 <@U2>"));
    CHECK(text.find("25:00") != std::string::npos);
    CHECK(text.find("/standup book") != std::string::npos);
    CHECK(world.Scalar("SELECT count(*) FROM jobs") == 0);
  }
}

TEST_SUITE("slack bad input") {
  TEST_CASE("a bad signature is a 401 and books nothing") {
    SlackWorld world;
    auto reply = PostSigned(world.officer.BaseUrl() + "/slack/commands", "not-the-secret",
                            CommandBody("T1", "C1", "U1", "book 9:30 <@U2>", "", "t1"));
    CHECK(reply.status == 401);
    CHECK(nlohmann::json::parse(reply.body)["error"] == "invalid_signature");
    auto unsigned_reply = HttpCall("POST", world.officer.BaseUrl() + "/slack/commands",
                                   CommandBody("T1", "C1", "U1", "book 9:30 <@U2>", "", "t2"),
                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
    CHECK(unsigned_reply.status == 401);
    CHECK(world.Scalar("SELECT count(*) FROM jobs") == 0);
    CHECK(world.officer.Output().find(kSecret) == std::string::npos);
  }

  TEST_CASE("a timestamp more than 5 minutes old is a 401") {
    SlackWorld world;
    auto reply = PostSigned(world.officer.BaseUrl() + "/slack/commands", kSecret,
                            CommandBody("T1", "C1", "U1", "list", "", "t1"),
                            "application/x-www-form-urlencoded", std::chrono::seconds(301));
    CHECK(reply.status == 401);
  }

  TEST_CASE("a command without its user is a 400 naming the field") {
    SlackWorld world;
    auto reply = PostSigned(world.officer.BaseUrl() + "/slack/commands", kSecret,
                            "team_id=T1&channel_id=C1&command=%2Fstandup&text=list");
    CHECK(reply.status == 400);
    CHECK(nlohmann::json::parse(reply.body)["message"].get<std::string>().find("user_id") !=
          std::string::npos);
  }

  TEST_CASE("an interaction whose payload is not JSON is a 400") {
    SlackWorld world;
    auto reply =
        PostSigned(world.officer.BaseUrl() + "/slack/interactions", kSecret, "payload=%7Bnot+json");
    CHECK(reply.status == 400);
    CHECK(nlohmann::json::parse(reply.body).contains("error"));
  }

  TEST_CASE("an oversized body is a 413 and books nothing") {
    SlackWorld world;
    auto reply =
        PostSigned(world.officer.BaseUrl() + "/slack/commands", kSecret,
                   CommandBody("T1", "C1", "U1", "book 9:30 " + std::string(70000, 'x'), "", "t1"));
    CHECK(reply.status == 413);
    CHECK(world.Scalar("SELECT count(*) FROM jobs") == 0);
  }

  TEST_CASE("opening Officer's Home tab shows the person their standups") {
    SlackWorld world;
    const auto id = world.Book("book 9:30 <@U2|bob> \"Team sync\"");
    auto reply = world.HomeOpened("U2", "Ev1");
    REQUIRE(reply.status == 200);
    REQUIRE(WaitFor([&] { return world.slack.HomeViewOf("U2").has_value(); }));
    const auto view = world.slack.HomeViewOf("U2")->dump();
    CHECK(view.find("Team sync") != std::string::npos);
    CHECK(view.find(id) != std::string::npos);
    CHECK(view.find("participant") != std::string::npos);
    CHECK(view.find("/standup book") != std::string::npos);
  }

  TEST_CASE("a Home tab with no standups says how to book one") {
    SlackWorld world;
    REQUIRE(world.HomeOpened("U3", "Ev2").status == 200);
    REQUIRE(WaitFor([&] { return world.slack.HomeViewOf("U3").has_value(); }));
    CHECK(world.slack.HomeViewOf("U3")->dump().find("You have no standups") != std::string::npos);
  }

  TEST_CASE("a retried app_home_opened event publishes the Home tab once") {
    SlackWorld world;
    REQUIRE(world.HomeOpened("U2", "Ev3").status == 200);
    REQUIRE(world.HomeOpened("U2", "Ev3").status == 200);
    REQUIRE(WaitFor([&] { return world.slack.HomePublishes("U2") == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(world.slack.HomePublishes("U2") == 1);
  }

  TEST_CASE("opening the Messages tab publishes no Home view") {
    SlackWorld world;
    REQUIRE(world.HomeOpened("U2", "Ev4", "messages").status == 200);
    REQUIRE(world.HomeOpened("U3", "Ev5").status == 200);
    REQUIRE(WaitFor([&] { return world.slack.HomeViewOf("U3").has_value(); }));
    CHECK_FALSE(world.slack.HomeViewOf("U2").has_value());
  }

  TEST_CASE("an unsigned app_home_opened event is a 401 and publishes nothing") {
    SlackWorld world;
    const auto reply = PostSigned(world.officer.BaseUrl() + "/slack/events", "not-the-secret",
                                  world.HomeOpenedBody("U2", "Ev6", "home"), "application/json");
    CHECK(reply.status == 401);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_FALSE(world.slack.HomeViewOf("U2").has_value());
    CHECK(world.Scalar("SELECT count(*) FROM jobs") == 0);
  }

  TEST_CASE("an app_home_opened event without its user is a 400") {
    SlackWorld world;
    auto body = nlohmann::json::parse(world.HomeOpenedBody("U2", "Ev7", "home"));
    body["event"].erase("user");
    const auto reply = PostSigned(world.officer.BaseUrl() + "/slack/events", kSecret, body.dump(),
                                  "application/json");
    CHECK(reply.status == 400);
    CHECK(nlohmann::json::parse(reply.body)["error"] == "bad_event");
    CHECK(world.Scalar("SELECT count(*) FROM jobs") == 0);
  }

  TEST_CASE("Slack's url_verification challenge is answered when signed") {
    SlackWorld world;
    const std::string body = R"({"token":"x","challenge":"abc123","type":"url_verification"})";
    auto reply =
        PostSigned(world.officer.BaseUrl() + "/slack/events", kSecret, body, "application/json");
    CHECK(reply.status == 200);
    CHECK(nlohmann::json::parse(reply.body)["challenge"] == "abc123");
  }
}

TEST_SUITE("outage") {
  TEST_CASE("with the database gone a command is told to try again shortly, and works once back") {
    const char* control = std::getenv("OFFICER_TEST_PG_CONTROL");
    REQUIRE_MESSAGE(control != nullptr, "run through deploy/dev test");
    SlackWorld world;
    REQUIRE(std::system((std::string(control) + " stop").c_str()) == 0);
    auto during = world.Command("U1", "list");
    auto click = world.Click("U2", "standup_accept", "sd-whatever");
    auto home = world.HomeOpened("U2", "Ev-outage");
    REQUIRE(std::system((std::string(control) + " start").c_str()) == 0);
    CHECK(during.status == 200);
    CHECK(Text(during).find("try again shortly") != std::string::npos);
    CHECK(click.status == 503);
    CHECK(home.status == 503);  // Slack retries the event
    CHECK(WaitFor(
        [&] { return world.Command("U1", "list").body.find("no standups") != std::string::npos; }));
  }
}
