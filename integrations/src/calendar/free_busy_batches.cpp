#include <officer/integrations/calendar/free_busy_batches.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace officer::integrations::calendar {

std::vector<domain::AttendeeAvailability> FreeBusyInBatches(
    const std::vector<std::string>& attendees, std::size_t batch_size,
    const std::function<
        std::vector<domain::AttendeeAvailability>(const std::vector<std::string>& batch)>& ask) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const auto& attendee : attendees) {
    if (seen.insert(attendee).second) unique.push_back(attendee);
  }
  std::map<std::string, domain::AttendeeAvailability> answered;
  for (std::size_t first = 0; first < unique.size(); first += batch_size) {
    const auto end = std::min(unique.size(), first + batch_size);
    const std::vector<std::string> batch(unique.begin() + static_cast<std::ptrdiff_t>(first),
                                         unique.begin() + static_cast<std::ptrdiff_t>(end));
    for (auto& entry : ask(batch)) answered.emplace(entry.attendee, std::move(entry));
  }
  std::vector<domain::AttendeeAvailability> out;
  out.reserve(attendees.size());
  for (const auto& attendee : attendees) {
    const auto found = answered.find(attendee);
    out.push_back(found != answered.end()
                      ? found->second
                      : domain::AttendeeAvailability{attendee, domain::NotVisible{}, nullptr});
  }
  return out;
}

}  // namespace officer::integrations::calendar
