// The ports are implementable by hand-written fakes (as tests/fakes will do) and usable through
// a base reference. Nothing here performs I/O.
#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/domain/ports/chat_notifier.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/ports/video_meeting_provider.hpp>

#include <map>
#include <type_traits>

#include <doctest/doctest.h>

#include "domain_fixtures.hpp"

using namespace officer::domain;
using namespace officer::domain::testing;

namespace {

class MapRepository final : public MeetingRepository {
 public:
  std::optional<StandupMeeting> Load(const MeetingId& id) override {
    const auto it = meetings_.find(id);
    if (it == meetings_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<StandupMeeting> ListForPerson(const WorkspaceId&, const UserId&) override {
    return {};
  }
  SaveOutcome Save(const StandupMeeting& meeting, int expected_version) override {
    const auto it = meetings_.find(meeting.id);
    const int stored = it == meetings_.end() ? 0 : it->second.version;
    if (stored != expected_version) return SaveOutcome::VersionConflict;
    meetings_.insert_or_assign(meeting.id, meeting);
    return SaveOutcome::Saved;
  }
  PersonPreferences LoadPreferences(const WorkspaceId&, const UserId& user) override {
    return PersonPreferences{user, std::nullopt, {}, false};
  }
  void SavePreferences(const WorkspaceId&, const PersonPreferences&) override {}

 private:
  std::map<MeetingId, StandupMeeting> meetings_;
};

}  // namespace

TEST_SUITE_BEGIN("domain");

TEST_CASE("ports cannot be copied") {
  CHECK_FALSE(std::is_copy_constructible_v<CalendarGateway>);
  CHECK_FALSE(std::is_copy_constructible_v<VideoMeetingProvider>);
  CHECK_FALSE(std::is_copy_constructible_v<ChatNotifier>);
  CHECK_FALSE(std::is_copy_constructible_v<MeetingRepository>);
  CHECK_FALSE(std::is_copy_constructible_v<Clock>);
  CHECK(std::has_virtual_destructor_v<CalendarGateway>);
}

TEST_CASE("a save with a stale expected version is a conflict") {
  MapRepository repo;
  MeetingRepository& port = repo;
  auto meeting = Meeting("Europe/Berlin", {9, 30});
  CHECK(port.Save(meeting, 0) == SaveOutcome::Saved);
  meeting.version = 2;
  CHECK(port.Save(meeting, 1) == SaveOutcome::Saved);
  CHECK(port.Save(meeting, 1) == SaveOutcome::VersionConflict);
  CHECK(port.Load(MeetingId{"m1"})->version == 2);
}

TEST_SUITE_END();
