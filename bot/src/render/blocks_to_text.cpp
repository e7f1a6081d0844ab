#include <officer/bot/render/blocks_to_text.hpp>

#include <cstddef>
#include <vector>

namespace officer::bot::render {
namespace {

using nlohmann::json;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the <…> token starting at `i` ends (the index after '>'), or npos when unterminated.
std::size_t TokenEnd(std::string_view text, std::size_t i) {
  const std::size_t close = text.find('>', i);
  return close == std::string_view::npos ? close : close + 1;
}

bool OpensBold(std::string_view text, std::size_t i) {
  return (i == 0 || !IsAlnum(text[i - 1])) && i + 1 < text.size() && !IsSpace(text[i + 1]) &&
         text[i + 1] != '*';
}

bool ClosesBold(std::string_view text, std::size_t open, std::size_t j) {
  return j > open + 1 && !IsSpace(text[j - 1]) && (j + 1 == text.size() || !IsAlnum(text[j + 1]));
}

// Slack's *bold* is a pair of asterisks on one line, hugging the text inside and not inside a
// word; <…> tokens are opaque. Other asterisks are text.
std::string StripBold(std::string_view text) {
  std::vector<bool> drop(text.size(), false);
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const std::size_t end = TokenEnd(text, i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (text[i] == '*' && OpensBold(text, i)) {
      std::size_t j = i + 1;
      bool closed = false;
      while (j < text.size() && text[j] != '\n') {
        if (text[j] == '<') {
          const std::size_t end = TokenEnd(text, j);
          if (end == std::string_view::npos) break;
          j = end;
          continue;
        }
        if (text[j] == '*' && ClosesBold(text, i, j)) {
          closed = true;
          break;
        }
        ++j;
      }
      if (closed) {
        drop[i] = drop[j] = true;
        i = j + 1;
        continue;
      }
    }
    ++i;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (!drop[k]) out += text[k];
  }
  return out;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("&amp;")) {
      out += '&';
      i += 4;
    } else if (rest.starts_with("&lt;")) {
      out += '<';
      i += 3;
    } else if (rest.starts_with("&gt;")) {
      out += '>';
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The inside of a <…> token.
std::string Token(std::string_view inside) {
  const std::size_t bar = inside.find('|');
  const std::string_view target = inside.substr(0, bar);
  const std::string_view label =
      bar == std::string_view::npos ? std::string_view{} : inside.substr(bar + 1);
  if (target.starts_with("@")) {
    return label.empty() ? Unescape(target) : "@" + Unescape(label);
  }
  if (target.starts_with("#")) {
    return label.empty() ? Unescape(target) : "#" + Unescape(label);
  }
  if (target.starts_with("!")) {
    if (!label.empty()) return Unescape(label);
    std::string_view name = target.substr(1);
    if (name.starts_with("subteam^")) name.remove_prefix(8);
    return "@" + Unescape(name);
  }
  if (label.empty()) return Unescape(target);
  return Unescape(label) + " (" + Unescape(target) + ")";
}

std::string TextObject(const json& object) {
  if (!object.is_object() || !object.contains("text") || !object["text"].is_string()) return {};
  const auto& text = object["text"].get_ref<const std::string&>();
  if (object.value("type", "") == "mrkdwn") return MrkdwnToText(text);
  return text;
}

std::string ElementText(const json& element) {
  if (!element.is_object()) return {};
  const std::string type = element.value("type", "");
  if (type == "mrkdwn" || type == "plain_text") return TextObject(element);
  if (type == "image") return "[image: " + element.value("alt_text", "") + "]";
  if (element.contains("text")) return "[" + TextObject(element["text"]) + "]";
  if (element.contains("placeholder")) return "[" + TextObject(element["placeholder"]) + "]";
  return "[" + type + "]";
}

void AddLine(std::string& out, const std::string& line) {
  if (line.empty()) return;
  if (!out.empty()) out += '\n';
  out += line;
}

std::string Join(const json& elements, const char* separator) {
  std::string line;
  if (!elements.is_array()) return line;
  for (const auto& element : elements) {
    const std::string text = ElementText(element);
    if (text.empty()) continue;
    if (!line.empty()) line += separator;
    line += text;
  }
  return line;
}

}  // namespace

std::string MrkdwnToText(std::string_view mrkdwn) {
  const std::string stripped = StripBold(mrkdwn);
  const std::string_view text = stripped;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const std::size_t end = TokenEnd(text, i);
      if (end == std::string_view::npos) {
        out += Unescape(text.substr(i));
        break;
      }
      out += Token(text.substr(i + 1, end - i - 2));
      i = end;
      continue;
    }
    const std::size_t next = text.find('<', i);
    out += Unescape(text.substr(i, next == std::string_view::npos ? next : next - i));
    i = next == std::string_view::npos ? text.size() : next;
  }
  return out;
}

std::string BlocksToText(const json& blocks) {
  std::string out;
  if (!blocks.is_array()) return out;
  for (const auto& block : blocks) {
    if (!block.is_object()) continue;
    const std::string type = block.value("type", "");
    if (type == "header") {
      AddLine(out, block.contains("text") ? TextObject(block["text"]) : std::string{});
    } else if (type == "section") {
      if (block.contains("text")) AddLine(out, TextObject(block["text"]));
      if (block.contains("fields") && block["fields"].is_array()) {
        for (const auto& field : block["fields"]) AddLine(out, TextObject(field));
      }
      if (block.contains("accessory")) AddLine(out, ElementText(block["accessory"]));
    } else if (type == "context") {
      if (block.contains("elements")) AddLine(out, Join(block["elements"], "  "));
    } else if (type == "actions") {
      if (block.contains("elements")) AddLine(out, Join(block["elements"], " "));
    } else if (type == "divider") {
      AddLine(out, "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500");
    } else if (type == "image") {
      AddLine(out, ElementText(block));
    } else if (type == "input" && block.contains("label")) {
      AddLine(out, TextObject(block["label"]) + ": " +
                       (block.contains("element") ? ElementText(block["element"]) : ""));
    }
  }
  return out;
}

}  // namespace officer::bot::render
