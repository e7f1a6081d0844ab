#include <officer/bot/slack/command_text.hpp>

#include <algorithm>
#include <cstddef>
#include <utility>

#include "slack/command_text_detail.hpp"

namespace officer::bot::slack::detail {
namespace {

constexpr std::size_t kMaxTitleCharacters = 150;
constexpr std::string_view kOneLocation =
    "Choose one of zoom, meet, teams or a room: a standup has one place to meet.";

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

}  // namespace

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

    // "9:30, <@U1>" and "zoom," read naturally; the comma is only a separator.
    std::string_view word = token.text;
    while (word.size() > 1 && word.back() == ',') {
      word.remove_suffix(1);
    }
    const std::string lower = Lower(word);
    if (IsFiller(lower)) {
      continue;
    }

    // A time, possibly with its am/pm as the next word: "9:30 am", "9 pm".
    std::string candidate{word};
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
      const std::string shown =
          consumed ? std::string{word} + " " + tokens[i + 1].text : std::string{word};
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
    if (const auto video = VideoProviderNamed(lower)) {
      if (std::holds_alternative<RoomLocation>(book.location)) {
        return Unexpected{std::string{kOneLocation}};
      }
      if (const auto* chosen = std::get_if<VideoLocation>(&book.location);
          chosen != nullptr && chosen->provider != *video) {
        return Unexpected{std::string{kOneLocation}};
      }
      book.location = VideoLocation{*video};
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
      if (std::holds_alternative<VideoLocation>(book.location)) {
        return Unexpected{std::string{kOneLocation}};
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

}  // namespace officer::bot::slack::detail
