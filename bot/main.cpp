// The composition root: the one place that reads configuration, builds loggers and constructs
// concrete adapters.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include <officer/bot/config.hpp>
#include <officer/bot/http/dispatcher.hpp>
#include <officer/bot/http/health_routes.hpp>
#include <officer/bot/http/listener.hpp>
#include <officer/bot/local_secrets.hpp>
#include <officer/bot/observability/logging.hpp>
#include <officer/bot/observability/metrics.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>
#include <officer/integrations/postgres/migrator.hpp>

namespace {

using officer::bot::Config;
namespace pg = officer::integrations::postgres;

constexpr std::size_t kMaxBodyBytes = 64 * 1024;

const char kUsage[] =
    "officer — books the daily stand-up so nobody has to.\n"
    "\n"
    "Usage:\n"
    "  officer serve      HTTP server, reminder scheduler and job workers\n"
    "  officer migrate    apply database migrations (idempotent)\n"
    "  officer --version  print the version\n"
    "  officer help       this text\n"
    "\n"
    "Environment:\n";

int Fail(const std::string& line) {
  std::cerr << "officer: " << line << "\n";
  return 2;
}

// Loads the environment; a bad value is one line naming the variable and exit status 2.
std::optional<Config> LoadOrExplain() {
  auto loaded = officer::bot::LoadConfig([](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
  if (auto* error = std::get_if<officer::bot::ConfigError>(&loaded)) {
    Fail(error->variable + " " + error->message);
    return std::nullopt;
  }
  return std::get<Config>(std::move(loaded));
}

// Local mode generates its signing secret and credential key once and keeps them.
void FillLocalSecrets(Config& config) {
  if (!config.local_mode) return;
  config.slack.signing_secret =
      officer::bot::ReadOrCreateSecret(config.state_dir, "slack-signing-secret", 32);
  if (!config.secret_key) {
    config.secret_key = officer::bot::ParseHexKey(
        officer::bot::ReadOrCreateSecret(config.state_dir, "secret-key", 32));
  }
}

int RunMigrate(const Config& config) {
  if (!config.database_url) return Fail("DATABASE_URL is not set; point it at PostgreSQL");
  try {
    pqxx::connection connection(pg::ConnectionPool::WithConnectTimeout(*config.database_url, 5));
    pqxx::nontransaction(connection).exec("SET client_min_messages TO WARNING");
    auto outcome = pg::Migrate(connection, pg::EmbeddedMigrations());
    if (auto* refused = std::get_if<pg::MigrationsRefused>(&outcome)) {
      return Fail("migrate refused: " + refused->message);
    }
    const auto& applied = std::get<pg::MigrationsApplied>(outcome);
    for (const auto& name : applied.applied) std::cout << "applied " << name << "\n";
    std::cout << "migrations: " << applied.applied.size() << " applied, " << applied.already_applied
              << " already in place\n";
    return 0;
  } catch (const pqxx::broken_connection& error) {
    return Fail(std::string("cannot reach the database at DATABASE_URL: ") + error.what());
  }
}

int RunServe(Config config) {
  if (!config.database_url) return Fail("DATABASE_URL is not set; point it at PostgreSQL");
  FillLocalSecrets(config);

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  officer::bot::Logging logging(config.log_format);
  auto log = logging.Logger("officer");
  officer::bot::Metrics metrics;
  pg::ConnectionPool pool(*config.database_url, 8);

  officer::bot::Dispatcher dispatcher(logging.Logger("http"), metrics);
  officer::bot::AddHealthRoutes(
      dispatcher, [&pool] { return pool.Ping(); }, metrics);

  officer::bot::HttpListener listener(
      "http://0.0.0.0:" + std::to_string(config.port),
      [&dispatcher](const officer::bot::InboundRequest& request) {
        return dispatcher.Dispatch(request);
      },
      kMaxBodyBytes);
  try {
    listener.Open();
  } catch (const std::exception& error) {
    return Fail(std::string(error.what()) + " (is another officer running? set PORT)");
  }
  log->info("officer {} listening on port {}{}", OFFICER_VERSION, config.port,
            config.local_mode ? " in local mode (no SLACK_SIGNING_SECRET)" : "");

  int signal = 0;
  sigwait(&stop_signals, &signal);
  log->info("received {}; finishing requests in flight", signal == SIGTERM ? "SIGTERM" : "SIGINT");
  const int abandoned = listener.Drain(std::chrono::seconds(20));
  if (abandoned > 0) log->warn("{} requests were still running at shutdown", abandoned);
  log->info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? "help" : args.front();
  if (command == "--version" || command == "version") {
    std::cout << "officer " << OFFICER_VERSION << "\n";
    return 0;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage << officer::bot::ConfigHelp();
    return 0;
  }
  if (command != "serve" && command != "migrate") {
    std::cerr << "officer: unknown command '" << command << "'; see `officer help`\n";
    return 2;
  }
  auto config = LoadOrExplain();
  if (!config) return 2;
  if (command == "migrate") return RunMigrate(*config);
  return RunServe(std::move(*config));
}
