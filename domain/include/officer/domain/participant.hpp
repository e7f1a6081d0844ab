#pragma once

#include <optional>
#include <string>

#include <officer/domain/ids.hpp>
#include <officer/domain/interval.hpp>

namespace officer::domain {

/// Where a participant stands with respect to the standup.
enum class ParticipantStatus {
  Invited,             ///< no answer yet
  Accepted,            ///< said yes (or auto-confirmed)
  Declined,            ///< said no
  Busy,                ///< their calendar clashes with an occurrence
  CalendarNotVisible,  ///< Officer cannot read their calendar
};

/// A person taking part in a standup.
struct Participant {
  UserId user;
  std::string display_name;
  std::string email;
  ParticipantStatus status = ParticipantStatus::Invited;
  std::optional<Interval> clash;  ///< the first busy interval that clashes, if any
  std::string clash_note;         ///< e.g. "busy 09:00–10:00 on Tue 1 Dec"; empty without a clash

  friend bool operator==(const Participant&, const Participant&) = default;
};

}  // namespace officer::domain
