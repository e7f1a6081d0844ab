#pragma once

#include <string>

#include <officer/domain/ids.hpp>

namespace officer::domain {

/// One line of a standup's agenda.
struct AgendaItem {
  std::string text;
  bool done = false;
  UserId author;

  friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

}  // namespace officer::domain
