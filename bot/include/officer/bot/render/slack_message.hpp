#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace officer::bot::render {

/// A message as chat.postMessage / chat.update / response_url take it.
struct SlackMessage {
  std::string text;  ///< notification fallback: plain sentences, user text mrkdwn-escaped
  nlohmann::json blocks = nlohmann::json::array();  ///< Block Kit blocks, always a JSON array

  friend bool operator==(const SlackMessage&, const SlackMessage&) = default;
};

}  // namespace officer::bot::render
