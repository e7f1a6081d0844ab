#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace officer::bot::render {

/// Block Kit blocks as readable terminal text, one line per header, section line, field or
/// context, for local mode's `officer say`. Buttons read "[Accept] [Decline] [Cancel]". mrkdwn is
/// made plain (see MrkdwnToText); plain_text is shown as it is. Anything that is not an array of
/// blocks, and block types it does not know, give no text.
std::string BlocksToText(const nlohmann::json& blocks);

/// mrkdwn as plain text: *bold* markers dropped; <@U2> → "@U2", <@U2|bob> → "@bob", <#C1> → "#C1",
/// <!here> → "@here", <!subteam^S1> → "@S1", <url|label> → "label (url)", <url> → "url";
/// &amp; &lt; &gt; decoded. Italics, strike-through and code marks are kept.
std::string MrkdwnToText(std::string_view mrkdwn);

}  // namespace officer::bot::render
