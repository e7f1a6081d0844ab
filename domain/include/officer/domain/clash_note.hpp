#pragma once

#include <string>

#include <date/tz.h>

#include <officer/domain/interval.hpp>

namespace officer::domain {

/// A short English note naming a busy interval in `zone`'s local time, for the meeting message and
/// the clash DM:
///   same local day:      "busy 09:00–10:00 on Tue 1 Dec"
///   whole local days:    "busy all day on Tue 1 Dec", "busy all day Tue 1 Dec – Thu 3 Dec"
///   otherwise:           "busy Mon 30 Nov 23:00 – Tue 1 Dec 01:00"
std::string ClashNote(const Interval& busy, const date::time_zone& zone);

}  // namespace officer::domain
