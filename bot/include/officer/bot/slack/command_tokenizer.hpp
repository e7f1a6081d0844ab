#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <officer/bot/slack/expected.hpp>

namespace officer::bot::slack {

enum class TokenKind {
  kWord,     ///< a run of non-space characters
  kQuoted,   ///< text between double quotes, straight (") or curly (“ ”), quotes removed
  kControl,  ///< a Slack control sequence such as <@U123|alice>, kept whole with its brackets
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string text;       ///< words and quoted text have &amp; &lt; &gt; decoded
  std::size_t begin = 0;  ///< byte offset of the token (including any quote) in the input
  std::size_t end = 0;    ///< one past its last byte

  friend bool operator==(const Token&, const Token&) = default;
};

struct TokenizeError {
  std::string message;  ///< a sentence a person can act on
};

/// Splits slash-command text into tokens. Spaces, tabs, newlines and no-break spaces separate
/// words. A double quote (" “ ” „) starts quoted text that runs to the next double quote and may
/// contain spaces; an unterminated quote is an error. '<' starts a control sequence that runs to
/// '>' (Slack escapes a typed '<' as &lt;, so a raw one is always a mention or link); an
/// unterminated one is an error. Slack's HTML entities are decoded in words and quoted text.
Expected<std::vector<Token>, TokenizeError> Tokenize(std::string_view text);

/// Decodes the three entities Slack uses in message text: &amp; &lt; &gt;.
std::string DecodeSlackEntities(std::string_view text);

}  // namespace officer::bot::slack
