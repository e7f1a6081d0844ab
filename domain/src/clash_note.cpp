#include <officer/domain/clash_note.hpp>

#include <array>
#include <chrono>

namespace officer::domain {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDash = "\u2013";

// "Tue 1 Dec"
std::string Day(date::local_days day) {
  const date::year_month_day ymd{day};
  std::string out = kWeekdays[date::weekday{day}.c_encoding()];
  out += ' ';
  out += std::to_string(static_cast<unsigned>(ymd.day()));
  out += ' ';
  out += kMonths[static_cast<unsigned>(ymd.month()) - 1];
  return out;
}

// "09:00"
std::string Clock(std::chrono::seconds since_midnight) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
  const auto two = [](long long v) {
    return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

}  // namespace

std::string ClashNote(const Interval& busy, const date::time_zone& zone) {
  using std::chrono::days;
  const auto start = zone.to_local(busy.start);
  const auto end = zone.to_local(busy.end);
  const auto start_day = date::floor<days>(start);
  const auto end_day = date::floor<days>(end);
  const auto start_time = start - start_day;
  const auto end_time = end - end_day;

  if (start_time.count() == 0 && end_time.count() == 0 && end_day > start_day) {
    if (end_day - start_day == days{1}) return "busy all day on " + Day(start_day);
    return "busy all day " + Day(start_day) + " " + kDash + " " + Day(end_day - days{1});
  }
  if (start_day == end_day) {
    return "busy " + Clock(start_time) + kDash + Clock(end_time) + " on " + Day(start_day);
  }
  return "busy " + Day(start_day) + " " + Clock(start_time) + " " + kDash + " " + Day(end_day) +
         " " + Clock(end_time);
}

}  // namespace officer::domain
