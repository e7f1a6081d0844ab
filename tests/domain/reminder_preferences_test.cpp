#include <officer/domain/standup_organizer.hpp>

#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;
using std::chrono::minutes;

namespace {

const MeetingId kId{"m1"};

PersonPreferences Prefs() {
  return PersonPreferences{UserId{"U2"}, std::nullopt, {}, false, ReminderPlace::DirectMessage};
}

std::optional<StandupMeeting> Current() { return Meeting("Europe/Berlin", {9, 30}); }

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("remind 5m for one standup stores a setting for that standup and replans it") {
  const auto result = SetReminderPreference(
      Prefs(), Current(), {UserId{"U2"}, kId, ReminderSetting::Before(minutes{5})});
  REQUIRE(std::holds_alternative<PreferencesChanged>(result));
  const auto& changed = std::get<PreferencesChanged>(result);
  CHECK(changed.preferences.ForMeeting(kId) == ReminderSetting::Before(minutes{5}));
  CHECK_FALSE(changed.preferences.all_meetings);
  CHECK(changed.effects == Effects{ScheduleReminders{kId}});
}

TEST_CASE("remind off all stores off for all standups and replans the person's reminders") {
  const auto result = SetReminderPreference(Prefs(), std::nullopt,
                                            {UserId{"U2"}, std::nullopt, ReminderSetting::Off()});
  REQUIRE(std::holds_alternative<PreferencesChanged>(result));
  const auto& changed = std::get<PreferencesChanged>(result);
  CHECK(changed.preferences.all_meetings == ReminderSetting::Off());
  CHECK(changed.effects == Effects{ReplanPersonReminders{UserId{"U2"}}});
}

TEST_CASE("setting the same reminder preference again has no effects") {
  const ReminderPreferenceRequest request{UserId{"U2"}, kId, ReminderSetting::Off()};
  const auto once =
      std::get<PreferencesChanged>(SetReminderPreference(Prefs(), Current(), request));
  const auto twice = SetReminderPreference(once.preferences, Current(), request);
  REQUIRE(std::holds_alternative<PreferencesChanged>(twice));
  CHECK(std::get<PreferencesChanged>(twice).preferences == once.preferences);
  CHECK(std::get<PreferencesChanged>(twice).effects.empty());
}

TEST_CASE("a reminder preference is refused when it cannot apply") {
  struct Row {
    std::string name;
    std::optional<StandupMeeting> meeting;
    ReminderPreferenceRequest request;
    ReminderPreferenceResult expected;
  };
  const Row rows[] = {
      {"a negative lead",
       Current(),
       {UserId{"U2"}, kId, ReminderSetting::Before(minutes{-1})},
       BadReminderLead{-1}},
      {"a lead over a day",
       Current(),
       {UserId{"U2"}, std::nullopt, ReminderSetting::Before(minutes{kMaxReminderLeadMinutes + 1})},
       BadReminderLead{kMaxReminderLeadMinutes + 1}},
      {"an unknown standup",
       std::nullopt,
       {UserId{"U2"}, kId, ReminderSetting::Off()},
       MeetingNotFound{kId}},
      {"a standup the person is not in",
       Current(),
       {UserId{"U9"}, kId, ReminderSetting::Off()},
       NotAParticipant{kId, UserId{"U9"}}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(SetReminderPreference(Prefs(), row.meeting, row.request) == row.expected);
  }
}

TEST_CASE("autoconfirm can be turned on and off") {
  CHECK(SetAutoconfirm(Prefs(), true).autoconfirm);
  CHECK_FALSE(SetAutoconfirm(SetAutoconfirm(Prefs(), true), false).autoconfirm);
}

TEST_CASE("where reminders go is kept, and changes nothing else") {
  auto prefs = Prefs();
  prefs.all_meetings = ReminderSetting::Before(std::chrono::minutes(5));
  const auto changed = SetReminderPlace(prefs, ReminderPlace::Channel);
  CHECK(changed.reminder_place == ReminderPlace::Channel);
  CHECK(changed.all_meetings == prefs.all_meetings);
  CHECK(SetReminderPlace(changed, ReminderPlace::DirectMessage).reminder_place ==
        ReminderPlace::DirectMessage);
}

TEST_SUITE_END();
