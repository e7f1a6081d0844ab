#pragma once

// Small builders for Block Kit JSON, shared by the renderers. Private to officer_bot.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace officer::bot::render::detail {

/// Slack's limits (docs.slack.dev/reference/block-kit), counted conservatively in bytes.
inline constexpr std::size_t kMaxSectionText = 3000;
inline constexpr std::size_t kMaxHeaderChars = 150;
inline constexpr std::size_t kMaxBlocksPerMessage = 50;

nlohmann::json PlainText(std::string_view text);
nlohmann::json MrkdwnText(std::string_view text);
nlohmann::json Header(std::string_view text);  ///< truncated to kMaxHeaderChars
nlohmann::json Section(std::string_view mrkdwn);
nlohmann::json Context(std::string_view mrkdwn);

/// Splits `lines` into section texts, `heading` first, each at most `max_bytes` long, using at most
/// `max_sections`. When not every line fits, the last text ends with `more(n)` for the n lines
/// left out (e.g. "…and 12 more"). A line that is too long on its own is shortened.
std::vector<std::string> PackLines(std::string_view heading, const std::vector<std::string>& lines,
                                   std::size_t max_sections,
                                   const std::function<std::string(std::size_t)>& more,
                                   std::size_t max_bytes = kMaxSectionText);

/// The standard "…and N more" line.
std::string AndMore(std::size_t count);

/// Appends one section block per text.
void AppendSections(nlohmann::json& blocks, const std::vector<std::string>& texts);

}  // namespace officer::bot::render::detail
