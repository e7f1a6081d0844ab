#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <officer/domain/ids.hpp>

namespace officer::bot::render {

/// `text` with &, < and > replaced by &amp; &lt; &gt;, as Slack requires for any text that is not
/// meant as markup. Everything a person typed goes through this before it is put into mrkdwn.
std::string EscapeMrkdwn(std::string_view text);

/// At most `max_chars` Unicode code points of `text`; a shortened text ends in "…" (counted).
/// Never splits a UTF-8 sequence.
std::string Truncate(std::string_view text, std::size_t max_chars);

/// "<@U123>": renders as the person's name and, in a notification, pings them.
std::string Mention(const domain::UserId& user);

/// "<#C123>": renders as a link to the channel.
std::string ChannelLink(const domain::ChannelId& channel);

/// "<https://…|label>" with `label` escaped and the URL made safe to embed (|, <, >, spaces and
/// control characters percent-encoded, & escaped).
std::string Link(std::string_view url, std::string_view label);

}  // namespace officer::bot::render
