#include <officer/bot/render/mrkdwn.hpp>

namespace officer::bot::render {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

constexpr std::string_view kEllipsis = "\u2026";

}  // namespace

std::string EscapeMrkdwn(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Truncate(std::string_view text, std::size_t max_chars) {
  // Find where the first `max_chars` code points end, and where the first `max_chars - 1` end
  // (room for the ellipsis), in one pass.
  std::size_t count = 0;
  std::size_t keep_end = 0;  // byte offset after max_chars - 1 code points
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    if (count + 1 == max_chars) keep_end = i;
    if (count == max_chars) {
      if (max_chars == 0) return {};
      return std::string{text.substr(0, keep_end)} + std::string{kEllipsis};
    }
    ++count;
  }
  return std::string{text};
}

std::string Mention(const domain::UserId& user) { return "<@" + user.value() + ">"; }

std::string ChannelLink(const domain::ChannelId& channel) { return "<#" + channel.value() + ">"; }

std::string Link(std::string_view url, std::string_view label) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string safe_url;
  safe_url.reserve(url.size());
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '|' || c == '<' || c == '>' || c == ' ' || byte < 0x20U || byte == 0x7FU) {
      safe_url += '%';
      safe_url += kHex[byte >> 4U];
      safe_url += kHex[byte & 0x0FU];
    } else if (c == '&') {
      safe_url += "&amp;";
    } else {
      safe_url += c;
    }
  }
  return "<" + safe_url + "|" + EscapeMrkdwn(label) + ">";
}

}  // namespace officer::bot::render
