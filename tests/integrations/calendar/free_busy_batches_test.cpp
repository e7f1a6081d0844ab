#include <officer/integrations/calendar/free_busy_batches.hpp>

#include <doctest/doctest.h>

namespace {

namespace d = officer::domain;
using officer::integrations::calendar::FreeBusyInBatches;

// A provider that answers everyone in a batch as free, except the names in `leaves_out`.
auto Provider(std::vector<std::vector<std::string>>& calls, std::string leaves_out = "") {
  return [&calls, leaves_out](const std::vector<std::string>& batch) {
    calls.push_back(batch);
    std::vector<d::AttendeeAvailability> answer;
    for (const auto& attendee : batch) {
      if (attendee == leaves_out) continue;
      answer.push_back({attendee, std::vector<d::Interval>{}, nullptr});
    }
    return answer;
  };
}

}  // namespace

TEST_SUITE("calendar free/busy batches") {
  TEST_CASE("distinct attendees are asked once, in batches no larger than the provider allows") {
    std::vector<std::vector<std::string>> calls;
    FreeBusyInBatches({"a", "b", "a", "c", "d", "e"}, 2, Provider(calls));
    CHECK(calls == std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}, {"e"}});
  }

  TEST_CASE("answers come back in input order, a repeated attendee answered twice") {
    std::vector<std::vector<std::string>> calls;
    const auto answers = FreeBusyInBatches({"c", "a", "c"}, 50, Provider(calls));
    REQUIRE(answers.size() == 3);
    CHECK(answers[0].attendee == "c");
    CHECK(answers[1].attendee == "a");
    CHECK(answers[2].attendee == "c");
  }

  TEST_CASE("an attendee the provider's answer leaves out reads as not visible, never free") {
    std::vector<std::vector<std::string>> calls;
    const auto answers = FreeBusyInBatches({"a", "ghost"}, 50, Provider(calls, "ghost"));
    REQUIRE(answers.size() == 2);
    CHECK(std::holds_alternative<std::vector<d::Interval>>(answers[0].availability));
    CHECK(std::holds_alternative<d::NotVisible>(answers[1].availability));
  }

  TEST_CASE("nobody to ask means no call at all") {
    std::vector<std::vector<std::string>> calls;
    CHECK(FreeBusyInBatches({}, 50, Provider(calls)).empty());
    CHECK(calls.empty());
  }
}
