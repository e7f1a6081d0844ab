#pragma once

// Pieces of the /standup grammar shared by command_text.cpp and book_command.cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <officer/bot/slack/command_text.hpp>
#include <officer/bot/slack/command_tokenizer.hpp>
#include <officer/bot/slack/expected.hpp>

namespace officer::bot::slack::detail {

using Tokens = std::vector<Token>;

/// ASCII lowercase; other bytes unchanged.
std::string Lower(std::string_view text);
/// Wraps user text in curly quotes for messages: “text”.
std::string Quoted(std::string_view text);
std::string_view Trim(std::string_view text);
bool IsDigits(std::string_view text);
/// Whole digit strings of at most six digits; nullopt otherwise.
std::optional<int> ParseNumber(std::string_view digits);
/// Unicode code points in UTF-8 text.
std::size_t CountCharacters(std::string_view utf8);

/// Minutes per unit word ("m", "min", "minutes", "h", "hours", ...), or 0 for an unknown unit.
int UnitMinutes(std::string_view lower);

struct Amount {
  long minutes = 0;
  std::size_t tokens = 1;  ///< how many tokens the amount used (2 for "15 min")
};

/// "15m", "15min", "1h", or "15" optionally followed by a separate unit word ("15 min").
/// nullopt when tokens[at] isn't an amount of time.
std::optional<Amount> ParseAmount(const Tokens& tokens, std::size_t at);

/// Parses the arguments of `book` (tokens[0] is "book"); the error is the message.
Expected<BookCommand, std::string> ParseBook(const Tokens& tokens);

}  // namespace officer::bot::slack::detail
