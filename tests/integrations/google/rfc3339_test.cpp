#include <officer/integrations/google/rfc3339.hpp>

#include <doctest/doctest.h>

namespace google = officer::integrations::google;

namespace {

date::sys_seconds At(int hour, int minute, int second = 0) {
  return date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{hour} +
         std::chrono::minutes{minute} + std::chrono::seconds{second};
}

}  // namespace

TEST_SUITE("google") {
  TEST_CASE("RFC 3339 times with Z, offsets and fractions read as UTC instants") {
    CHECK(google::ParseRfc3339("2026-12-01T08:30:00Z") == At(8, 30));
    CHECK(google::ParseRfc3339("2026-12-01t08:30:00z") == At(8, 30));
    CHECK(google::ParseRfc3339("2026-12-01T09:30:00+01:00") == At(8, 30));
    CHECK(google::ParseRfc3339("2026-12-01T03:00:00-05:30") == At(8, 30));
    CHECK(google::ParseRfc3339("2026-12-01T08:30:15.250Z") == At(8, 30, 15));
    CHECK(google::ParseRfc3339("2026-12-02T00:30:00+16:00") == At(8, 30));
  }

  TEST_CASE("RFC 3339 text without an offset or with impossible fields is refused") {
    CHECK_FALSE(google::ParseRfc3339("2026-12-01T08:30:00").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-12-01 08:30:00Z").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-02-30T08:30:00Z").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-12-01T24:00:00Z").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-12-01T08:30:00+0100").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-12-01T08:30:00.Z").has_value());
    CHECK_FALSE(google::ParseRfc3339("2026-12-01T08:30:00Zjunk").has_value());
    CHECK_FALSE(google::ParseRfc3339("").has_value());
  }

  TEST_CASE("instants are written in UTC with Z") {
    CHECK(google::FormatRfc3339(At(8, 30)) == "2026-12-01T08:30:00Z");
  }
}
