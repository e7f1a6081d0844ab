#include <officer/bot/slack/payload.hpp>

#include <string>

#include <doctest/doctest.h>

namespace {

using officer::bot::slack::BlockActions;
using officer::bot::slack::DecodeForm;
using officer::bot::slack::EncodeForm;
using officer::bot::slack::Interaction;
using officer::bot::slack::IsSslCheck;
using officer::bot::slack::ParseInteraction;
using officer::bot::slack::ParseInteractionForm;
using officer::bot::slack::ParseSlashCommand;
using officer::bot::slack::UrlForm;
using officer::bot::slack::ViewSubmission;

UrlForm SlashForm() {
  return UrlForm{
      {"token", "x"},
      {"team_id", "T1"},
      {"team_domain", "acme"},
      {"channel_id", "C1"},
      {"channel_name", "general"},
      {"user_id", "U1"},
      {"user_name", "alice"},
      {"command", "/standup"},
      {"text", "book 9:30 <@U2>"},
      {"response_url", "https://hooks.slack.com/commands/T1/1/abc"},
      {"trigger_id", "1.2.3"},
      {"api_app_id", "A1"},
      {"is_enterprise_install", "false"},
  };
}

UrlForm Without(const UrlForm& form, std::string_view name) {
  UrlForm out;
  for (const auto& field : form.Fields()) {
    if (field.name != name) {
      out.Add(field.name, field.value);
    }
  }
  return out;
}

// bolt-python's block_actions fixture, trimmed.
constexpr std::string_view kBlockActions = R"({
  "type": "block_actions",
  "user": {"id": "W111", "username": "primary-owner", "name": "primary-owner", "team_id": "T111"},
  "api_app_id": "A111",
  "token": "verification_token",
  "container": {"type": "message", "message_ts": "111.222", "channel_id": "C111", "is_ephemeral": false},
  "trigger_id": "111.222.valid",
  "team": {"id": "T111", "domain": "workspace-domain"},
  "channel": {"id": "C111", "name": "test-channel"},
  "response_url": "https://hooks.slack.com/actions/T111/111/random-value",
  "actions": [{"action_id": "accept", "block_id": "b", "type": "button", "value": "accept:42",
               "text": {"type": "plain_text", "text": "Accept"}, "action_ts": "1596530385.194939"}]
})";

constexpr std::string_view kViewSubmission = R"({
  "type": "view_submission",
  "team": {"id": "T111", "domain": "workspace-domain"},
  "user": {"id": "W111", "username": "primary-owner", "name": "primary-owner", "team_id": "T111"},
  "api_app_id": "A111",
  "trigger_id": "111.222.valid",
  "view": {
    "id": "V111", "team_id": "T111", "type": "modal", "callback_id": "book_standup",
    "private_metadata": "{\"channel\":\"C1\"}", "hash": "156772938.1827394",
    "state": {"values": {
      "time": {"time_input": {"type": "timepicker", "selected_time": "09:30"}},
      "people": {"people_input": {"type": "multi_users_select", "selected_users": ["U2", "U3"]}},
      "days": {"days_input": {"type": "checkboxes", "selected_options": [
        {"text": {"type": "plain_text", "text": "Mon"}, "value": "mon"},
        {"text": {"type": "plain_text", "text": "Wed"}, "value": "wed"}]}},
      "duration": {"duration_input": {"type": "static_select",
        "selected_option": {"text": {"type": "plain_text", "text": "15 min"}, "value": "15"}}},
      "title": {"title_input": {"type": "plain_text_input", "value": "Daily standup"}},
      "room": {"room_input": {"type": "plain_text_input", "value": null}},
      "start": {"start_input": {"type": "datepicker", "selected_date": "2026-05-04"}}
    }}
  },
  "response_urls": [{"block_id": "c", "action_id": "d", "channel_id": "C1",
                     "response_url": "https://hooks.slack.com/app/T111/1/x"}]
})";

BlockActions ParseBlockActions(std::string_view json) {
  auto parsed = ParseInteraction(json);
  REQUIRE(parsed);
  REQUIRE(std::holds_alternative<BlockActions>(*parsed));
  return std::get<BlockActions>(*std::move(parsed));
}

ViewSubmission ParseViewSubmission(std::string_view json) {
  auto parsed = ParseInteraction(json);
  REQUIRE(parsed);
  REQUIRE(std::holds_alternative<ViewSubmission>(*parsed));
  return std::get<ViewSubmission>(*std::move(parsed));
}

std::string ErrorOf(std::string_view json) {
  const auto parsed = ParseInteraction(json);
  REQUIRE_FALSE(parsed);
  return parsed.error().message;
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out{text};
  const auto at = out.find(from);
  REQUIRE(at != std::string::npos);
  out.replace(at, from.size(), to);
  return out;
}

}  // namespace

