#include <officer/domain/conflicts.hpp>

#include <algorithm>

#include <officer/domain/clash_note.hpp>

namespace officer::domain {
namespace {

bool ByStart(const Interval& a, const Interval& b) {
  return a.start < b.start || (a.start == b.start && a.end < b.end);
}

// Sorted, disjoint blocks covering the same instants (touching intervals join: the union of
// half-open intervals is unchanged, so no clash is invented).
std::vector<Interval> Merge(std::vector<Interval> sorted) {
  std::vector<Interval> merged;
  merged.reserve(sorted.size());
  for (const auto& b : sorted) {
    if (!merged.empty() && b.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, b.end);
    } else {
      merged.push_back(b);
    }
  }
  return merged;
}

}  // namespace

Verdict CheckAttendee(const std::vector<Interval>& occurrences, std::vector<Interval> busy,
                      const date::time_zone& note_zone) {
  std::erase_if(busy, [](const Interval& b) { return !(b.start < b.end); });
  std::sort(busy.begin(), busy.end(), ByStart);
  const auto blocks = Merge(busy);

  // Two-pointer sweep: blocks are disjoint and sorted, so both their starts and ends increase,
  // and a block ending at or before an occurrence's start cannot clash with any later occurrence
  // (occurrences are sorted by start).
  std::size_t clashes = 0;
  const Interval* first = nullptr;
  std::size_t j = 0;
  for (const auto& occurrence : occurrences) {
    while (j < blocks.size() && blocks[j].end <= occurrence.start) ++j;
    if (j < blocks.size() && blocks[j].start < occurrence.end) {
      ++clashes;
      if (first == nullptr) first = &occurrence;
    }
  }
  if (first == nullptr) return Free{};

  // Name a real busy entry, not the merged block: the earliest-starting one overlapping it.
  const auto hit =
      std::find_if(busy.begin(), busy.end(), [&](const Interval& b) { return b.Overlaps(*first); });
  return Busy{*first, *hit, clashes, ClashNote(*hit, note_zone)};
}

ConflictReport DetectConflicts(std::vector<Interval> occurrences,
                               const std::vector<AttendeeAvailability>& attendees,
                               const date::time_zone& note_zone) {
  std::sort(occurrences.begin(), occurrences.end(), ByStart);
  ConflictReport report;
  report.reserve(attendees.size());
  for (const auto& attendee : attendees) {
    const auto& zone = attendee.zone != nullptr ? *attendee.zone : note_zone;
    if (const auto* busy = std::get_if<std::vector<Interval>>(&attendee.availability)) {
      report.push_back({attendee.attendee, CheckAttendee(occurrences, *busy, zone)});
    } else {
      report.push_back({attendee.attendee, NotVisible{}});
    }
  }
  return report;
}

}  // namespace officer::domain
