#include <officer/bot/slack/url_form.hpp>

#include <string>

#include <doctest/doctest.h>

#include <officer/bot/slack/signature.hpp>

namespace {

using officer::bot::slack::DecodeForm;
using officer::bot::slack::DecodeFormComponent;
using officer::bot::slack::EncodeForm;
using officer::bot::slack::EncodeFormComponent;
using officer::bot::slack::UrlForm;

}  // namespace

TEST_SUITE("bot.slack.url_form") {
  TEST_CASE("fields decode in the order they arrive") {
    const auto form = DecodeForm("b=2&a=1&c=3");
    REQUIRE(form);
    REQUIRE(form->Size() == 3);
    CHECK(form->Fields()[0].name == "b");
    CHECK(form->Fields()[1].name == "a");
    CHECK(form->Fields()[2].name == "c");
    CHECK(form->Get("a") == "1");
  }

  TEST_CASE("a plus sign decodes to a space") {
    const auto form = DecodeForm("text=book+9%3A30+now");
    REQUIRE(form);
    CHECK(form->Get("text") == "book 9:30 now");
  }

  TEST_CASE("an encoded plus sign stays a plus sign") {
    const auto form = DecodeForm("text=1%2B1");
    REQUIRE(form);
    CHECK(form->Get("text") == "1+1");
  }

  TEST_CASE("percent escapes decode to bytes in either hex case") {
    const auto form = DecodeForm("a=%3c%3E&emoji=%F0%9F%8E%89");
    REQUIRE(form);
    CHECK(form->Get("a") == "<>");
    CHECK(form->Get("emoji") == "\xF0\x9F\x8E\x89");
  }

  TEST_CASE("names are decoded too") {
    const auto form = DecodeForm("user%5Fid=U1");
    REQUIRE(form);
    CHECK(form->Get("user_id") == "U1");
  }

  TEST_CASE("an empty value is present and empty") {
    const auto form = DecodeForm("text=&command=%2Fstandup");
    REQUIRE(form);
    CHECK(form->Get("text") == "");
    CHECK(form->Contains("text"));
  }

  TEST_CASE("a field without an equals sign has an empty value") {
    const auto form = DecodeForm("ssl_check&token=x");
    REQUIRE(form);
    CHECK(form->Get("ssl_check") == "");
    CHECK(form->Get("token") == "x");
  }

  TEST_CASE("only the first equals sign separates name from value") {
    const auto form = DecodeForm("a=b=c");
    REQUIRE(form);
    CHECK(form->Get("a") == "b=c");
  }

  TEST_CASE("an absent field is nullopt") {
    const auto form = DecodeForm("a=1");
    REQUIRE(form);
    CHECK_FALSE(form->Get("b").has_value());
    CHECK_FALSE(form->Contains("b"));
  }

  TEST_CASE("empty pairs and an empty body are skipped") {
    const auto form = DecodeForm("&a=1&&b=2&");
    REQUIRE(form);
    CHECK(form->Size() == 2);
    const auto empty = DecodeForm("");
    REQUIRE(empty);
    CHECK(empty->Empty());
  }

  TEST_CASE("duplicate names keep every value and the first one wins") {
    const auto form = DecodeForm("user_id=U1&user_id=U2");
    REQUIRE(form);
    CHECK(form->Get("user_id") == "U1");
    const auto all = form->GetAll("user_id");
    REQUIRE(all.size() == 2);
    CHECK(all[1] == "U2");
  }

  TEST_CASE("a percent sign without two hex digits is an error naming its position") {
    SUBCASE("non-hex digits") {
      const auto form = DecodeForm("a=1&text=%G1");
      REQUIRE_FALSE(form);
      CHECK(form.error().offset == 9);
      CHECK(form.error().message == "malformed percent escape \"%G1\" at byte 9");
    }
    SUBCASE("one digit at the end") {
      const auto form = DecodeForm("text=%4");
      REQUIRE_FALSE(form);
      CHECK(form.error().offset == 5);
    }
    SUBCASE("a bare percent at the end") { CHECK_FALSE(DecodeForm("text=100%")); }
    SUBCASE("in a name") {
      const auto form = DecodeForm("a%=1");
      REQUIRE_FALSE(form);
      CHECK(form.error().offset == 1);
    }
  }

  TEST_CASE("Slack's reference standup body decodes its mentions") {
    const auto form = DecodeForm(
        "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fstandup&text=book+9%3A30+%3C%"
        "40U0123ABCD%7Calice%3E+%3C%21subteam%5ES0456EFGH%7C%40team%3E&response_url=https%3A%"
        "2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fabc&trigger_id=1.2.3");
    REQUIRE(form);
    CHECK(form->Get("command") == "/standup");
    CHECK(form->Get("text") == "book 9:30 <@U0123ABCD|alice> <!subteam^S0456EFGH|@team>");
    CHECK(form->Get("response_url") == "https://hooks.slack.com/commands/T1/1/abc");
  }

  TEST_CASE("encoding keeps unreserved characters and escapes the rest in uppercase hex") {
    CHECK(EncodeFormComponent("aZ09-._~") == "aZ09-._~");
    CHECK(EncodeFormComponent("a b") == "a+b");
    CHECK(EncodeFormComponent("/:@|<>!^*&=+%") == "%2F%3A%40%7C%3C%3E%21%5E%2A%26%3D%2B%25");
    CHECK(EncodeFormComponent("\xF0\x9F\x8E\x89") == "%F0%9F%8E%89");
  }

  TEST_CASE("encoding the reference standup fields reproduces the signed body byte for byte") {
    const UrlForm form{
        {"token", "x"},
        {"team_id", "T1"},
        {"channel_id", "C1"},
        {"user_id", "U1"},
        {"command", "/standup"},
        {"text", "book 9:30 <@U0123ABCD|alice> <!subteam^S0456EFGH|@team>"},
        {"response_url", "https://hooks.slack.com/commands/T1/1/abc"},
        {"trigger_id", "1.2.3"},
    };
    const auto body = EncodeForm(form);
    CHECK(officer::bot::slack::SignSlackRequest("8f742231b10e8888abcd99yyyzzz85a5", "1531420618",
                                                body) ==
          "v0=edb2899a4dd731a0130afd2d443db3fb4d8f054bd9f37676f188180710ab6211");
  }

  TEST_CASE("decoding an encoded form gives the same fields back") {
    UrlForm form{{"payload", R"({"type":"block_actions","a":"x & y = 100%"})"}};
    form.Add("text", "  leading and trailing  ");
    form.Add("text", "duplicate\nline");
    form.Add("", "");
    const auto decoded = DecodeForm(EncodeForm(form));
    REQUIRE(decoded);
    CHECK(*decoded == form);
  }

  TEST_CASE("a single component decodes on its own") {
    const auto decoded = DecodeFormComponent("a+b%21");
    REQUIRE(decoded);
    CHECK(*decoded == "a b!");
  }
}
