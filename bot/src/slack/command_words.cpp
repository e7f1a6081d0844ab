#include "slack/command_text_detail.hpp"

#include <algorithm>
#include <charconv>

namespace officer::bot::slack::detail {

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

// ---- amounts of time -----------------------------------------------------------------------

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

std::optional<Amount> ParseAmount(const Tokens& tokens, std::size_t at) {
  if (at >= tokens.size() || tokens[at].kind != TokenKind::kWord) {
    return std::nullopt;
  }
  std::string lower = Lower(tokens[at].text);
  while (lower.size() > 1 && lower.back() == ',') {
    lower.pop_back();
  }
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
    return Amount{number * per_unit, 1};
  }
  if (at + 1 < tokens.size() && tokens[at + 1].kind == TokenKind::kWord) {
    if (const int per_unit = UnitMinutes(Lower(tokens[at + 1].text))) {
      return Amount{number * per_unit, 2};
    }
  }
  return Amount{number, 1};
}

}  // namespace officer::bot::slack::detail
