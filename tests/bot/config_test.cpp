#include <officer/bot/config.hpp>

#include <map>
#include <string>
#include <variant>

#include <doctest/doctest.h>

namespace {

using officer::bot::Config;
using officer::bot::ConfigError;

std::variant<Config, ConfigError> Load(std::map<std::string, std::string> env) {
  return officer::bot::LoadConfig([&env](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(std::string(name));
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

ConfigError ErrorOf(std::map<std::string, std::string> env) {
  auto loaded = Load(std::move(env));
  REQUIRE(std::holds_alternative<ConfigError>(loaded));
  return std::get<ConfigError>(loaded);
}

const std::string kKey(64, 'a');

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("an empty environment is local mode with the contract's defaults") {
    auto loaded = Load({});
    REQUIRE(std::holds_alternative<Config>(loaded));
    const auto& config = std::get<Config>(loaded);
    CHECK(config.local_mode);
    CHECK(config.port == 5000);
    CHECK(config.public_url == "http://localhost:5000");
    CHECK(config.default_reminder_minutes == 10);
    CHECK(config.log_format == officer::bot::LogFormat::kText);
    CHECK(config.slack.api_base_url == "https://slack.com/api");
    CHECK(config.google.api_base_url == "https://www.googleapis.com");
    CHECK(config.google.oauth_base_url == "https://oauth2.googleapis.com");
    CHECK(config.microsoft.tenant == "common");
    CHECK(config.microsoft.app.api_base_url == "https://graph.microsoft.com/v1.0");
    CHECK(config.zoom.api_base_url == "https://api.zoom.us/v2");
    CHECK(config.zoom.oauth_base_url == "https://zoom.us/oauth");
    CHECK_FALSE(config.secret_key.has_value());
  }

  TEST_CASE("a signing secret leaves local mode and needs the credential key") {
    CHECK(ErrorOf({{"SLACK_SIGNING_SECRET", "s"}}).variable == "OFFICER_SECRET_KEY");
    auto loaded = Load({{"SLACK_SIGNING_SECRET", "s"}, {"OFFICER_SECRET_KEY", kKey}});
    REQUIRE(std::holds_alternative<Config>(loaded));
    CHECK_FALSE(std::get<Config>(loaded).local_mode);
    CHECK(std::get<Config>(loaded).secret_key->at(0) == 0xaa);
  }

  TEST_CASE("each bad value names its variable") {
    struct Case {
      std::string variable;
      std::string value;
      std::string says;
    };
    const Case cases[] = {
        {"PORT", "http", "whole number"},
        {"PORT", "70000", "65535"},
        {"PORT", "0", "from 1"},
        {"OFFICER_SECRET_KEY", "abc123", "64 hex characters"},
        {"OFFICER_SECRET_KEY", std::string(64, 'g'), "64 hex characters"},
        {"OFFICER_DEFAULT_REMINDER_MINUTES", "-5", "minutes"},
        {"OFFICER_DEFAULT_REMINDER_MINUTES", "ten", "minutes"},
        {"OFFICER_LOG_FORMAT", "xml", "text or json"},
        {"OFFICER_DEFAULT_TIME_ZONE", "Mars/Olympus", "time zone"},
        {"OFFICER_PUBLIC_URL", "localhost:5000", "http"},
        {"SLACK_API_BASE_URL", "ftp://slack.com/api", "http"},
        {"GOOGLE_API_BASE_URL", "http://", "http"},
        {"GOOGLE_OAUTH_BASE_URL", "not a url", "http"},
        {"MS_GRAPH_BASE_URL", "http://127.0.0.1:99999", "http"},
        {"MS_LOGIN_BASE_URL", "https://login microsoft", "http"},
        {"ZOOM_API_BASE_URL", "zoom", "http"},
        {"ZOOM_OAUTH_BASE_URL", "", ""},
        {"TEAMS_OPENID_METADATA_URL", "file:///etc/passwd", "http"},
        {"TEAMS_LOGIN_BASE_URL", "//login", "http"},
        {"OFFICER_CA_FILE", "/no/such/bundle.pem", "file"},
        {"DATABASE_URL", "mysql:officer", "postgresql"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.variable);
      CAPTURE(c.value);
      if (c.says.empty()) {
        // An empty value counts as unset and takes the default.
        CHECK(std::holds_alternative<Config>(Load({{c.variable, c.value}})));
        continue;
      }
      auto error = ErrorOf({{c.variable, c.value}});
      CHECK(error.variable == c.variable);
      CHECK(error.message.find(c.says) != std::string::npos);
    }
  }

  TEST_CASE("half of an OAuth app names the missing half") {
    CHECK(ErrorOf({{"GOOGLE_CLIENT_ID", "id"}}).variable == "GOOGLE_CLIENT_SECRET");
    CHECK(ErrorOf({{"MS_CLIENT_SECRET", "s"}}).variable == "MS_CLIENT_ID");
    CHECK(ErrorOf({{"ZOOM_CLIENT_ID", "id"}}).variable == "ZOOM_CLIENT_SECRET");
    CHECK(ErrorOf({{"SLACK_CLIENT_ID", "id"}}).variable == "SLACK_CLIENT_SECRET");
    CHECK(ErrorOf({{"TEAMS_APP_ID", "id"}}).variable == "TEAMS_APP_PASSWORD");
  }

  TEST_CASE("base URLs accept loopback addresses and lose a trailing slash") {
    auto loaded = Load({{"SLACK_API_BASE_URL", "http://127.0.0.1:8099/api/"},
                        {"OFFICER_PUBLIC_URL", "https://officer.example.com/"}});
    REQUIRE(std::holds_alternative<Config>(loaded));
    CHECK(std::get<Config>(loaded).slack.api_base_url == "http://127.0.0.1:8099/api");
    CHECK(std::get<Config>(loaded).public_url == "https://officer.example.com");
  }

  TEST_CASE("help lists every variable of the contract") {
    const std::string help = officer::bot::ConfigHelp();
    for (const char* name : {"DATABASE_URL",
                             "PORT",
                             "OFFICER_PUBLIC_URL",
                             "OFFICER_SECRET_KEY",
                             "OFFICER_DEFAULT_REMINDER_MINUTES",
                             "OFFICER_LOG_FORMAT",
                             "SLACK_SIGNING_SECRET",
                             "SLACK_BOT_TOKEN",
                             "SLACK_CLIENT_ID",
                             "SLACK_CLIENT_SECRET",
                             "SLACK_API_BASE_URL",
                             "GOOGLE_CLIENT_ID",
                             "GOOGLE_API_BASE_URL",
                             "GOOGLE_OAUTH_BASE_URL",
                             "MS_CLIENT_ID",
                             "MS_TENANT",
                             "MS_GRAPH_BASE_URL",
                             "MS_LOGIN_BASE_URL",
                             "ZOOM_CLIENT_ID",
                             "ZOOM_API_BASE_URL",
                             "ZOOM_OAUTH_BASE_URL",
                             "TEAMS_APP_ID",
                             "TEAMS_APP_PASSWORD",
                             "TEAMS_OPENID_METADATA_URL",
                             "TEAMS_LOGIN_BASE_URL",
                             "OFFICER_CA_FILE"}) {
      CAPTURE(name);
      CHECK(help.find(name) != std::string::npos);
    }
  }
}
