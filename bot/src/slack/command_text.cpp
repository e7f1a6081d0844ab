#include <officer/bot/slack/command_text.hpp>

#include <utility>

#include <officer/bot/slack/command_tokenizer.hpp>

#include "slack/command_text_detail.hpp"

namespace officer::bot::slack {
namespace {

using namespace detail;  // NOLINT(google-build-using-namespace): this file's own helpers

// ---- usage lines ---------------------------------------------------------------------------

std::string Line(std::string_view slash_command, std::string_view rest) {
  return std::string{slash_command} + " " + std::string{rest};
}

std::string ListUsage(std::string_view cmd) { return Line(cmd, "list"); }
std::string CancelUsage(std::string_view cmd) { return Line(cmd, "cancel ID"); }
std::string RemindUsage(std::string_view cmd) {
  return Line(cmd, "remind 10m [ID|all] [dm|channel]") + "  or  " +
         Line(cmd, "remind off [ID|all]");
}
std::string AutoconfirmUsage(std::string_view cmd) { return Line(cmd, "autoconfirm on|off"); }
std::string AgendaUsage(std::string_view cmd) {
  return Line(cmd, "agenda ID") + "  or  " + Line(cmd, "agenda ID add TEXT") + "  or  " +
         Line(cmd, "agenda ID done N");
}
std::string ConnectUsage(std::string_view cmd) {
  return Line(cmd, "connect google|microsoft|zoom");
}

// The usage shown with an error, chosen by the command word even when the rest did not parse.
std::string UsageFor(std::string_view command_word, std::string_view cmd) {
  const std::string word = Lower(command_word);
  if (word == "book") {
    return BookUsageLine(cmd);
  }
  if (word == "list") {
    return ListUsage(cmd);
  }
  if (word == "cancel") {
    return CancelUsage(cmd);
  }
  if (word == "remind") {
    return RemindUsage(cmd);
  }
  if (word == "autoconfirm") {
    return AutoconfirmUsage(cmd);
  }
  if (word == "agenda") {
    return AgendaUsage(cmd);
  }
  if (word == "connect") {
    return ConnectUsage(cmd);
  }
  return UsageText(cmd);
}

// ---- the other commands --------------------------------------------------------------------

// Ids are taken as typed (minus a leading '#', as in "#12"); the caller looks them up.
std::optional<std::string> MeetingId(const Token& token) {
  if (token.kind != TokenKind::kWord) {
    return std::nullopt;
  }
  std::string_view id = token.text;
  if (id.size() > 1 && id.front() == '#') {
    id.remove_prefix(1);
  }
  return std::string{id};
}

std::string NotAnId(const Token& token, std::string_view cmd) {
  return Quoted(token.text) + " isn't a standup id. " + Line(cmd, "list") + " shows the ids.";
}

std::string Extra(std::string_view command, const Token& token) {
  return "“" + std::string{command} + "” doesn't take " + Quoted(token.text) + ". Remove it.";
}

Expected<Command, std::string> ParseCancel(const Tokens& tokens, std::string_view cmd) {
  if (tokens.size() < 2) {
    return Unexpected{"Tell me which standup to cancel, like cancel 12. " + Line(cmd, "list") +
                      " shows the ids."};
  }
  const auto id = MeetingId(tokens[1]);
  if (!id) {
    return Unexpected{NotAnId(tokens[1], cmd)};
  }
  if (tokens.size() > 2) {
    return Unexpected{Extra("cancel", tokens[2])};
  }
  return CancelCommand{*id};
}

Expected<Command, std::string> ParseRemind(const Tokens& tokens, std::string_view cmd) {
  RemindCommand remind;
  std::size_t next = 2;
  if (tokens.size() < 2) {
    return Unexpected{std::string{
        "Tell me how long before a standup to remind you, like remind 10m, or remind off."}};
  }
  if (Lower(tokens[1].text) == "off" && tokens[1].kind == TokenKind::kWord) {
    remind.minutes = std::nullopt;
  } else {
    const auto amount = ParseAmount(tokens, 1);
    if (!amount) {
      return Unexpected{Quoted(tokens[1].text) +
                        " isn't a reminder time. Write minutes like remind 10m, or remind off."};
    }
    if (amount->minutes < kMinReminderMinutes || amount->minutes > kMaxReminderMinutes) {
      return Unexpected{std::string{
          "A reminder must be between 1 and 1440 minutes (one day) before the standup."}};
    }
    remind.minutes = static_cast<int>(amount->minutes);
    next = 1 + amount->tokens;
  }
  bool has_target = false;
  for (; next < tokens.size(); ++next) {
    const Token& word = tokens[next];
    const std::string lower = word.kind == TokenKind::kWord ? Lower(word.text) : "";
    if ((lower == "dm" || lower == "channel" || lower == "here") && !remind.place) {
      remind.place = lower == "dm" ? ReminderPlace::kDirectMessage : ReminderPlace::kChannel;
      continue;
    }
    if (has_target) return Unexpected{Extra("remind", word)};
    has_target = true;
    if (lower == "all") {
      remind.scope = RemindScope::kAll;
    } else if (const auto id = MeetingId(word)) {
      remind.scope = RemindScope::kMeeting;
      remind.meeting_id = *id;
    } else {
      return Unexpected{NotAnId(word, cmd)};
    }
  }
  return remind;
}

Expected<Command, std::string> ParseAutoconfirm(const Tokens& tokens) {
  const std::string value = tokens.size() > 1 ? Lower(tokens[1].text) : "";
  if (tokens.size() < 2 || (value != "on" && value != "off")) {
    return Unexpected{std::string{
        "Say autoconfirm on to accept standup invitations automatically, or autoconfirm off "
        "to stop."}};
  }
  if (tokens.size() > 2) {
    return Unexpected{Extra("autoconfirm", tokens[2])};
  }
  return AutoconfirmCommand{value == "on"};
}

Expected<Command, std::string> ParseAgenda(const Tokens& tokens, std::string_view text,
                                           std::string_view cmd) {
  if (tokens.size() < 2) {
    return Unexpected{"Tell me which standup's agenda, like agenda 12. " + Line(cmd, "list") +
                      " shows the ids."};
  }
  const std::string first = Lower(tokens[1].text);
  if ((first == "add" || first == "done") && tokens.size() > 2) {
    return Unexpected{"Put the standup id before " + Quoted(tokens[1].text) + ", like agenda 12 " +
                      first + " …"};
  }
  const auto id = MeetingId(tokens[1]);
  if (!id) {
    return Unexpected{NotAnId(tokens[1], cmd)};
  }
  AgendaCommand agenda{*id, AgendaShow{}};
  if (tokens.size() == 2) {
    return agenda;
  }
  const std::string action = Lower(tokens[2].text);
  if (action == "add" && tokens[2].kind == TokenKind::kWord) {
    std::string item;
    if (tokens.size() == 4 && tokens[3].kind == TokenKind::kQuoted) {
      item = std::string{Trim(tokens[3].text)};
    } else if (tokens.size() > 3) {
      item = DecodeSlackEntities(Trim(text.substr(tokens[3].begin)));
    }
    if (item.empty()) {
      return Unexpected{"Tell me what to add, like agenda " + *id + " add Release plan."};
    }
    agenda.action = AgendaAdd{std::move(item)};
    return agenda;
  }
  if (action == "done" && tokens[2].kind == TokenKind::kWord) {
    const auto n = tokens.size() > 3 ? ParseNumber(tokens[3].text) : std::nullopt;
    if (!n || *n < 1) {
      return Unexpected{"Tell me which item is done by its number, like agenda " + *id +
                        " done 2. agenda " + *id + " shows the numbers."};
    }
    if (tokens.size() > 4) {
      return Unexpected{Extra("agenda done", tokens[4])};
    }
    agenda.action = AgendaDone{*n};
    return agenda;
  }
  return Unexpected{"I can't " + Quoted(tokens[2].text) +
                    " an agenda. Use add to add an item or done to tick one off."};
}

Expected<Command, std::string> ParseConnect(const Tokens& tokens) {
  const std::string value = tokens.size() > 1 ? Lower(tokens[1].text) : "";
  std::optional<ConnectProvider> provider;
  if (value == "google") {
    provider = ConnectProvider::kGoogle;
  } else if (value == "microsoft" || value == "outlook" || value == "office365") {
    provider = ConnectProvider::kMicrosoft;
  } else if (value == "zoom") {
    provider = ConnectProvider::kZoom;
  }
  if (!provider) {
    return Unexpected{(tokens.size() > 1 ? "I can't connect " + Quoted(tokens[1].text) + ". "
                                         : std::string{"Tell me what to connect. "}) +
                      "Choose google, microsoft or zoom."};
  }
  if (tokens.size() > 2) {
    return Unexpected{Extra("connect", tokens[2])};
  }
  return ConnectCommand{*provider};
}

Expected<Command, std::string> ParseTokens(const Tokens& tokens, std::string_view text,
                                           std::string_view cmd) {
  const std::string word = Lower(tokens.front().text);
  if (tokens.front().kind == TokenKind::kWord) {
    if (word == "help" || word == "?" || word == "usage") {
      return HelpCommand{};
    }
    if (word == "book") {
      auto book = ParseBook(tokens);
      if (!book) {
        return Unexpected{std::move(book).error()};
      }
      return Command{std::move(book).value()};
    }
    if (word == "list") {
      if (tokens.size() > 1) {
        return Unexpected{Extra("list", tokens[1])};
      }
      return ListCommand{};
    }
    if (word == "cancel") {
      return ParseCancel(tokens, cmd);
    }
    if (word == "remind") {
      return ParseRemind(tokens, cmd);
    }
    if (word == "autoconfirm") {
      return ParseAutoconfirm(tokens);
    }
    if (word == "agenda") {
      return ParseAgenda(tokens, text, cmd);
    }
    if (word == "connect") {
      return ParseConnect(tokens);
    }
  }
  return Unexpected{"I don't know the command " + Quoted(tokens.front().text) + ". " +
                    Line(cmd, "help") + " lists what I can do."};
}

}  // namespace

Expected<Command, CommandError> ParseCommandText(std::string_view text, std::string_view cmd) {
  auto tokens = Tokenize(text);
  if (!tokens) {
    const std::string_view trimmed = Trim(text);
    const std::string_view first_word = trimmed.substr(0, trimmed.find_first_of(" \t\r\n"));
    return Unexpected{CommandError{tokens.error().message, UsageFor(first_word, cmd)}};
  }
  if (tokens->empty()) {
    return OpenModalCommand{};
  }
  auto command = ParseTokens(*tokens, text, cmd);
  if (!command) {
    return Unexpected{CommandError{
        std::move(command).error(),
        UsageFor(tokens->front().kind == TokenKind::kWord ? tokens->front().text : "", cmd)}};
  }
  return std::move(command).value();
}

std::string_view VideoProviderName(VideoProvider provider) {
  switch (provider) {
    case VideoProvider::kMeet:
      return "meet";
    case VideoProvider::kTeams:
      return "teams";
    case VideoProvider::kZoom:
      break;
  }
  return "zoom";
}

std::optional<VideoProvider> VideoProviderNamed(std::string_view name) {
  for (const auto provider : {VideoProvider::kZoom, VideoProvider::kMeet, VideoProvider::kTeams}) {
    if (name == VideoProviderName(provider)) return provider;
  }
  return std::nullopt;
}

std::string BookUsageLine(std::string_view cmd) {
  return Line(cmd,
              "book 9:30 @alice @team #channel [weekdays|daily|mon,wed,fri] [for 15m] "
              "[tz Europe/Berlin] [zoom | meet | teams | room \"Room name\"] [\"Title\"] [from "
              "YYYY-MM-DD]");
}

std::string UsageText(std::string_view cmd) {
  std::string text;
  const auto add = [&text](std::string_view line, std::string_view what) {
    text.append(line).append("  ·  ").append(what).append("\n");
  };
  add(std::string{cmd}, "open the booking form");
  add(BookUsageLine(cmd), "book a recurring standup");
  text.append(
      "    time: 9:30, 09:30, 9:30am, 2pm or 14:00, in your Slack time zone unless tz is given\n"
      "    who: people, user groups and channels; you always take part\n"
      "    days: weekdays (default), daily, or a list like mon,wed,fri\n"
      "    for: 5 to 120 minutes (default 15m)  ·  title: default \"Daily standup\"  ·  from: "
      "the first day\n");
  add(ListUsage(cmd), "your standups and their ids");
  add(CancelUsage(cmd), "cancel a standup you organise");
  add(Line(cmd, "remind 10m [ID|all]"), "how long before a standup to remind you");
  add(Line(cmd, "remind off [ID|all]"), "no reminders");
  add(AutoconfirmUsage(cmd), "accept standup invitations on your calendar automatically");
  add(Line(cmd, "agenda ID"), "show a standup's agenda");
  add(Line(cmd, "agenda ID add TEXT"), "add an item");
  add(Line(cmd, "agenda ID done N"), "tick item N off");
  add(ConnectUsage(cmd), "connect your calendar or Zoom account");
  add(Line(cmd, "help"), "this message");
  return text;
}

}  // namespace officer::bot::slack
