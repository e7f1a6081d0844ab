#include <officer/bot/config.hpp>

#include <charconv>
#include <filesystem>

#include <date/tz.h>

namespace officer::bot {

namespace {

struct Variable {
  const char* name;
  const char* fallback;
  const char* meaning;
};

// The one list of variables: LoadConfig reads these and `officer help` prints them.
constexpr Variable kVariables[] = {
    {"DATABASE_URL", "set by deploy/dev", "libpq URI or conninfo of PostgreSQL"},
    {"PORT", "5000", "HTTP port"},
    {"OFFICER_PUBLIC_URL", "http://localhost:5000", "base of OAuth redirect URLs and links"},
    {"OFFICER_SECRET_KEY", "local mode: generated", "64 hex chars; AES-256-GCM key for tokens"},
    {"OFFICER_DEFAULT_REMINDER_MINUTES", "10", "reminder lead when nobody set one"},
    {"OFFICER_DEFAULT_TIME_ZONE", "UTC", "IANA zone for people whose zone is unknown"},
    {"OFFICER_JOB_LEASE_SECONDS", "60", "a job of a crashed officer runs again after this"},
    {"OFFICER_SCHEDULER_TICK_MS", "1000", "how often reminders are planned ahead"},
    {"OFFICER_LOG_FORMAT", "text", "text or json"},
    {"OFFICER_STATE_DIR", ".officer", "where local mode keeps its generated secrets"},
    {"OFFICER_CA_FILE", "system store", "extra CA bundle for outbound TLS"},
    {"SLACK_SIGNING_SECRET", "-", "verifies every Slack request; absent means local mode"},
    {"SLACK_BOT_TOKEN", "-", "single-workspace mode; otherwise tokens come from installs"},
    {"SLACK_CLIENT_ID", "-", "Slack OAuth install flow"},
    {"SLACK_CLIENT_SECRET", "-", "Slack OAuth install flow"},
    {"SLACK_API_BASE_URL", "https://slack.com/api", ""},
    {"GOOGLE_CLIENT_ID", "-", "Google Calendar OAuth app"},
    {"GOOGLE_CLIENT_SECRET", "-", ""},
    {"GOOGLE_API_BASE_URL", "https://www.googleapis.com", ""},
    {"GOOGLE_OAUTH_BASE_URL", "https://oauth2.googleapis.com", ""},
    {"MS_CLIENT_ID", "-", "Microsoft 365 OAuth app"},
    {"MS_CLIENT_SECRET", "-", ""},
    {"MS_TENANT", "common", ""},
    {"MS_GRAPH_BASE_URL", "https://graph.microsoft.com/v1.0", ""},
    {"MS_LOGIN_BASE_URL", "https://login.microsoftonline.com", ""},
    {"ZOOM_CLIENT_ID", "-", "Zoom OAuth app"},
    {"ZOOM_CLIENT_SECRET", "-", ""},
    {"ZOOM_API_BASE_URL", "https://api.zoom.us/v2", ""},
    {"ZOOM_OAUTH_BASE_URL", "https://zoom.us/oauth", ""},
    {"TEAMS_APP_ID", "-", "Microsoft Teams bot (Bot Framework app id)"},
    {"TEAMS_APP_PASSWORD", "-", ""},
    {"TEAMS_OPENID_METADATA_URL",
     "https://login.botframework.com/v1/.well-known/openidconfiguration", ""},
    {"TEAMS_LOGIN_BASE_URL", "https://login.microsoftonline.com", ""},
};

class Reader {
 public:
  explicit Reader(const EnvLookup& env) : env_(env) {}

