// Occurrences are generated day by day in the meeting's local calendar and then mapped to UTC.
// date::time_zone::get_info is comparatively slow (a binary search plus a std::string copy of the
// abbreviation), so LocalToUtc caches the offset in force and only asks the zone again near a
// transition. A year of occurrences for 100,000 meetings is benchmarked.
#include <officer/domain/schedule.hpp>

#include <algorithm>
#include <chrono>

namespace officer::domain {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::seconds;

// Larger than any UTC offset change ever made (Samoa skipped a whole day in 2011).
constexpr seconds kSafetyMargin = hours{26};

date::sys_seconds ResolveInfo(date::local_seconds local, const date::local_info& info) {
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // `first` holds the earlier offset
      return date::sys_seconds{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
      return info.first.end;  // the instant the gap ends
  }
  return date::sys_seconds{local.time_since_epoch() - info.first.offset};
}

// Maps local times to UTC for one zone, remembering the current offset's safe local range.
class LocalToUtc {
 public:
  explicit LocalToUtc(const date::time_zone& zone) : zone_(zone) {}

  date::sys_seconds operator()(date::local_seconds local) {
    if (local >= safe_begin_ && local < safe_end_)
      return date::sys_seconds{local.time_since_epoch() - offset_};
    const auto info = zone_.get_info(local);
    if (info.result == date::local_info::unique) Remember(info.first);
    return ResolveInfo(local, info);
  }

 private:
  void Remember(const date::sys_info& info) {
    offset_ = info.offset;
    // Local times this far inside the period cannot be ambiguous or in a gap.
    safe_begin_ = date::local_seconds{info.begin.time_since_epoch() + offset_ + kSafetyMargin};
    safe_end_ = date::local_seconds{info.end.time_since_epoch() + offset_ - kSafetyMargin};
  }

  const date::time_zone& zone_;
  seconds offset_{0};
  date::local_seconds safe_begin_{seconds{1}};
  date::local_seconds safe_end_{seconds{0}};
};

date::local_days LocalDay(date::sys_seconds t, const date::time_zone& zone) {
  return date::floor<days>(zone.to_local(t));
}

bool Schedulable(const StandupMeeting& meeting) {
  return meeting.status == MeetingStatus::Active && !meeting.days.Empty();
}

// Calls `emit(interval)` for each occurrence on local days from `day` onward (never before the
// meeting's first day) until it returns false.
template <class Emit>
void Walk(const StandupMeeting& meeting, const date::time_zone& zone, date::local_days day,
          Emit&& emit) {
  day = std::max(day, date::local_days{meeting.first_day});
  const auto start = meeting.start.SinceMidnight();
  const auto duration = std::chrono::minutes{meeting.duration_minutes};
  LocalToUtc to_utc{zone};
  for (;; day += days{1}) {
    if (!meeting.days.Contains(date::weekday{day})) continue;
    const auto begin = to_utc(day + start);
    if (!emit(Interval{begin, begin + duration})) return;
  }
}

}  // namespace

date::sys_seconds ResolveLocal(date::local_seconds local, const date::time_zone& zone) {
  return ResolveInfo(local, zone.get_info(local));
}

void AppendOccurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                       date::sys_seconds from, date::sys_seconds to, std::vector<Interval>& out) {
  if (!Schedulable(meeting) || from >= to) return;
  // Start a local day early: `from` may fall before the occurrence of its own local day but
  // after the previous one's, and walking is cheap. Starts only grow from day to day, so the
  // walk stops at the first one at or after `to`.
  Walk(meeting, zone, LocalDay(from, zone) - days{1}, [&](const Interval& occurrence) {
    if (occurrence.start >= to) return false;
    if (occurrence.start >= from) out.push_back(occurrence);
    return true;
  });
}

std::vector<Interval> Occurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                                  date::sys_seconds from, date::sys_seconds to) {
  std::vector<Interval> out;
  AppendOccurrences(meeting, zone, from, to, out);
  return out;
}

std::vector<Interval> FirstOccurrences(const StandupMeeting& meeting, const date::time_zone& zone,
                                       std::size_t n, date::sys_seconds after) {
  std::vector<Interval> out;
  if (!Schedulable(meeting) || n == 0) return out;
  out.reserve(n);
  Walk(meeting, zone, LocalDay(after, zone) - days{1}, [&](const Interval& occurrence) {
    if (occurrence.start > after) out.push_back(occurrence);
    return out.size() < n;
  });
  return out;
}

std::optional<Interval> NextOccurrence(const StandupMeeting& meeting, const date::time_zone& zone,
                                       date::sys_seconds after) {
  auto first = FirstOccurrences(meeting, zone, 1, after);
  if (first.empty()) return std::nullopt;
  return first.front();
}

}  // namespace officer::domain
