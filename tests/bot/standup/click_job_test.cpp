#include <officer/bot/standup/click_job.hpp>

#include <string>

#include <doctest/doctest.h>

namespace {

using officer::bot::slack::BlockActions;
using officer::bot::standup::ClickQueueKey;
using officer::bot::standup::DecodeClickJob;
using officer::bot::standup::EncodeClickJob;
using officer::bot::standup::IsStandupButton;

BlockActions Click(const std::string& action_id, const std::string& meeting) {
  BlockActions click;
  click.team_id = "T1";
  click.user_id = "U2";
  click.user_name = "bob";
  click.channel_id = "C1";
  click.message_ts = "1700000000.000100";
  click.response_url = "https://hooks.slack.com/actions/T1/1/abc";
  click.trigger_id = "1.2.3";
  click.action.action_id = action_id;
  click.action.value = meeting;
  return click;
}

}  // namespace

TEST_SUITE("standup") {
  TEST_CASE("a click job carries who clicked which button on which meeting, and where to answer") {
    const auto decoded = DecodeClickJob(EncodeClickJob(Click("standup_decline", "sd-ab12cd")));
    REQUIRE(decoded.has_value());
    CHECK(decoded->team_id == "T1");
    CHECK(decoded->user_id == "U2");
    CHECK(decoded->channel_id == "C1");
    CHECK(decoded->response_url == "https://hooks.slack.com/actions/T1/1/abc");
    CHECK(decoded->action.action_id == "standup_decline");
    CHECK(decoded->action.value == "sd-ab12cd");
  }

  TEST_CASE("a payload that is not a click job is refused") {
    CHECK_FALSE(DecodeClickJob("not json").has_value());
    CHECK_FALSE(DecodeClickJob("[]").has_value());
    CHECK_FALSE(DecodeClickJob(R"({"team":"T1","user":"U2"})").has_value());
    CHECK_FALSE(DecodeClickJob(R"({"team":"T1","user":"U2","channel":"C1","response_url":"",)"
                               R"("action":"standup_accept","meeting":7})")
                    .has_value());
  }

  TEST_CASE("clicks on one meeting share a queue apart from the meeting's effect jobs") {
    CHECK(ClickQueueKey(Click("standup_accept", "sd-ab12cd")) ==
          ClickQueueKey(Click("standup_cancel", "sd-ab12cd")));
    CHECK(ClickQueueKey(Click("standup_accept", "sd-ab12cd")) !=
          ClickQueueKey(Click("standup_accept", "sd-zz99zz")));
    CHECK(ClickQueueKey(Click("standup_accept", "sd-ab12cd")) != "meeting:sd-ab12cd");
  }

  TEST_CASE("only Accept, Decline and Cancel are standup buttons") {
    CHECK(IsStandupButton(Click("standup_accept", "sd-1")));
    CHECK(IsStandupButton(Click("standup_decline", "sd-1")));
    CHECK(IsStandupButton(Click("standup_cancel", "sd-1")));
    CHECK_FALSE(IsStandupButton(Click("standup_snooze", "sd-1")));
  }
}
