// The ports are implementable by hand-written fakes (as tests/fakes will do) and usable through
// a base reference. Nothing here performs I/O.
#include <officer/domain/ports/calendar_gateway.hpp>
#include <officer/domain/ports/chat_notifier.hpp>
#include <officer/domain/ports/clock.hpp>
#include <officer/domain/ports/meeting_repository.hpp>
#include <officer/domain/ports/video_meeting_provider.hpp>

#include <type_traits>

#include <doctest/doctest.h>

using namespace officer::domain;

TEST_SUITE_BEGIN("domain");

TEST_CASE("ports cannot be copied") {
  CHECK_FALSE(std::is_copy_constructible_v<CalendarGateway>);
  CHECK_FALSE(std::is_copy_constructible_v<VideoMeetingProvider>);
  CHECK_FALSE(std::is_copy_constructible_v<ChatNotifier>);
  CHECK_FALSE(std::is_copy_constructible_v<MeetingRepository>);
  CHECK_FALSE(std::is_copy_constructible_v<Clock>);
  CHECK(std::has_virtual_destructor_v<CalendarGateway>);
}

TEST_SUITE_END();
