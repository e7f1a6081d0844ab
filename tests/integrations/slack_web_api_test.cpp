#include <officer/integrations/slack/slack_web_api.hpp>

#include <chrono>
#include <mutex>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <nlohmann/json.hpp>

#include <officer/fakes/fake_slack_api.hpp>
#include <officer/integrations/http/http_transport.hpp>

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using officer::fakes::FakeResponse;
using officer::fakes::FakeSlackApi;
using officer::fakes::FakeSlackUser;
namespace http = officer::integrations::http;
namespace slack = officer::integrations::slack;

// A Slack client against a fresh fake workspace, with waits recorded instead of slept.
struct Fixture {
  explicit Fixture(std::shared_ptr<spdlog::logger> log = nullptr)
      : logger(log ? std::move(log) : std::make_shared<spdlog::logger>("test")) {
    http::HttpTransportConfig config;
    config.timeout = 2000ms;
    config.retry.max_attempts = 3;
    config.retry.initial_backoff = 10ms;
    transport = std::make_shared<http::HttpTransport>(config, logger, [this](auto wait) {
      std::lock_guard lock(waits_mutex);
      waits.push_back(wait);
    });
    api = std::make_unique<slack::SlackWebApi>(transport, fake.BaseUrl(), logger);
    fake.AddUser({"U1", "ada", "Ada Lovelace", "ada", "ada@example.com", "Europe/London",
                  "Greenwich Mean Time", 0});
    fake.AddUser({"U2", "grace", "Grace Hopper", "amazing grace", "grace@example.com",
                  "America/Los_Angeles", "Pacific Standard Time", -28800});
    fake.AddUser(
        {.id = "U3", .name = "alan", .real_name = "Alan Turing", .email = "alan@example.com"});
    fake.AddChannel("C1", {"U1", "U2", "U3"});
  }

  FakeSlackApi fake;
  std::shared_ptr<spdlog::logger> logger;
  std::mutex waits_mutex;
  std::vector<std::chrono::milliseconds> waits;
  std::shared_ptr<http::HttpTransport> transport;
  std::unique_ptr<slack::SlackWebApi> api;
  slack::BotToken token{std::string(FakeSlackApi::kDefaultToken)};
};

}  // namespace

