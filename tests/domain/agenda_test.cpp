#include <officer/domain/standup_organizer.hpp>

#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

const MeetingId kId{"m1"};

std::optional<StandupMeeting> Current() {
  auto m = Meeting("Europe/Berlin", {9, 30});
  m.agenda = {{"Release notes", false, UserId{"U1"}}, {"On-call handover", false, UserId{"U2"}}};
  return m;
}

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("a participant adds an agenda item at the end, trimmed, with themselves as author") {
  const auto result = AgendaAdd(Current(), {kId, UserId{"U3"}, "  Flaky CI \n"});
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& updated = std::get<Updated>(result);
  REQUIRE(updated.meeting.agenda.size() == 3);
  CHECK(updated.meeting.agenda[2] == AgendaItem{"Flaky CI", false, UserId{"U3"}});
  CHECK(updated.meeting.version == 2);
  CHECK(updated.effects == Effects{UpdateMeetingMessage{kId}});
}

TEST_CASE("adding an agenda item is refused when it cannot be added") {
  struct Row {
    std::string name;
    std::optional<StandupMeeting> current;
    AgendaAddRequest request;
    AgendaAddResult expected;
  };
  auto cancelled = Current();
  cancelled->status = MeetingStatus::Cancelled;
  const Row rows[] = {
      {"blank text", Current(), {kId, UserId{"U2"}, " \t "}, EmptyAgendaItem{}},
      {"text too long",
       Current(),
       {kId, UserId{"U2"}, std::string(kMaxAgendaItemChars + 1, 'x')},
       AgendaItemTooLong{kMaxAgendaItemChars}},
      {"not a participant",
       Current(),
       {kId, UserId{"U9"}, "hi"},
       NotAParticipant{kId, UserId{"U9"}}},
      {"unknown meeting", std::nullopt, {kId, UserId{"U2"}, "hi"}, MeetingNotFound{kId}},
      {"cancelled meeting", cancelled, {kId, UserId{"U2"}, "hi"}, AlreadyCancelled{kId}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(AgendaAdd(row.current, row.request) == row.expected);
  }
}

TEST_CASE("an agenda item of exactly the maximum length is accepted") {
  const auto result =
      AgendaAdd(Current(), {kId, UserId{"U2"}, std::string(kMaxAgendaItemChars, 'x')});
  CHECK(std::holds_alternative<Updated>(result));
}

TEST_CASE("marking item 2 done marks the second item, counting from 1") {
  const auto result = AgendaDone(Current(), {kId, UserId{"U3"}, 2});
  REQUIRE(std::holds_alternative<Updated>(result));
  const auto& agenda = std::get<Updated>(result).meeting.agenda;
  CHECK_FALSE(agenda[0].done);
  CHECK(agenda[1].done);
  CHECK(std::get<Updated>(result).meeting.version == 2);
  CHECK(std::get<Updated>(result).effects == Effects{UpdateMeetingMessage{kId}});
}

TEST_CASE("marking an item done twice changes nothing the second time") {
  const auto once = std::get<Updated>(AgendaDone(Current(), {kId, UserId{"U3"}, 1})).meeting;
  const auto twice = AgendaDone(once, {kId, UserId{"U3"}, 1});
  REQUIRE(std::holds_alternative<Updated>(twice));
  CHECK(std::get<Updated>(twice).meeting == once);
  CHECK(std::get<Updated>(twice).effects.empty());
}

TEST_CASE("an agenda item number outside the list is not found") {
  for (std::size_t n : {std::size_t{0}, std::size_t{3}}) {
    CAPTURE(n);
    CHECK(AgendaDone(Current(), {kId, UserId{"U2"}, n}) ==
          AgendaDoneResult{AgendaItemNotFound{kId, n, 2}});
  }
}

TEST_CASE("only participants may mark agenda items done") {
  CHECK(AgendaDone(Current(), {kId, UserId{"U9"}, 1}) ==
        AgendaDoneResult{NotAParticipant{kId, UserId{"U9"}}});
}

TEST_SUITE_END();
