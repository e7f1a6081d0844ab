#include <officer/bot/render/time_text.hpp>

#include <array>

#include <officer/bot/render/mrkdwn.hpp>

namespace officer::bot::render {
namespace {

constexpr std::array<const char*, 7> kDayNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string TwoDigits(long long value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string Plural(long long count, const char* unit) {
  return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

}  // namespace

std::string DaysText(domain::DaySet days, Capital capital) {
  const bool cap = capital == Capital::kYes;
  if (days == domain::DaySet::Weekdays()) return cap ? "Weekdays" : "weekdays";
  if (days == domain::DaySet::Daily()) return cap ? "Every day" : "every day";
  if (days.Empty()) return cap ? "No days" : "no days";
  std::string out;
  for (unsigned i = 1; i <= 7; ++i) {  // Monday first, Sunday last
    const date::weekday day{i % 7};
    if (!days.Contains(day)) continue;
    if (!out.empty()) out += ", ";
    out += kDayNames[day.c_encoding()];
  }
  return out;
}

std::string ClockText(domain::TimeOfDay time) {
  return std::to_string(time.hour) + ":" + TwoDigits(time.minute);
}

std::string LocalClock(date::sys_seconds instant, const date::time_zone& zone) {
  const auto local = zone.to_local(instant);
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local))
          .count();
  return TwoDigits(minutes / 60) + ":" + TwoDigits(minutes % 60);
}

std::string LocalDateTime(date::sys_seconds instant, const date::time_zone& zone) {
  const auto day = date::floor<date::days>(zone.to_local(instant));
  const date::year_month_day ymd{day};
  return std::string{kDayNames[date::weekday{day}.c_encoding()]} + " " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonthNames[static_cast<unsigned>(ymd.month()) - 1] + " " + LocalClock(instant, zone);
}

std::string IsoDate(date::year_month_day day) { return date::format("%F", day); }

std::string DurationText(int minutes) { return std::to_string(minutes) + " min"; }

std::string LeadText(std::chrono::minutes lead) {
  const long long total = lead.count();
  if (total < 60) return Plural(total, "minute");
  const long long hours = total / 60;
  const long long rest = total % 60;
  if (rest == 0) return Plural(hours, "hour");
  return Plural(hours, "hour") + " " + Plural(rest, "minute");
}

std::string TimeAndZone(const domain::StandupMeeting& meeting) {
  return ClockText(meeting.start) + " " + EscapeMrkdwn(meeting.zone_name);
}

std::string ScheduleText(const domain::StandupMeeting& meeting) {
  return DaysText(meeting.days, Capital::kNo) + " " + TimeAndZone(meeting);
}

}  // namespace officer::bot::render
