#include <officer/bot/slack/command_text.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <utility>

#include <officer/bot/slack/command_tokenizer.hpp>

namespace officer::bot::slack {
namespace {

constexpr std::size_t kMaxTitleCharacters = 150;

using Tokens = std::vector<Token>;

std::string Lower(std::string_view text) {
  std::string out{text};
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string Quoted(std::string_view text) { return "“" + std::string{text} + "”"; }

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool IsDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whole digit strings only; nullopt when empty, not digits, or too large to be meaningful here.
std::optional<int> ParseNumber(std::string_view digits) {
  if (!IsDigits(digits) || digits.size() > 6) {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::size_t CountCharacters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

// ---- usage lines ---------------------------------------------------------------------------

std::string Line(std::string_view slash_command, std::string_view rest) {
  return std::string{slash_command} + " " + std::string{rest};
}

std::string ListUsage(std::string_view cmd) { return Line(cmd, "list"); }
std::string CancelUsage(std::string_view cmd) { return Line(cmd, "cancel ID"); }
std::string RemindUsage(std::string_view cmd) {
  return Line(cmd, "remind 10m [ID|all]") + "  or  " + Line(cmd, "remind off [ID|all]");
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

// ---- time of day ---------------------------------------------------------------------------

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
};

// Not a time at all (so another rule may claim the word), a time, or a time-shaped mistake.
struct TimeParse {
  enum class Kind { kNotTime, kTime, kInvalid } kind = Kind::kNotTime;
  TimeOfDay time;
  std::string error;
};

bool IsMeridiem(std::string_view lower) {
  return lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m.";
}

// 9:30, 09:30, 14:00 (24-hour); 9:30am, 2pm, 12am (12-hour). A bare number is not a time.
TimeParse ParseTime(std::string_view word) {
  const std::string lower = Lower(word);
  std::string_view rest = lower;
  std::size_t hour_digits = 0;
  while (hour_digits < rest.size() && rest[hour_digits] >= '0' && rest[hour_digits] <= '9') {
    ++hour_digits;
  }
  if (hour_digits == 0 || hour_digits > 2) {
    return {};
  }
  const int hour = *ParseNumber(rest.substr(0, hour_digits));
  rest.remove_prefix(hour_digits);

  std::optional<int> minute;
  if (rest.starts_with(':')) {
    const std::string_view digits = rest.substr(1, 2);
    if (digits.size() != 2 || !IsDigits(digits)) {
      return {TimeParse::Kind::kInvalid,
              {},
              Quoted(word) + " isn't a valid time: write the minutes with two digits, like 9:05."};
    }
    minute = *ParseNumber(digits);
    rest.remove_prefix(3);
  }
  const bool has_meridiem = IsMeridiem(rest);
  if (!rest.empty() && !has_meridiem) {
    if (minute) {
      return {TimeParse::Kind::kInvalid,
              {},
              Quoted(word) + " isn't a valid time. Write it like 9:30, 14:00 or 2pm."};
    }
    return {};
  }
  if (!minute && !has_meridiem) {
    return {};
  }
  if (minute && *minute > 59) {
    return {TimeParse::Kind::kInvalid,
            {},
            Quoted(word) + " isn't a valid time: minutes go from 00 to 59."};
  }
  if (has_meridiem) {
    if (hour < 1 || hour > 12) {
      return {TimeParse::Kind::kInvalid,
              {},
              Quoted(word) + " isn't a valid time: with am or pm the hour goes from 1 to 12."};
    }
    const bool pm = rest.front() == 'p';
    const int hour24 = (hour % 12) + (pm ? 12 : 0);
    return {TimeParse::Kind::kTime, {hour24, minute.value_or(0)}, {}};
  }
  if (hour > 23) {
    return {TimeParse::Kind::kInvalid,
            {},
            Quoted(word) + " isn't a valid time: the hour goes from 0 to 23."};
  }
  return {TimeParse::Kind::kTime, {hour, *minute}, {}};
}

// ---- days ----------------------------------------------------------------------------------

std::optional<int> DayIndex(std::string_view lower) {
  struct Day {
    std::string_view full;
    std::array<std::string_view, 3> short_names;
  };
  static constexpr std::array<Day, 7> kDays{{
      {"monday", {"mon", "", ""}},
      {"tuesday", {"tue", "tues", ""}},
      {"wednesday", {"wed", "weds", ""}},
      {"thursday", {"thu", "thur", "thurs"}},
      {"friday", {"fri", "", ""}},
      {"saturday", {"sat", "", ""}},
      {"sunday", {"sun", "", ""}},
  }};
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    const Day& day = kDays[i];
    const bool plural =
        lower.size() == day.full.size() + 1 && lower.starts_with(day.full) && lower.back() == 's';
    if (lower == day.full || plural ||
        std::any_of(day.short_names.begin(), day.short_names.end(),
                    [&](std::string_view s) { return !s.empty() && s == lower; })) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

struct DaysParse {
  enum class Kind { kNotDays, kDays, kInvalid } kind = Kind::kNotDays;
  DaySet days{};
  std::string error;
};

std::string UnknownDay(std::string_view part, std::string_view word) {
  return "I don't know the day " + Quoted(part) + " in " + Quoted(word) +
         ". Use mon, tue, wed, thu, fri, sat, sun, or a range like mon-fri.";
}

// weekdays | daily | mon,wed,fri | monday | mon-fri (ranges may wrap: fri-mon).
DaysParse ParseDays(std::string_view word) {
  const std::string lower = Lower(word);
  if (lower == "weekdays" || lower == "weekday") {
    return {DaysParse::Kind::kDays, kWeekdays, {}};
  }
  if (lower == "daily" || lower == "everyday") {
    return {DaysParse::Kind::kDays, kEveryDay, {}};
  }
  DaysParse result{DaysParse::Kind::kDays, {}, {}};
  bool first = true;
  std::string_view rest = lower;
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view part = rest.substr(0, comma);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    if (part.empty()) {
      continue;
    }
    const std::size_t dash = part.find('-');
    const auto from = DayIndex(part.substr(0, dash));
    const auto to = dash == std::string_view::npos ? from : DayIndex(part.substr(dash + 1));
    if (!from || !to) {
      if (first && !from) {
        return {};
      }
      const std::string_view bad = !from ? part.substr(0, dash) : part.substr(dash + 1);
      return {DaysParse::Kind::kInvalid, {}, UnknownDay(bad, word)};
    }
    for (int day = *from;; day = (day + 1) % 7) {
      result.days[static_cast<std::size_t>(day)] = true;
      if (day == *to) {
        break;
      }
    }
    first = false;
  }
  if (first) {
    return {};  // only commas
  }
  return result;
}

// ---- amounts of time -----------------------------------------------------------------------

// Minutes per unit word, or 0 for an unknown unit.
int UnitMinutes(std::string_view lower) {
  if (lower == "m" || lower == "min" || lower == "mins" || lower == "minute" ||
      lower == "minutes") {
    return 1;
  }
  if (lower == "h" || lower == "hr" || lower == "hrs" || lower == "hour" || lower == "hours") {
    return 60;
  }
  return 0;
}

// "15m", "15min", "1h", "15" optionally followed by a separate unit word ("15 min").
// Returns minutes and how many tokens were used, or nullopt when the word isn't an amount.
struct Amount {
  long minutes = 0;
  std::size_t tokens = 1;
  bool had_unit = false;
};

std::optional<Amount> ParseAmount(const Tokens& tokens, std::size_t at) {
  if (at >= tokens.size() || tokens[at].kind != TokenKind::kWord) {
    return std::nullopt;
  }
  const std::string lower = Lower(tokens[at].text);
  const std::size_t digits = std::min(lower.find_first_not_of("0123456789"), lower.size());
  if (digits == 0) {
    return std::nullopt;
  }
  // Cap the digits so that absurd numbers are reported as out of range, not as garbage.
  const long number = digits > 6 ? 999999 : *ParseNumber(std::string_view{lower}.substr(0, digits));
  const std::string_view unit = std::string_view{lower}.substr(digits);
  if (!unit.empty()) {
    const int per_unit = UnitMinutes(unit);
    if (per_unit == 0) {
      return std::nullopt;
    }
    return Amount{number * per_unit, 1, true};
  }
  if (at + 1 < tokens.size() && tokens[at + 1].kind == TokenKind::kWord) {
    if (const int per_unit = UnitMinutes(Lower(tokens[at + 1].text))) {
      return Amount{number * per_unit, 2, true};
    }
  }
  return Amount{number, 1, false};
}

// ---- dates ---------------------------------------------------------------------------------

std::optional<date::year_month_day> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto year = ParseNumber(text.substr(0, 4));
  const auto month = ParseNumber(text.substr(5, 2));
  const auto day = ParseNumber(text.substr(8, 2));
  if (!year || !month || !day) {
    return std::nullopt;
  }
  return date::year_month_day{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                              date::day{static_cast<unsigned>(*day)}};
}

bool LooksLikeIsoDate(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && IsDigits(text.substr(0, 4));
}

// ---- mentions ------------------------------------------------------------------------------

bool IsSlackId(std::string_view id, std::string_view first_letters) {
  return id.size() >= 2 && first_letters.find(id.front()) != std::string_view::npos &&
         std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

template <class T>
void AddUnique(std::vector<T>& list, T value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

// Adds <@U…>, <!subteam^S…>, <#C…> (each with an optional |label) to `who`; else an error.
std::optional<std::string> AddMention(const Token& token, Participants& who) {
  const std::string_view inner = std::string_view{token.text}.substr(1, token.text.size() - 2);
  const std::string_view target = inner.substr(0, inner.find('|'));
  if (target.starts_with('@') && IsSlackId(target.substr(1), "UW")) {
    AddUnique(who.users, std::string{target.substr(1)});
    return std::nullopt;
  }
  if (target.starts_with('#') && IsSlackId(target.substr(1), "CG")) {
    AddUnique(who.channels, std::string{target.substr(1)});
    return std::nullopt;
  }
  constexpr std::string_view kSubteam = "!subteam^";
  if (target.starts_with(kSubteam) && IsSlackId(target.substr(kSubteam.size()), "S")) {
    AddUnique(who.usergroups, std::string{target.substr(kSubteam.size())});
    return std::nullopt;
  }
  if (target == "!here" || target == "!channel" || target == "!everyone") {
    return "I can't book " + Quoted("@" + std::string{target.substr(1)}) +
           ". Mention the #channel instead and I'll invite its members.";
  }
  return "I can't book " + Quoted(token.text) +
         ". Mention people and user groups with @, or a #channel.";
}

// ---- book ----------------------------------------------------------------------------------

std::string UnknownBookWord(const Token& token) {
  const std::string_view word = token.text;
  const std::string lower = Lower(word);
  std::string message = "I don't understand " + Quoted(word) + ".";
  if (word.starts_with('@')) {
    return Quoted(word) +
           " reached me as plain text, not a mention. Pick the person or group from Slack's "
           "suggestions as you type @ so it turns into a link.";
  }
  if (word.starts_with('#')) {
    return Quoted(word) +
           " reached me as plain text, not a channel. Pick the channel from Slack's "
           "suggestions as you type # so it turns into a link.";
  }
  if (IsDigits(word)) {
    return Quoted(word) + " isn't a time. Write it as " + std::string{word} + ":00 or " +
           std::string{word} + "am.";
  }
  const std::size_t digits = std::min(lower.find_first_not_of("0123456789"), lower.size());
  if (digits > 0 && UnitMinutes(std::string_view{lower}.substr(digits)) != 0) {
    return message + " Did you mean " + Quoted("for " + std::string{word}) + "?";
  }
  if (LooksLikeIsoDate(word)) {
    return message + " Did you mean " + Quoted("from " + std::string{word}) + "?";
  }
  if (word.find('/') != std::string_view::npos) {
    return message + " Did you mean " + Quoted("tz " + std::string{word}) + "?";
  }
  return message + " Check the spelling, or put a title in double quotes.";
}

bool IsFiller(std::string_view lower) {
  return lower == "," || lower == "&" || lower == "and" || lower == "at" || lower == "on" ||
         lower == "with" || lower == "every";
}

Expected<BookCommand, std::string> ParseBook(const Tokens& tokens) {
  BookCommand book;
  std::optional<std::string> time_text;
  std::optional<std::string> title;
  bool days_given = false;
  bool duration_given = false;
  DaySet days{};

  const auto twice = [](std::string_view keyword) {
    return "You gave " + Quoted(keyword) + " twice. Keep one.";
  };

  for (std::size_t i = 1; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::kControl) {
      if (auto error = AddMention(token, book.who)) {
        return Unexpected{std::move(*error)};
      }
      continue;
    }
    if (token.kind == TokenKind::kQuoted) {
      const std::string_view text = Trim(token.text);
      if (title) {
        return Unexpected{"You gave two titles, " + Quoted(*title) + " and " + Quoted(text) +
                          ". Keep one in double quotes."};
      }
      if (text.empty()) {
        return Unexpected{std::string{
            "The title in quotes is empty. Write some words between the quotes, or leave "
            "them out for “Daily standup”."}};
      }
      if (const std::size_t length = CountCharacters(text); length > kMaxTitleCharacters) {
        return Unexpected{"The title is " + std::to_string(length) +
                          " characters long. Keep it to " + std::to_string(kMaxTitleCharacters) +
                          "."};
      }
      title = std::string{text};
      continue;
    }

    const std::string lower = Lower(token.text);
    if (IsFiller(lower)) {
      continue;
    }

    // A time, possibly with its am/pm as the next word: "9:30 am", "9 pm".
    std::string candidate = token.text;
    std::size_t consumed = 0;
    if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::kWord &&
        IsMeridiem(Lower(tokens[i + 1].text))) {
      candidate += tokens[i + 1].text;
      consumed = 1;
    }
    if (const TimeParse time = ParseTime(candidate); time.kind != TimeParse::Kind::kNotTime) {
      if (time.kind == TimeParse::Kind::kInvalid) {
        return Unexpected{time.error};
      }
      const std::string shown = consumed ? token.text + " " + tokens[i + 1].text : token.text;
      if (time_text) {
        return Unexpected{"You gave two times, " + Quoted(*time_text) + " and " + Quoted(shown) +
                          ". Keep one."};
      }
      time_text = shown;
      book.hour = time.time.hour;
      book.minute = time.time.minute;
      i += consumed;
      continue;
    }

    if (const DaysParse parsed = ParseDays(token.text); parsed.kind != DaysParse::Kind::kNotDays) {
      if (parsed.kind == DaysParse::Kind::kInvalid) {
        return Unexpected{parsed.error};
      }
      for (std::size_t d = 0; d < days.size(); ++d) {
        days[d] = days[d] || parsed.days[d];
      }
      days_given = true;
      continue;
    }

    const bool has_next = i + 1 < tokens.size();
    if (lower == "for") {
      if (duration_given) {
        return Unexpected{twice("for")};
      }
      const auto amount = ParseAmount(tokens, i + 1);
      if (!amount) {
        return Unexpected{std::string{"“for” needs a duration in minutes, like for 15m."}};
      }
      if (amount->minutes < kMinDurationMinutes || amount->minutes > kMaxDurationMinutes) {
        return Unexpected{std::string{"Duration must be between 5 and 120 minutes."}};
      }
      book.duration_minutes = static_cast<int>(amount->minutes);
      duration_given = true;
      i += amount->tokens;
      continue;
    }
    if (lower == "tz") {
      if (book.time_zone) {
        return Unexpected{twice("tz")};
      }
      if (!has_next || tokens[i + 1].kind != TokenKind::kWord) {
        return Unexpected{std::string{"“tz” needs a time zone name, like tz Europe/Berlin."}};
      }
      book.time_zone = tokens[++i].text;
      continue;
    }
    if (lower == "zoom") {
      if (std::holds_alternative<RoomLocation>(book.location)) {
        return Unexpected{std::string{"Choose zoom or a room, not both."}};
      }
      book.location = ZoomLocation{};
      continue;
    }
    if (lower == "room") {
      if (!has_next || tokens[i + 1].kind == TokenKind::kControl ||
          Trim(tokens[i + 1].text).empty()) {
        return Unexpected{
            std::string{"“room” needs the room's name or e-mail, like room \"Berlin 3.01\"."}};
      }
      const std::string name{Trim(tokens[++i].text)};
      if (const auto* room = std::get_if<RoomLocation>(&book.location)) {
        return Unexpected{"You gave two rooms, " + Quoted(room->name) + " and " + Quoted(name) +
                          ". A standup meets in one room."};
      }
      if (std::holds_alternative<ZoomLocation>(book.location)) {
        return Unexpected{std::string{"Choose zoom or a room, not both."}};
      }
      book.location = RoomLocation{name};
      continue;
    }
    if (lower == "from") {
      if (book.first_day) {
        return Unexpected{twice("from")};
      }
      if (!has_next || tokens[i + 1].kind != TokenKind::kWord ||
          !LooksLikeIsoDate(tokens[i + 1].text)) {
        return Unexpected{
            std::string{"“from” needs the first day written YYYY-MM-DD, like from 2026-05-04."}};
      }
      const std::string& text = tokens[++i].text;
      const auto first_day = ParseIsoDate(text);
      if (!first_day || !first_day->ok()) {
        return Unexpected{Quoted(text) + " isn't a date on the calendar."};
      }
      book.first_day = *first_day;
      continue;
    }
    return Unexpected{UnknownBookWord(token)};
  }

  if (!time_text) {
    return Unexpected{std::string{"Tell me when: add a time such as 9:30 or 2pm."}};
  }
  if (book.who.Empty()) {
    return Unexpected{
        std::string{"Tell me who joins: mention at least one @person, @user-group or #channel."}};
  }
  if (days_given) {
    book.days = days;
  }
  if (title) {
    book.title = std::move(*title);
  }
  return book;
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
  if (next < tokens.size()) {
    const Token& target = tokens[next];
    if (target.kind == TokenKind::kWord && Lower(target.text) == "all") {
      remind.scope = RemindScope::kAll;
    } else if (const auto id = MeetingId(target)) {
      remind.scope = RemindScope::kMeeting;
      remind.meeting_id = *id;
    } else {
      return Unexpected{NotAnId(target, cmd)};
    }
    if (next + 1 < tokens.size()) {
      return Unexpected{Extra("remind", tokens[next + 1])};
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

std::string BookUsageLine(std::string_view cmd) {
  return Line(cmd,
              "book 9:30 @alice @team #channel [weekdays|daily|mon,wed,fri] [for 15m] "
              "[tz Europe/Berlin] [zoom | room \"Room name\"] [\"Title\"] [from YYYY-MM-DD]");
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
