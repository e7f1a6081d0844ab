#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <officer/bot/observability/logging.hpp>

namespace officer::bot {

struct SlackConfig {
  /// Empty in local mode until the generated secret is filled in.
  std::string signing_secret;
  std::optional<std::string> bot_token;
  std::optional<std::string> client_id;
  std::optional<std::string> client_secret;
  std::string api_base_url;
};

/// An OAuth application at a provider; `client_id` absent means the provider is not set up.
struct OAuthAppConfig {
  std::optional<std::string> client_id;
  std::optional<std::string> client_secret;
  std::string api_base_url;
  std::string oauth_base_url;
};

struct MicrosoftConfig {
  OAuthAppConfig app;
  std::string tenant;
};

struct TeamsConfig {
  std::optional<std::string> app_id;
  std::optional<std::string> app_password;
  std::string openid_metadata_url;
  std::string login_base_url;
};

/// Everything officer reads from its environment, read once and validated at start-up.
struct Config {
  std::optional<std::string> database_url;
  int port = 5000;
  std::string public_url;
  /// 32 bytes for AES-256-GCM; absent in local mode until the generated key is filled in.
  std::optional<std::array<unsigned char, 32>> secret_key;
  int default_reminder_minutes = 10;
  /// How long a claimed job stays claimed; a job of a process that died runs again after it.
  int job_lease_seconds = 60;
  /// How often the reminder scheduler plans ahead.
  int scheduler_tick_ms = 1000;
  std::string default_time_zone;
  LogFormat log_format = LogFormat::kText;
  bool local_mode = false;
  std::string state_dir;
  std::optional<std::string> ca_file;
  SlackConfig slack;
  OAuthAppConfig google;
  MicrosoftConfig microsoft;
  OAuthAppConfig zoom;
  TeamsConfig teams;
};

/// A bad value: which variable and a sentence saying what is wrong with it.
struct ConfigError {
  std::string variable;
  std::string message;
};

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

/// Reads and validates the environment. Empty values count as unset.
std::variant<Config, ConfigError> LoadConfig(const EnvLookup& env);

/// Parses 64 hex characters into a key; nullopt when the text is not exactly that.
std::optional<std::array<unsigned char, 32>> ParseHexKey(std::string_view text);

/// The variables `officer help` lists, with their defaults and meaning.
std::string ConfigHelp();

}  // namespace officer::bot
