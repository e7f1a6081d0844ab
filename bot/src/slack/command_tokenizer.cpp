#include <officer/bot/slack/command_tokenizer.hpp>

namespace officer::bot::slack {
namespace {

// Byte length of a separator starting at `at`, or 0. Slack clients paste no-break spaces.
std::size_t SpaceLength(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
    return 1;
  }
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("\xC2\xA0")) {  // U+00A0 NO-BREAK SPACE
    return 2;
  }
  if (rest.starts_with("\xE2\x80\xAF")) {  // U+202F NARROW NO-BREAK SPACE
    return 3;
  }
  return 0;
}

// Byte length of a double quote starting at `at`, or 0. Clients "smarten" typed quotes.
std::size_t QuoteLength(std::string_view text, std::size_t at) {
  if (text[at] == '"') {
    return 1;
  }
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("\xE2\x80\x9C") ||  // U+201C “
      rest.starts_with("\xE2\x80\x9D") ||  // U+201D ”
      rest.starts_with("\xE2\x80\x9E")) {  // U+201E „
    return 3;
  }
  return 0;
}

std::string Shorten(std::string_view text) {
  constexpr std::size_t kMax = 30;
  if (text.size() <= kMax) {
    return std::string{text};
  }
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;  // don't split a UTF-8 sequence
  }
  return std::string{text.substr(0, cut)} + "…";
}

}  // namespace

std::string DecodeSlackEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("&amp;")) {
      out.push_back('&');
      i += 5;
    } else if (rest.starts_with("&lt;")) {
      out.push_back('<');
      i += 4;
    } else if (rest.starts_with("&gt;")) {
      out.push_back('>');
      i += 4;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

Expected<std::vector<Token>, TokenizeError> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t space = SpaceLength(text, i)) {
      i += space;
      continue;
    }
    const std::size_t begin = i;
    if (const std::size_t quote = QuoteLength(text, i)) {
      std::size_t j = i + quote;
      std::size_t close = 0;
      while (j < text.size() && (close = QuoteLength(text, j)) == 0) {
        ++j;
      }
      if (j >= text.size()) {
        return Unexpected{
            TokenizeError{"The quote before “" + Shorten(text.substr(i + quote)) +
                          "” is never closed. Put a \" at the end of the text you are quoting."}};
      }
      tokens.push_back(Token{TokenKind::kQuoted,
                             DecodeSlackEntities(text.substr(i + quote, j - i - quote)), begin,
                             j + close});
      i = j + close;
      continue;
    }
    if (text[i] == '<') {
      const std::size_t close = text.find('>', i);
      if (close == std::string_view::npos) {
        return Unexpected{TokenizeError{
            "“" + Shorten(text.substr(i)) +
            "” is not a complete mention. Pick people, groups and channels from Slack's "
            "suggestions as you type @ or #."}};
      }
      tokens.push_back(
          Token{TokenKind::kControl, std::string{text.substr(i, close + 1 - i)}, begin, close + 1});
      i = close + 1;
      continue;
    }
    // A word runs until a separator, a quote or a control sequence.
    while (i < text.size() && SpaceLength(text, i) == 0 && QuoteLength(text, i) == 0 &&
           text[i] != '<') {
      ++i;
    }
    tokens.push_back(
        Token{TokenKind::kWord, DecodeSlackEntities(text.substr(begin, i - begin)), begin, i});
  }
  return tokens;
}

}  // namespace officer::bot::slack
