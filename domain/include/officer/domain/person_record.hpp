#pragma once

#include <string>

#include <officer/domain/ids.hpp>

namespace officer::domain {

/// What the chat platform says about a person, remembered for lists, calendars and reminders.
struct PersonRecord {
  UserId user;
  std::string display_name;
  std::string email;
  std::string time_zone;  ///< IANA name; empty when unknown
  friend bool operator==(const PersonRecord&, const PersonRecord&) = default;
};

}  // namespace officer::domain
