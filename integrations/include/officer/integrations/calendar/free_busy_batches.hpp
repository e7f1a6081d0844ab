#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <officer/domain/conflicts.hpp>

namespace officer::integrations::calendar {

/// Asks a provider about each distinct attendee, at most `batch_size` per call, and answers for
/// every attendee in input order (a repeated attendee gets the same answer). An attendee the
/// provider's answer leaves out reads as NotVisible: Officer never guesses someone free.
std::vector<domain::AttendeeAvailability> FreeBusyInBatches(
    const std::vector<std::string>& attendees, std::size_t batch_size,
    const std::function<
        std::vector<domain::AttendeeAvailability>(const std::vector<std::string>& batch)>& ask);

}  // namespace officer::integrations::calendar