TEST_SUITE("http") {
  TEST_CASE("posting a message returns the ts the fake assigned, sent with bearer token and JSON") {
    Fixture f;
    auto posted = f.api->PostMessage(
        f.token, "C1",
        {"Standup at 9:30", R"([{"type":"section","text":{"type":"mrkdwn","text":"hi"}}])"});

    REQUIRE(posted.has_value());
    CHECK(posted->channel == "C1");
    auto stored = f.fake.MessagesIn("C1");
    REQUIRE(stored.size() == 1);
    CHECK(posted->ts == stored[0].ts);
    CHECK(stored[0].text == "Standup at 9:30");
    CHECK(stored[0].blocks == R"([{"type":"section","text":{"type":"mrkdwn","text":"hi"}}])"_json);

    auto requests = f.fake.Server().RequestsTo("/api/chat.postMessage");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].Header("authorization") == "Bearer " + f.token.value);
    CHECK(requests[0].Header("content-type") == "application/json; charset=utf-8");
    CHECK(json::parse(requests[0].body)["channel"] == "C1");
    CHECK(json::parse(requests[0].body)["blocks"].is_array());
  }

  TEST_CASE("ok:false surfaces Slack's error code as a value") {
    Fixture f;
    SUBCASE("an unknown channel") {
      auto posted = f.api->PostMessage(f.token, "C404", {"hello", ""});
      REQUIRE_FALSE(posted.has_value());
      CHECK(posted.error().code == "channel_not_found");
    }
    SUBCASE("an injected failure") {
      f.fake.FailMethod("chat.postMessage", "not_in_channel");
      auto posted = f.api->PostMessage(f.token, "C1", {"hello", ""});
      REQUIRE_FALSE(posted.has_value());
      CHECK(posted.error().code == "not_in_channel");
      CHECK(f.api->PostMessage(f.token, "C1", {"hello", ""}).has_value());
    }
  }

  TEST_CASE("a wrong token gives invalid_auth and a missing one not_authed") {
    Fixture f;
    auto wrong = f.api->GetUser(slack::BotToken("xoxb-wrong"), "U1");
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code == "invalid_auth");
    auto missing = f.api->GetUser(slack::BotToken(""), "U1");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "not_authed");
  }

  TEST_CASE("each workspace's token is used for its own calls") {
    Fixture f;
    f.fake.AddToken("xoxb-second-workspace");
    auto posted = f.api->PostMessage(slack::BotToken("xoxb-second-workspace"), "C1", {"hi", ""});
    CHECK(posted.has_value());
    CHECK(f.fake.Server().RequestsTo("/api/chat.postMessage").at(0).Header("authorization") ==
          "Bearer xoxb-second-workspace");
  }

  TEST_CASE("blocks that are not a JSON array are refused before any call") {
    Fixture f;
    auto posted = f.api->PostMessage(f.token, "C1", {"hi", "{not json"});
    REQUIRE_FALSE(posted.has_value());
    CHECK(posted.error().code == "invalid_blocks_format");
    CHECK(f.fake.Server().Requests().empty());
  }

  TEST_CASE("chat.update changes the message in place") {
    Fixture f;
    auto posted = f.api->PostMessage(f.token, "C1", {"before", ""});
    REQUIRE(posted.has_value());

    auto updated = f.api->UpdateMessage(f.token, "C1", posted->ts, {"after", R"([])"});

    REQUIRE(updated.has_value());
    CHECK(updated->ts == posted->ts);
    auto stored = f.fake.FindMessage("C1", posted->ts);
    REQUIRE(stored.has_value());
    CHECK(stored->text == "after");
    CHECK(stored->edits == 1);
    auto missing = f.api->UpdateMessage(f.token, "C1", "1.000000", {"x", ""});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "message_not_found");
  }

  TEST_CASE("chat.postEphemeral returns message_ts and refuses a user outside the channel") {
    Fixture f;
    auto shown = f.api->PostEphemeral(f.token, "C1", "U2", {"only you", ""});
    REQUIRE(shown.has_value());
    CHECK_FALSE(shown->empty());
    auto ephemerals = f.fake.Ephemerals();
    REQUIRE(ephemerals.size() == 1);
    CHECK(ephemerals[0].ephemeral_user == "U2");
    CHECK(f.fake.Messages().empty());

    f.fake.AddUser({.id = "U9", .name = "outsider"});
    auto refused = f.api->PostEphemeral(f.token, "C1", "U9", {"x", ""});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == "user_not_in_channel");
  }

  TEST_CASE("conversations.open returns the DM channel, which then takes messages") {
    Fixture f;
    auto dm = f.api->OpenConversation(f.token, {"U2"});
    REQUIRE(dm.has_value());
    CHECK(dm->front() == 'D');
    CHECK(f.fake.DmChannelOf("U2") == *dm);
    CHECK(f.api->OpenConversation(f.token, {"U2"}).value() == *dm);
    CHECK(f.api->PostMessage(f.token, *dm, {"your standup clashes", ""}).has_value());
    CHECK(f.fake.MessagesIn(*dm).size() == 1);

    auto unknown = f.api->OpenConversation(f.token, {"U404"});
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == "user_not_found");
  }

  TEST_CASE("views.publish puts the view on the user's Home tab; an unknown user is an error") {
    Fixture f;
    const std::string view = R"({"type":"home","blocks":[{"type":"divider"}]})";
    REQUIRE(f.api->PublishView(f.token, "U2", view).has_value());
    REQUIRE(f.fake.HomeViewOf("U2").has_value());
    CHECK(f.fake.HomeViewOf("U2")->at("blocks").size() == 1);

    auto unknown = f.api->PublishView(f.token, "U404", view);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == "user_not_found");
    auto not_json = f.api->PublishView(f.token, "U2", "{not json");
    REQUIRE_FALSE(not_json.has_value());
    CHECK(not_json.error().code == "invalid_view");
  }

  TEST_CASE("users.info maps names, email, tz and tz_offset") {
    Fixture f;
    auto user = f.api->GetUser(f.token, "U2");

    REQUIRE(user.has_value());
    CHECK(user->id == "U2");
    CHECK(user->name == "grace");
    CHECK(user->real_name == "Grace Hopper");
    CHECK(user->display_name == "amazing grace");
    CHECK(user->email == "grace@example.com");
    CHECK(user->tz == "America/Los_Angeles");
    CHECK(user->tz_offset == -28800);
    CHECK_FALSE(user->is_bot);
    CHECK_FALSE(user->deleted);
    auto request = f.fake.Server().RequestsTo("/api/users.info").at(0);
    CHECK(request.method == "GET");
    CHECK(request.QueryParam("user") == "U2");

    auto missing = f.api->GetUser(f.token, "U404");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "user_not_found");
  }

  TEST_CASE("usergroups.users.list returns the group's user ids") {
    Fixture f;
    f.fake.AddUsergroup("S1", {"U1", "U3"});

    auto members = f.api->ListUsergroupMembers(f.token, "S1");

    REQUIRE(members.has_value());
    CHECK(*members == std::vector<std::string>{"U1", "U3"});
    auto missing = f.api->ListUsergroupMembers(f.token, "S404");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "no_such_subteam");
  }

  TEST_CASE("conversations.members follows next_cursor to the last page") {
    Fixture f;
    f.fake.AddChannel("C2", {"U1", "U2", "U3", "U4", "U5"});
    f.fake.SetMembersPageSize(2);

    auto members = f.api->ListChannelMembers(f.token, "C2");

    REQUIRE(members.has_value());
    CHECK(*members == std::vector<std::string>{"U1", "U2", "U3", "U4", "U5"});
    auto requests = f.fake.Server().RequestsTo("/api/conversations.members");
    REQUIRE(requests.size() == 3);
    CHECK_FALSE(requests[0].QueryParam("cursor").has_value());
    CHECK(requests[1].QueryParam("cursor") == "cursor:2");
    CHECK(requests[2].QueryParam("cursor") == "cursor:4");
  }

  TEST_CASE("a Slack 429 with Retry-After: 1 is waited out and the post goes through") {
    Fixture f;
    f.fake.Server().Enqueue("/api/chat.postMessage", FakeResponse::RateLimited(1));

    auto posted = f.api->PostMessage(f.token, "C1", {"hi", ""});

    REQUIRE(posted.has_value());
    CHECK(f.waits == std::vector<std::chrono::milliseconds>{1000ms});
    CHECK(f.fake.MessagesIn("C1").size() == 1);
  }

  TEST_CASE("Slack 5xx through every attempt ends in TransientError") {
    Fixture f;
    f.fake.Server().Enqueue("/api/users.info", FakeResponse::Status(502), 3);
    CHECK_THROWS_AS(f.api->GetUser(f.token, "U1"), officer::TransientError);
    CHECK(f.fake.Server().CountTo("/api/users.info") == 3);
  }

  TEST_CASE("an answer that is not Slack JSON is a TransientError") {
    Fixture f;
    f.fake.Server().Enqueue("/api/users.info", FakeResponse::Json("<html>oops</html>"));
    CHECK_THROWS_AS(f.api->GetUser(f.token, "U1"), officer::TransientError);
  }

  TEST_CASE("a response_url post carries no token, and a used-up URL is an error value") {
    Fixture f;
    const auto url = f.fake.ResponseUrl("hook-1");
    slack::ResponseUrlMessage message{{"Booked!", ""}, "in_channel", true, false};

    for (int i = 0; i < 5; ++i) CHECK(f.api->PostToResponseUrl(url, message).has_value());
    auto sixth = f.api->PostToResponseUrl(url, message);

    REQUIRE_FALSE(sixth.has_value());
    CHECK(sixth.error().code == "used_url");
    auto posts = f.fake.ResponseUrlPosts();
    REQUIRE(posts.size() == 5);
    CHECK(posts[0].payload ==
          R"({"text":"Booked!","response_type":"in_channel","replace_original":true})"_json);
    CHECK(f.fake.Server().RequestsTo("/response/hook-1").at(0).Header("authorization").empty());
  }

  TEST_CASE("the bot token never appears in the captured log output") {
    std::ostringstream captured;
    auto logger = std::make_shared<spdlog::logger>(
        "slack", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    logger->set_level(spdlog::level::trace);
    Fixture f(logger);
    const std::string secret = "xoxb-1234-very-secret-token";
    f.fake.AddToken(secret);
    const slack::BotToken token(secret);
    f.fake.Server().Enqueue("/api/chat.postMessage", FakeResponse::Status(500));
    f.fake.Server().Enqueue("/api/chat.postMessage", FakeResponse::RateLimited(1));

    CHECK(f.api->PostMessage(token, "C1", {"hi", ""}).has_value());
    CHECK_FALSE(f.api->PostMessage(token, "C404", {"hi", ""}).has_value());
    CHECK(f.api->GetUser(token, "U1").has_value());
    CHECK(f.api->ListChannelMembers(token, "C1").has_value());
    CHECK_FALSE(f.api->GetUser(slack::BotToken(secret + "-wrong"), "U1").has_value());

    const std::string log = captured.str();
    CHECK(log.find("chat.postMessage") != std::string::npos);
    CHECK(log.find("channel_not_found") != std::string::npos);
    CHECK(log.find("very-secret") == std::string::npos);
    CHECK(log.find("xoxb") == std::string::npos);
  }
}
