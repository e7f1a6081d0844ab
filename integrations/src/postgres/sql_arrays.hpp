#pragma once

#include <string>
#include <vector>

namespace officer::integrations::postgres {

/// A text[] literal, to pass a list as one bound parameter (`= ANY($1::text[])`).
std::string TextArray(const std::vector<std::string>& values);

}  // namespace officer::integrations::postgres
