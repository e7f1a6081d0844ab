#include <officer/integrations/google/rfc3339.hpp>

#include <cctype>
#include <chrono>

namespace officer::integrations::google {

namespace {

// Reads exactly `width` digits at `pos`, advancing it.
std::optional<int> Digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Expect(std::string_view text, std::size_t& pos, char expected) {
  if (pos >= text.size() ||
      std::toupper(static_cast<unsigned char>(text[pos])) != static_cast<unsigned char>(expected)) {
    return false;
  }
  ++pos;
  return true;
}

}  // namespace

std::optional<date::sys_seconds> ParseRfc3339(std::string_view text) {
  std::size_t pos = 0;
  const auto year = Digits(text, pos, 4);
  if (!year || !Expect(text, pos, '-')) return std::nullopt;
  const auto month = Digits(text, pos, 2);
  if (!month || !Expect(text, pos, '-')) return std::nullopt;
  const auto day = Digits(text, pos, 2);
  if (!day || !Expect(text, pos, 'T')) return std::nullopt;
  const auto hour = Digits(text, pos, 2);
  if (!hour || !Expect(text, pos, ':')) return std::nullopt;
  const auto minute = Digits(text, pos, 2);
  if (!minute || !Expect(text, pos, ':')) return std::nullopt;
  const auto second = Digits(text, pos, 2);
  if (!second) return std::nullopt;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == start) return std::nullopt;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const auto offset_hours = Digits(text, pos, 2);
    if (!offset_hours || !Expect(text, pos, ':')) return std::nullopt;
    const auto offset_mins = Digits(text, pos, 2);
    if (!offset_mins || *offset_hours > 23 || *offset_mins > 59) return std::nullopt;
    offset_minutes = sign * (*offset_hours * 60 + *offset_mins);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  // Second 60 is a leap second: it reads as the next second's start, as time_t would have it.
  if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return date::sys_seconds{date::sys_days{ymd}} + std::chrono::hours{*hour} +
         std::chrono::minutes{*minute} + std::chrono::seconds{*second} -
         std::chrono::minutes{offset_minutes};
}

std::string FormatRfc3339(date::sys_seconds instant) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", instant);
}

}  // namespace officer::integrations::google
