#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include <officer/testing/http_call.hpp>

namespace officer::testing {

/// A slash command's form body, as Slack sends it.
std::string CommandBody(const std::string& team, const std::string& channel,
                        const std::string& user, const std::string& text,
                        const std::string& response_url, const std::string& trigger_id);

/// A block_actions click on one of the meeting message's buttons.
std::string ClickBody(const std::string& team, const std::string& channel, const std::string& user,
                      const std::string& action_id, const std::string& meeting_id,
                      const std::string& response_url);

/// POSTs `body` signed with `secret` the way Slack signs it; `age` shifts the timestamp back.
HttpReply PostSigned(const std::string& url, const std::string& secret, const std::string& body,
                     const std::string& content_type = "application/x-www-form-urlencoded",
                     std::chrono::seconds age = std::chrono::seconds(0),
                     const std::map<std::string, std::string>& extra_headers = {});

}  // namespace officer::testing