  std::optional<std::string> Optional(std::string_view name) const {
    auto value = env_(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
  }
  std::string OrDefault(std::string_view name) const {
    if (auto value = Optional(name)) return *value;
    for (const auto& variable : kVariables) {
      if (name == variable.name) return variable.fallback;
    }
    return {};
  }

 private:
  const EnvLookup& env_;
};

bool IsHttpUrl(const std::string& url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.rfind(scheme, 0) != 0) continue;
    std::string_view rest = std::string_view(url).substr(scheme.size());
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty() || authority.front() == ':') return false;
    auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
      std::string_view port = authority.substr(colon + 1);
      int number = 0;
      auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
      if (error != std::errc() || end != port.data() + port.size() || number < 1 ||
          number > 65535) {
        return false;
      }
    }
    return url.find_first_of(" \t\r\n") == std::string::npos;
  }
  return false;
}

std::optional<int> ParseInt(const std::string& text, int low, int high) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return std::nullopt;
  }
  return value;
}

std::string TrimTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::optional<std::array<unsigned char, 32>> ParseHexKey(std::string_view text) {
  if (text.size() != 64) return std::nullopt;
  std::array<unsigned char, 32> key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(text.data() + 2 * i, text.data() + 2 * i + 2, value, 16);
    if (error != std::errc() || end != text.data() + 2 * i + 2) return std::nullopt;
    key[i] = static_cast<unsigned char>(value);
  }
  return key;
}

