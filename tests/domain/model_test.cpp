#include <set>
#include <string>
#include <unordered_set>

#include <doctest/doctest.h>

#include <officer/domain/day_set.hpp>
#include <officer/domain/ids.hpp>
#include <officer/domain/time_of_day.hpp>

using namespace officer::domain;

TEST_SUITE_BEGIN("domain");

TEST_CASE("ids compare by value and order like their strings") {
  CHECK(MeetingId{"a1"} == MeetingId{"a1"});
  CHECK(MeetingId{"a1"} != MeetingId{"a2"});
  CHECK(UserId{"U1"} < UserId{"U2"});
  CHECK(UserId{"U1"}.value() == "U1");
  const std::set<UserId> ordered = {UserId{"U2"}, UserId{"U1"}, UserId{"U2"}};
  CHECK(ordered.size() == 2);
  const std::unordered_set<ChannelId> hashed = {ChannelId{"C1"}, ChannelId{"C1"}};
  CHECK(hashed.size() == 1);
}

TEST_CASE("weekdays are Monday to Friday and daily is all seven days") {
  using namespace date;
  for (const weekday day : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
    CHECK(DaySet::Weekdays().Contains(day));
  }
  CHECK_FALSE(DaySet::Weekdays().Contains(Saturday));
  CHECK_FALSE(DaySet::Weekdays().Contains(Sunday));
  for (unsigned d = 0; d < 7; ++d) CHECK(DaySet::Daily().Contains(weekday{d}));
}

TEST_CASE("a custom day set holds exactly its days and survives storage as bits") {
  const auto mwf = DaySet::Of({date::Monday, date::Wednesday, date::Friday});
  CHECK(mwf.Contains(date::Wednesday));
  CHECK_FALSE(mwf.Contains(date::Tuesday));
  CHECK(DaySet::FromBits(mwf.Bits()) == mwf);
  CHECK(DaySet{}.Empty());
  CHECK(DaySet::Of({date::Sunday}).Bits() == 1);
}

TEST_CASE("a time of day is valid from 00:00 to 23:59") {
  CHECK(TimeOfDay{0, 0}.IsValid());
  CHECK(TimeOfDay{23, 59}.IsValid());
  CHECK_FALSE(TimeOfDay{24, 0}.IsValid());
  CHECK_FALSE(TimeOfDay{-1, 0}.IsValid());
  CHECK_FALSE(TimeOfDay{9, 60}.IsValid());
  CHECK(TimeOfDay{9, 30}.SinceMidnight() == std::chrono::minutes{570});
}

TEST_SUITE_END();
