#include <officer/bot/slack/command_tokenizer.hpp>

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace {

using officer::bot::slack::DecodeSlackEntities;
using officer::bot::slack::Token;
using officer::bot::slack::Tokenize;
using officer::bot::slack::TokenKind;

std::vector<std::string> Texts(std::string_view text) {
  const auto tokens = Tokenize(text);
  REQUIRE(tokens);
  std::vector<std::string> out;
  for (const auto& token : *tokens) {
    out.push_back(token.text);
  }
  return out;
}

std::vector<TokenKind> Kinds(std::string_view text) {
  const auto tokens = Tokenize(text);
  REQUIRE(tokens);
  std::vector<TokenKind> out;
  for (const auto& token : *tokens) {
    out.push_back(token.kind);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("bot.slack.command_tokenizer") {
  TEST_CASE("words are split on runs of spaces, tabs and newlines") {
    CHECK(Texts("  book \t 9:30\n\nzoom  ") == Strings{"book", "9:30", "zoom"});
  }

  TEST_CASE("empty and blank text has no tokens") {
    CHECK(Texts("").empty());
    CHECK(Texts(" \t\n ").empty());
  }

  TEST_CASE("no-break spaces separate words like spaces") {
    CHECK(Texts("book\xC2\xA0"
                "9:30\xE2\x80\xAFzoom") == Strings{"book", "9:30", "zoom"});
  }

  TEST_CASE("straight double quotes keep spaces together and are removed") {
    CHECK(Texts(R"(room "Berlin 3.01" zoom)") == Strings{"room", "Berlin 3.01", "zoom"});
    CHECK(Kinds(R"(room "Berlin 3.01")") == std::vector{TokenKind::kWord, TokenKind::kQuoted});
  }

  TEST_CASE("curly quotes from Slack clients work like straight quotes") {
    CHECK(Texts("book “Team sync” now") == Strings{"book", "Team sync", "now"});
    CHECK(Texts("„Team sync“") == Strings{"Team sync"});
    CHECK(Texts("“mixed\"") == Strings{"mixed"});
  }

  TEST_CASE("an empty quoted string is a token") {
    CHECK(Texts(R"(a "" b)") == Strings{"a", "", "b"});
  }

  TEST_CASE("a quote glued to a word starts a new token") {
    CHECK(Texts(R"(room"Big room"zoom)") == Strings{"room", "Big room", "zoom"});
  }

  TEST_CASE("an apostrophe is part of a word") {
    CHECK(Texts("Bob's sync") == Strings{"Bob's", "sync"});
  }

  TEST_CASE("an unterminated quote is an error quoting where it starts") {
    const auto tokens = Tokenize(R"(book 9:30 "Team sync)");
    REQUIRE_FALSE(tokens);
    CHECK(tokens.error().message ==
          "The quote before “Team sync” is never closed. Put a \" at the end of the text you "
          "are quoting.");
  }

  TEST_CASE("a long unterminated quote is shortened in the error without splitting characters") {
    const auto tokens = Tokenize("\"" + std::string(29, 'a') + "\xC3\xA9 and much more text");
    REQUIRE_FALSE(tokens);
    CHECK(tokens.error().message.find(std::string(29, 'a') + "…”") != std::string::npos);
  }

  TEST_CASE("Slack control sequences are single tokens even when glued together") {
    CHECK(Texts("<@U1><@U2|bob>,<#C1|general>") ==
          Strings{"<@U1>", "<@U2|bob>", ",", "<#C1|general>"});
    CHECK(Kinds("<@U1> x") == std::vector{TokenKind::kControl, TokenKind::kWord});
  }

  TEST_CASE("a control sequence label may contain spaces") {
    CHECK(Texts("<@U1|Alice Smith> zoom") == Strings{"<@U1|Alice Smith>", "zoom"});
  }

  TEST_CASE("an unclosed control sequence is an error") {
    const auto tokens = Tokenize("book 9:30 <@U1");
    REQUIRE_FALSE(tokens);
    CHECK(tokens.error().message.starts_with("“<@U1” is not a complete mention."));
  }

  TEST_CASE("token offsets point into the original text") {
    const auto tokens = Tokenize(R"(add  "x y" <@U1>)");
    REQUIRE(tokens);
    REQUIRE(tokens->size() == 3);
    CHECK((*tokens)[0] == Token{TokenKind::kWord, "add", 0, 3});
    CHECK((*tokens)[1] == Token{TokenKind::kQuoted, "x y", 5, 10});
    CHECK((*tokens)[2] == Token{TokenKind::kControl, "<@U1>", 11, 16});
  }

  TEST_CASE("Slack's HTML entities are decoded in words and quoted text") {
    CHECK(Texts(R"(R&amp;D "a &lt;b&gt; c")") == Strings{"R&D", "a <b> c"});
  }

  TEST_CASE("entity decoding leaves other ampersands alone") {
    CHECK(DecodeSlackEntities("a & b &amp;amp; &quot;") == "a & b &amp; &quot;");
  }

  TEST_CASE("emoji and other UTF-8 pass through untouched") {
    CHECK(Texts("“🎉 Stand-up ☕”") == Strings{"🎉 Stand-up ☕"});
  }
}
