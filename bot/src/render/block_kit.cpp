#include "render/block_kit.hpp"

#include <algorithm>

#include <officer/bot/render/mrkdwn.hpp>

namespace officer::bot::render::detail {
namespace {

// Room kept free in the last section for the "…and N more" line.
constexpr std::size_t kMoreReserve = 48;

// At most `max_bytes` of `text`, cut at a code point boundary and never inside an "&amp;"-style
// entity, ending in "…" when cut.
std::string FitBytes(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  static constexpr std::string_view kEllipsis = "\u2026";
  std::size_t end = max_bytes - kEllipsis.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  const std::size_t amp = text.rfind('&', end);
  if (amp != std::string::npos && end - amp < 6 && text.find(';', amp) >= end) end = amp;
  return text.substr(0, end) + std::string{kEllipsis};
}

}  // namespace

nlohmann::json PlainText(std::string_view text) {
  return {{"type", "plain_text"}, {"text", std::string{text}}, {"emoji", true}};
}

nlohmann::json MrkdwnText(std::string_view text) {
  return {{"type", "mrkdwn"}, {"text", std::string{text}}};
}

nlohmann::json Header(std::string_view text) {
  // Slack refuses an empty header.
  return {{"type", "header"},
          {"text", PlainText(text.empty() ? "Standup" : Truncate(text, kMaxHeaderChars))}};
}

nlohmann::json Section(std::string_view mrkdwn) {
  return {{"type", "section"}, {"text", MrkdwnText(mrkdwn)}};
}

nlohmann::json Context(std::string_view mrkdwn) {
  return {{"type", "context"}, {"elements", nlohmann::json::array({MrkdwnText(mrkdwn)})}};
}

std::string AndMore(std::size_t count) { return "\u2026and " + std::to_string(count) + " more"; }

std::vector<std::string> PackLines(std::string_view heading, const std::vector<std::string>& lines,
                                   std::size_t max_sections,
                                   const std::function<std::string(std::size_t)>& more,
                                   std::size_t max_bytes) {
  std::vector<std::string> out;
  std::string current = FitBytes(std::string{heading}, max_bytes - kMoreReserve);
  const auto append = [&current](const std::string& line) {
    if (!current.empty()) current += '\n';
    current += line;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = FitBytes(lines[i], max_bytes - kMoreReserve - 1);
    const bool last_section = out.size() + 1 >= max_sections;
    const bool last_line = i + 1 == lines.size();
    const std::size_t limit = last_section && !last_line ? max_bytes - kMoreReserve : max_bytes;
    const std::size_t needed = current.size() + (current.empty() ? 0 : 1) + line.size();
    if (needed <= limit) {
      append(line);
      continue;
    }
    if (!last_section && !current.empty()) {
      out.push_back(std::move(current));
      current = line;
      continue;
    }
    append(more(lines.size() - i));
    break;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

void AppendSections(nlohmann::json& blocks, const std::vector<std::string>& texts) {
  for (const auto& text : texts) blocks.push_back(Section(text));
}

}  // namespace officer::bot::render::detail
