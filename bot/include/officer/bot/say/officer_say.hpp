#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <officer/domain/ports/clock.hpp>

namespace officer::bot::say {

/// `officer say`: drives a local-mode officer from a terminal. Signs the request exactly as Slack
/// does, sends it through the real webhook, then prints the reply and every message the bot
/// posted because of it, as readable text. Returns the process exit status.
///   officer say --user U1 --channel C1 "/standup book 9:30 <@U2> <@U3>"
///   officer say --user U2 --click accept:<meeting-id>
int RunSay(const std::vector<std::string>& args, const std::string& base_url,
           const std::string& signing_secret, const domain::Clock& clock, std::ostream& out,
           std::ostream& err);

}  // namespace officer::bot::say