std::variant<Config, ConfigError> LoadConfig(const EnvLookup& env) {
  Reader read(env);
  Config config;

  config.database_url = read.Optional("DATABASE_URL");
  if (config.database_url && config.database_url->rfind("postgres://", 0) != 0 &&
      config.database_url->rfind("postgresql://", 0) != 0 &&
      config.database_url->find('=') == std::string::npos) {
    return ConfigError{"DATABASE_URL",
                       "is neither a postgresql:// URI nor a key=value conninfo string"};
  }

  auto port = ParseInt(read.OrDefault("PORT"), 1, 65535);
  if (!port) return ConfigError{"PORT", "must be a whole number from 1 to 65535"};
  config.port = *port;

  auto minutes = ParseInt(read.OrDefault("OFFICER_DEFAULT_REMINDER_MINUTES"), 0, 1440);
  if (!minutes) {
    return ConfigError{"OFFICER_DEFAULT_REMINDER_MINUTES",
                       "must be a whole number of minutes from 0 to 1440"};
  }
  config.default_reminder_minutes = *minutes;

  auto lease = ParseInt(read.OrDefault("OFFICER_JOB_LEASE_SECONDS"), 1, 3600);
  if (!lease) {
    return ConfigError{"OFFICER_JOB_LEASE_SECONDS",
                       "must be a whole number of seconds from 1 to 3600"};
  }
  config.job_lease_seconds = *lease;
  auto tick = ParseInt(read.OrDefault("OFFICER_SCHEDULER_TICK_MS"), 10, 60000);
  if (!tick) {
    return ConfigError{"OFFICER_SCHEDULER_TICK_MS",
                       "must be a whole number of milliseconds from 10 to 60000"};
  }
  config.scheduler_tick_ms = *tick;

  config.default_time_zone = read.OrDefault("OFFICER_DEFAULT_TIME_ZONE");
  try {
    date::locate_zone(config.default_time_zone);
  } catch (const std::exception&) {
    return ConfigError{"OFFICER_DEFAULT_TIME_ZONE",
                       "is not a time zone in the tz database (try Europe/Berlin)"};
  }

  const std::string log_format = read.OrDefault("OFFICER_LOG_FORMAT");
  if (log_format != "text" && log_format != "json") {
    return ConfigError{"OFFICER_LOG_FORMAT", "must be text or json"};
  }
  config.log_format = log_format == "json" ? LogFormat::kJson : LogFormat::kText;

  config.state_dir = read.OrDefault("OFFICER_STATE_DIR");
  config.ca_file = read.Optional("OFFICER_CA_FILE");
  if (config.ca_file && !std::filesystem::is_regular_file(*config.ca_file)) {
    return ConfigError{"OFFICER_CA_FILE", "does not name a readable file"};
  }

  // Every *_URL variable must be an http(s) URL; tests point them at http://127.0.0.1:port.
  for (const auto& variable : kVariables) {
    std::string_view name = variable.name;
    if (name.size() < 4 || name.substr(name.size() - 4) != "_URL" || name == "DATABASE_URL") {
      continue;
    }
    if (!IsHttpUrl(read.OrDefault(name))) {
      return ConfigError{std::string(name), "is not an http:// or https:// URL"};
    }
  }
  config.public_url = TrimTrailingSlash(read.OrDefault("OFFICER_PUBLIC_URL"));

  if (auto key = read.Optional("OFFICER_SECRET_KEY")) {
    config.secret_key = ParseHexKey(*key);
    if (!config.secret_key) {
      return ConfigError{"OFFICER_SECRET_KEY",
                         "must be 64 hex characters (32 bytes); generate one with "
                         "`openssl rand -hex 32`"};
    }
  }

  config.slack.signing_secret = read.Optional("SLACK_SIGNING_SECRET").value_or("");
  config.local_mode = config.slack.signing_secret.empty();
  if (!config.local_mode && !config.secret_key) {
    return ConfigError{"OFFICER_SECRET_KEY",
                       "must be set when SLACK_SIGNING_SECRET is (tokens are encrypted with it)"};
  }
  config.slack.bot_token = read.Optional("SLACK_BOT_TOKEN");
  config.slack.client_id = read.Optional("SLACK_CLIENT_ID");
  config.slack.client_secret = read.Optional("SLACK_CLIENT_SECRET");
  config.slack.api_base_url = TrimTrailingSlash(read.OrDefault("SLACK_API_BASE_URL"));

  auto app = [&](const char* prefix, const char* api, const char* oauth) {
    const std::string p = prefix;
    return OAuthAppConfig{read.Optional(p + "_CLIENT_ID"), read.Optional(p + "_CLIENT_SECRET"),
                          TrimTrailingSlash(read.OrDefault(api)),
                          TrimTrailingSlash(read.OrDefault(oauth))};
  };
  config.google = app("GOOGLE", "GOOGLE_API_BASE_URL", "GOOGLE_OAUTH_BASE_URL");
  config.microsoft.app = app("MS", "MS_GRAPH_BASE_URL", "MS_LOGIN_BASE_URL");
  config.microsoft.tenant = read.OrDefault("MS_TENANT");
  config.zoom = app("ZOOM", "ZOOM_API_BASE_URL", "ZOOM_OAUTH_BASE_URL");
  config.teams = TeamsConfig{read.Optional("TEAMS_APP_ID"), read.Optional("TEAMS_APP_PASSWORD"),
                             read.OrDefault("TEAMS_OPENID_METADATA_URL"),
                             TrimTrailingSlash(read.OrDefault("TEAMS_LOGIN_BASE_URL"))};

  // A half-configured OAuth app fails at the first click; say so at start-up instead.
  const std::pair<const char*, const char*> pairs[] = {
      {"SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"}, {"GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"},
      {"MS_CLIENT_ID", "MS_CLIENT_SECRET"},       {"ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"},
      {"TEAMS_APP_ID", "TEAMS_APP_PASSWORD"},
  };
  for (const auto& [id, secret] : pairs) {
    const bool has_id = read.Optional(id).has_value();
    const bool has_secret = read.Optional(secret).has_value();
    if (has_id && !has_secret) {
      return ConfigError{secret, std::string("must be set when ") + id + " is"};
    }
    if (has_secret && !has_id) {
      return ConfigError{id, std::string("must be set when ") + secret + " is"};
    }
  }
  return config;
}

std::string ConfigHelp() {
  std::string out;
  for (const auto& variable : kVariables) {
    std::string line = "  " + std::string(variable.name);
    line.resize(36, ' ');
    line += std::string("default: ") + variable.fallback;
    if (*variable.meaning) line += "; " + std::string(variable.meaning);
    out += line + "\n";
  }
  return out;
}

}  // namespace officer::bot
