#pragma once

#include <chrono>
#include <string>

#include <date/date.h>
#include <date/tz.h>

#include <officer/domain/day_set.hpp>
#include <officer/domain/standup_meeting.hpp>
#include <officer/domain/time_of_day.hpp>

namespace officer::bot::render {

enum class Capital { kYes, kNo };

/// "Weekdays", "Every day", "Mon, Wed, Fri" (Monday first); with Capital::kNo "weekdays",
/// "every day", "Mon, Wed, Fri"; "no days" when empty.
std::string DaysText(domain::DaySet days, Capital capital = Capital::kYes);

/// "9:30", "14:05" — the hour without a leading zero, as people type it.
std::string ClockText(domain::TimeOfDay time);

/// "09:30": a UTC instant's local time of day in `zone`, 24-hour.
std::string LocalClock(date::sys_seconds instant, const date::time_zone& zone);

/// "Tue 1 Dec 09:30": a UTC instant in `zone`'s local time.
std::string LocalDateTime(date::sys_seconds instant, const date::time_zone& zone);

/// "2024-03-01"
std::string IsoDate(date::year_month_day day);

/// "15 min"
std::string DurationText(int minutes);

/// "10 minutes", "1 minute", "1 hour", "1 hour 30 minutes", "24 hours".
std::string LeadText(std::chrono::minutes lead);

/// "9:30 Europe/Berlin" (the zone name escaped for mrkdwn).
std::string TimeAndZone(const domain::StandupMeeting& meeting);

/// "weekdays 9:30 Europe/Berlin" / "every day 9:30 UTC" / "Mon, Wed 8:00 UTC".
std::string ScheduleText(const domain::StandupMeeting& meeting);

}  // namespace officer::bot::render