TEST_SUITE("bot.slack.payload") {
  TEST_CASE("a slash command form yields every field") {
    const auto request = ParseSlashCommand(SlashForm());
    REQUIRE(request);
    CHECK(request->team_id == "T1");
    CHECK(request->channel_id == "C1");
    CHECK(request->user_id == "U1");
    CHECK(request->user_name == "alice");
    CHECK(request->command == "/standup");
    CHECK(request->text == "book 9:30 <@U2>");
    CHECK(request->response_url == "https://hooks.slack.com/commands/T1/1/abc");
    CHECK(request->trigger_id == "1.2.3");
    CHECK(request->team_domain == "acme");
    CHECK(request->channel_name == "general");
    CHECK(request->api_app_id == "A1");
    CHECK_FALSE(request->is_enterprise_install);
  }

  TEST_CASE("a slash command with each required field missing names that field") {
    for (const std::string_view name : {"team_id", "channel_id", "user_id", "command"}) {
      CAPTURE(name);
      const auto request = ParseSlashCommand(Without(SlashForm(), name));
      REQUIRE_FALSE(request);
      CHECK(request.error().message == "missing field " + std::string{name});
    }
  }

  TEST_CASE("a slash command with an empty required field is refused") {
    UrlForm form{{"team_id", ""}, {"channel_id", "C1"}, {"user_id", "U1"}, {"command", "/s"}};
    const auto request = ParseSlashCommand(form);
    REQUIRE_FALSE(request);
    CHECK(request.error().message == "missing field team_id");
  }

  TEST_CASE("a slash command without text or optional fields has empty strings") {
    UrlForm form{{"team_id", "T1"}, {"channel_id", "C1"}, {"user_id", "U1"}, {"command", "/s"}};
    const auto request = ParseSlashCommand(form);
    REQUIRE(request);
    CHECK(request->text.empty());
    CHECK(request->response_url.empty());
    CHECK(request->enterprise_id.empty());
  }

  TEST_CASE("an enterprise install arrives as the string true") {
    UrlForm form = Without(SlashForm(), "is_enterprise_install");
    form.Add("is_enterprise_install", "true");
    form.Add("enterprise_id", "E1");
    const auto request = ParseSlashCommand(form);
    REQUIRE(request);
    CHECK(request->is_enterprise_install);
    CHECK(request->enterprise_id == "E1");
  }

  TEST_CASE("a slash command parses from a decoded wire body") {
    const auto form = DecodeForm(EncodeForm(SlashForm()));
    REQUIRE(form);
    const auto request = ParseSlashCommand(*form);
    REQUIRE(request);
    CHECK(request->text == "book 9:30 <@U2>");
  }

  TEST_CASE("ssl_check=1 is recognised and nothing else is") {
    CHECK(IsSslCheck(UrlForm{{"ssl_check", "1"}, {"token", "x"}}));
    CHECK_FALSE(IsSslCheck(UrlForm{{"ssl_check", "0"}}));
    CHECK_FALSE(IsSslCheck(SlashForm()));
  }

  TEST_CASE("a button click yields who clicked where and what") {
    const auto action = ParseBlockActions(kBlockActions);
    CHECK(action.user_id == "W111");
    CHECK(action.user_name == "primary-owner");
    CHECK(action.team_id == "T111");
    CHECK(action.channel_id == "C111");
    CHECK(action.message_ts == "111.222");
    CHECK(action.response_url == "https://hooks.slack.com/actions/T111/111/random-value");
    CHECK(action.trigger_id == "111.222.valid");
    CHECK(action.view_id.empty());
    CHECK(action.action.action_id == "accept");
    CHECK(action.action.block_id == "b");
    CHECK(action.action.type == "button");
    CHECK(action.action.value == "accept:42");
  }

  TEST_CASE("a click carrying its whole message and input state reads the same") {
    // Slack sends the message the button is on, blocks and all; its fields must not leak into
    // the click (a block's "type", "user" or "actions" are not the payload's).
    const auto json = Replace(kBlockActions, R"("trigger_id": "111.222.valid",)",
                              R"("trigger_id": "111.222.valid",
      "message": {"type": "message", "user": "U999", "ts": "111.222", "text": "Daily standup",
        "team": "T999", "blocks": [
          {"type": "section", "block_id": "s", "text": {"type": "mrkdwn", "text": "*Standup*"}},
          {"type": "actions", "block_id": "b", "elements": [
            {"type": "button", "action_id": "decline", "value": "decline:42",
             "text": {"type": "plain_text", "text": "Decline"}}]}],
        "actions": [{"action_id": "decline"}]},
      "state": {"values": {"x": {"y": {"type": "plain_text_input", "value": "hi"}}}},)");
    const auto action = ParseBlockActions(json);
    CHECK(action.user_id == "W111");
    CHECK(action.team_id == "T111");
    CHECK(action.message_ts == "111.222");
    CHECK(action.action.action_id == "accept");
    CHECK(action.action.value == "accept:42");
  }

  TEST_CASE("a click without a team object takes the team from the user") {
    const auto json =
        Replace(kBlockActions, R"("team": {"id": "T111", "domain": "workspace-domain"},)", "");
    CHECK(ParseBlockActions(json).team_id == "T111");
  }

  TEST_CASE("a click without a channel object takes the channel from the container") {
    const auto json =
        Replace(kBlockActions, R"("channel": {"id": "C111", "name": "test-channel"},)", "");
    CHECK(ParseBlockActions(json).channel_id == "C111");
  }

  TEST_CASE("a click inside a modal carries the view id and no message") {
    const auto json = R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"},
            "container":{"type":"view","view_id":"V1"},"view":{"id":"V1","callback_id":"book"},
            "actions":[{"action_id":"pick","block_id":"b","type":"timepicker","selected_time":null}]})";
    const auto action = ParseBlockActions(json);
    CHECK(action.view_id == "V1");
    CHECK(action.message_ts.empty());
    CHECK(action.channel_id.empty());
    CHECK_FALSE(action.action.selected_time.has_value());
  }

  TEST_CASE("a click is parsed from the payload field of its form body") {
    const auto form = DecodeForm(EncodeForm(UrlForm{{"payload", std::string{kBlockActions}}}));
    REQUIRE(form);
    const auto parsed = ParseInteractionForm(*form);
    REQUIRE(parsed);
    CHECK(std::get<BlockActions>(*parsed).action.value == "accept:42");
  }

  TEST_CASE("an interaction form without a payload field is an error") {
    const auto parsed = ParseInteractionForm(UrlForm{{"token", "x"}});
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().message == "missing field payload");
  }

  TEST_CASE("a modal submission yields its callback, metadata and every input") {
    const auto submission = ParseViewSubmission(kViewSubmission);
    CHECK(submission.user_id == "W111");
    CHECK(submission.team_id == "T111");
    CHECK(submission.trigger_id == "111.222.valid");
    CHECK(submission.view_id == "V111");
    CHECK(submission.callback_id == "book_standup");
    CHECK(submission.private_metadata == R"({"channel":"C1"})");
    CHECK(submission.hash == "156772938.1827394");
    CHECK(submission.response_url == "https://hooks.slack.com/app/T111/1/x");

    const auto* time = submission.state.Find("time", "time_input");
    REQUIRE(time != nullptr);
    CHECK(time->type == "timepicker");
    CHECK(time->selected_time == "09:30");

    const auto* people = submission.state.Find("people", "people_input");
    REQUIRE(people != nullptr);
    CHECK(people->selected_users == std::vector<std::string>{"U2", "U3"});

    const auto* days = submission.state.Find("days", "days_input");
    REQUIRE(days != nullptr);
    CHECK(days->selected_options == std::vector<std::string>{"mon", "wed"});

    const auto* duration = submission.state.Find("duration", "duration_input");
    REQUIRE(duration != nullptr);
    CHECK(duration->selected_option == "15");

    const auto* title = submission.state.Find("title", "title_input");
    REQUIRE(title != nullptr);
    CHECK(title->value == "Daily standup");

    const auto* start = submission.state.Find("start", "start_input");
    REQUIRE(start != nullptr);
    CHECK(start->selected_date == "2026-05-04");
  }

  TEST_CASE("an empty text input in a submission has no value") {
    const auto submission = ParseViewSubmission(kViewSubmission);
    const auto* room = submission.state.Find("room", "room_input");
    REQUIRE(room != nullptr);
    CHECK_FALSE(room->value.has_value());
  }

  TEST_CASE("an input that is not in the submission is not found") {
    const auto submission = ParseViewSubmission(kViewSubmission);
    CHECK(submission.state.Find("time", "other") == nullptr);
    CHECK(submission.state.Find("nope", "time_input") == nullptr);
  }

  TEST_CASE("a submission without state has no values") {
    const auto submission = ParseViewSubmission(
        R"({"type":"view_submission","user":{"id":"U1","team_id":"T1"},"view":{"id":"V1","callback_id":"cb"}})");
    CHECK(submission.state.values.empty());
    CHECK(submission.private_metadata.empty());
    CHECK(submission.team_id == "T1");
  }

  TEST_CASE("text that is not JSON is an error") {
    CHECK(ErrorOf("{not json") == "payload is not valid JSON");
    CHECK(ErrorOf("") == "payload is not valid JSON");
  }

  TEST_CASE("a payload broken inside a field Officer does not read is still an error") {
    const auto json = Replace(kBlockActions, R"("trigger_id": "111.222.valid",)",
                              R"("trigger_id": "111.222.valid", "message": {"blocks": [1, 2,]},)");
    CHECK(ErrorOf(json) == "payload is not valid JSON");
  }

  TEST_CASE("JSON that is not an object is an error") {
    CHECK(ErrorOf("[1,2]") == "payload must be a JSON object");
    CHECK(ErrorOf("null") == "payload must be a JSON object");
    CHECK(ErrorOf("\"block_actions\"") == "payload must be a JSON object");
  }

  TEST_CASE("a payload without a type is an error naming the field") {
    CHECK(ErrorOf(R"({"user":{"id":"U1"}})") == "missing field type");
  }

  TEST_CASE("an unsupported interaction type is an error naming it") {
    CHECK(ErrorOf(R"({"type":"shortcut"})") == "unsupported interaction type \"shortcut\"");
  }

  TEST_CASE("a field of the wrong type is an error naming the field") {
    CHECK(ErrorOf(R"({"type":7})") == "field type must be a string");
    CHECK(ErrorOf(Replace(kBlockActions, R"("id": "W111")", R"("id": 111)")) ==
          "field user.id must be a string");
    CHECK(ErrorOf(Replace(kBlockActions, R"("value": "accept:42")", R"("value": {"x":1})")) ==
          "field actions[0].value must be a string");
    CHECK(ErrorOf(Replace(kBlockActions, R"("container": {)", R"("container": 5, "x": {)")) ==
          "field container must be an object");
    CHECK(ErrorOf(Replace(kViewSubmission, R"(["U2", "U3"])", R"(["U2", 3])")) ==
          "field view.state.values.people.people_input.selected_users must be an array of strings");
    CHECK(ErrorOf(Replace(kViewSubmission, R"("selected_time": "09:30")",
                          R"("selected_time": true)")) ==
          "field view.state.values.time.time_input.selected_time must be a string");
  }

  TEST_CASE("a click without actions is an error") {
    CHECK(ErrorOf(R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"}})") ==
          "missing field actions");
    CHECK(ErrorOf(R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"},"actions":[]})") ==
          "missing field actions");
    CHECK(ErrorOf(R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"},"actions":"x"})") ==
          "field actions must be an array");
    CHECK(ErrorOf(R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"},"actions":[1]})") ==
          "field actions[0] must be an object");
  }

  TEST_CASE("a click whose action has no action_id is an error") {
    CHECK(
        ErrorOf(
            R"({"type":"block_actions","user":{"id":"U1","team_id":"T1"},"actions":[{"value":"x"}]})") ==
        "missing field actions[0].action_id");
  }

  TEST_CASE("a click without a user is an error") {
    CHECK(ErrorOf(R"({"type":"block_actions","actions":[{"action_id":"a"}]})") ==
          "missing field user");
    CHECK(ErrorOf(R"({"type":"block_actions","user":{},"actions":[{"action_id":"a"}]})") ==
          "missing field user.id");
  }

  TEST_CASE("a click without any team id is an error") {
    CHECK(ErrorOf(R"({"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"a"}]})") ==
          "missing field team.id");
  }

  TEST_CASE("a submission without a view or callback id is an error") {
    CHECK(ErrorOf(R"({"type":"view_submission","user":{"id":"U1","team_id":"T1"}})") ==
          "missing field view");
    CHECK(
        ErrorOf(
            R"({"type":"view_submission","user":{"id":"U1","team_id":"T1"},"view":{"id":"V1"}})") ==
        "missing field view.callback_id");
  }

  TEST_CASE("a submission whose state block is not an object is an error") {
    CHECK(
        ErrorOf(
            R"({"type":"view_submission","user":{"id":"U1","team_id":"T1"},"view":{"callback_id":"cb","state":{"values":{"b":[1]}}}})") ==
        "field view.state.values.b must be an object");
  }

  TEST_CASE("malformed options in a submission are an error") {
    CHECK(ErrorOf(Replace(kViewSubmission, R"("selected_option": {)",
                          R"("selected_option": 5, "x": {)")) ==
          "field view.state.values.duration.duration_input.selected_option must be an object");
    CHECK(ErrorOf(Replace(kViewSubmission, R"("selected_options": [)",
                          R"("selected_options": ["mon", )")) ==
          "field view.state.values.days.days_input.selected_options[] must be an object");
  }

  TEST_CASE("deeply nested garbage never throws") {
    std::string deep(5000, '[');
    deep += std::string(5000, ']');
    CHECK_FALSE(ParseInteraction(deep));
    CHECK_FALSE(ParseInteraction("\xff\xfe"));
    CHECK_FALSE(ParseInteraction(R"({"type":"block_actions","user":"U1"})"));
  }
}
