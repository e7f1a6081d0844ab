#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace officer::integrations::google {

/// An RFC 3339 date-time ("2026-12-01T08:30:00Z", "2026-12-01T09:30:00.250+01:00", 't' and 'z'
/// in either case) as a UTC instant, fractions of a second dropped; nullopt for anything else,
/// including a missing offset.
std::optional<date::sys_seconds> ParseRfc3339(std::string_view text);

/// "2026-12-01T08:30:00Z".
std::string FormatRfc3339(date::sys_seconds instant);

}  // namespace officer::integrations::google
