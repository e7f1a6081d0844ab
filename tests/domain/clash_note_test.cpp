#include <officer/domain/clash_note.hpp>

#include <string>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using officer::domain::ClashNote;
using officer::domain::Interval;
using namespace officer::domain::testing;

TEST_SUITE_BEGIN("domain");

TEST_CASE("a clash note reads as local time and day in the given zone") {
  struct Row {
    std::string zone;
    Interval busy;
    std::string expected;
  };
  const Row rows[] = {
      {"Europe/Berlin",
       {Utc(2026, 12, 1, 8, 0), Utc(2026, 12, 1, 9, 0)},
       "busy 09:00\u201310:00 on Tue 1 Dec"},
      {"Asia/Kolkata",
       {Utc(2026, 12, 1, 3, 30), Utc(2026, 12, 1, 4, 15)},
       "busy 09:00\u201309:45 on Tue 1 Dec"},
      {"Australia/Sydney",
       {Utc(2026, 11, 30, 22, 0), Utc(2026, 11, 30, 23, 0)},
       "busy 09:00\u201310:00 on Tue 1 Dec"},
      {"Asia/Kolkata",
       {Utc(2028, 2, 29, 4, 0), Utc(2028, 2, 29, 5, 0)},
       "busy 09:30\u201310:30 on Tue 29 Feb"},
      {"Europe/Berlin",
       {Utc(2026, 11, 30, 23, 0), Utc(2026, 12, 1, 23, 0)},
       "busy all day on Tue 1 Dec"},
      {"Europe/Berlin",
       {Utc(2026, 11, 30, 23, 0), Utc(2026, 12, 3, 23, 0)},
       "busy all day Tue 1 Dec \u2013 Thu 3 Dec"},
      {"Europe/Berlin",
       {Utc(2026, 11, 30, 22, 0), Utc(2026, 12, 1, 0, 0)},
       "busy Mon 30 Nov 23:00 \u2013 Tue 1 Dec 01:00"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.expected);
    CHECK(ClashNote(row.busy, Zone(row.zone)) == row.expected);
  }
}

TEST_SUITE_END();
