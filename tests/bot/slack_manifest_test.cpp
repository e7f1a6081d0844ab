// The Slack app manifest is a tested artifact: what it tells Slack must match what officer serves.
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace {

std::string Manifest() {
  std::ifstream in(std::string(OFFICER_SOURCE_DIR) + "/manifest/slack.yaml");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The list items under `scopes: bot:`.
std::set<std::string> BotScopes(const std::string& manifest) {
  std::set<std::string> scopes;
  std::istringstream lines(manifest.substr(manifest.find("    bot:")));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    if (line.rfind("      - ", 0) == 0) {
      scopes.insert(line.substr(8));
    } else if (line.rfind("      #", 0) != 0) {
      break;
    }
  }
  return scopes;
}

}  // namespace

TEST_SUITE("slack manifest") {
  TEST_CASE("the manifest sends the command, clicks and events to the routes officer serves") {
    const auto manifest = Manifest();
    CHECK(manifest.find("command: /standup") != std::string::npos);
    CHECK(manifest.find("url: https://officer.example.com/slack/commands") != std::string::npos);
    CHECK(manifest.find("request_url: https://officer.example.com/slack/interactions") !=
          std::string::npos);
    CHECK(manifest.find("request_url: https://officer.example.com/slack/events") !=
          std::string::npos);
    CHECK(manifest.find("https://officer.example.com/slack/oauth/callback") != std::string::npos);
  }

  TEST_CASE("mentions arrive as ids because escaping is on") {
    CHECK(Manifest().find("should_escape: true") != std::string::npos);
  }

  TEST_CASE("the bot asks for exactly the scopes its features use") {
    const std::set<std::string> expected = {"commands",        "chat:write",    "users:read",
                                            "users:read.email", "usergroups:read", "channels:read",
                                            "groups:read",      "im:write"};
    CHECK(BotScopes(Manifest()) == expected);
  }
}
