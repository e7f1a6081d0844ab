// The composition root: the one place that reads configuration, builds loggers and constructs
// concrete adapters.
#include <utility>  // before pplx: boost/asio needs it

#include <pplx/threadpool.h>

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
#include <officer/bot/say/officer_say.hpp>
#include <officer/bot/standup/booking_worker.hpp>
#include <officer/bot/standup/click_job.hpp>
#include <officer/bot/standup/effect_runner.hpp>
#include <officer/bot/standup/reminder_sender.hpp>
#include <officer/bot/standup/replies.hpp>
#include <officer/bot/standup/reply_jobs.hpp>
#include <officer/bot/standup/slack_chat_notifier.hpp>
#include <officer/bot/standup/slack_routes.hpp>
#include <officer/bot/standup/standup_service.hpp>
#include <officer/integrations/crypto/secret_key.hpp>
#include <officer/integrations/crypto/token_cipher.hpp>
#include <officer/integrations/google/google_calendar.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/local/local_calendar.hpp>
#include <officer/integrations/local/local_message_store.hpp>
#include <officer/integrations/msgraph/graph_calendar.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/oauth_state.hpp>
#include <officer/integrations/oauth/token_endpoint.hpp>
#include <officer/integrations/oauth/token_refresher.hpp>
#include <officer/integrations/postgres/connection_pool.hpp>
#include <officer/integrations/postgres/effect_codec.hpp>
#include <officer/integrations/postgres/free_busy_cache.hpp>
#include <officer/integrations/postgres/history_sweep.hpp>
#include <officer/integrations/postgres/job_workers.hpp>
#include <officer/integrations/postgres/meeting_repository.hpp>
#include <officer/integrations/postgres/migrator.hpp>
#include <officer/integrations/postgres/reminder_schedule.hpp>
#include <officer/integrations/postgres/work_queue.hpp>
#include <officer/integrations/slack/slack_web_api.hpp>
#include <officer/integrations/zoom/zoom_meetings.hpp>

#include <nlohmann/json.hpp>

#include "wiring/calendar_router.hpp"
#include "wiring/connected_video.hpp"
#include "wiring/local_slack.hpp"
#include "wiring/oauth_connect.hpp"
#include "wiring/periodic_task.hpp"
#include "wiring/web_api_slack.hpp"

namespace {

using officer::bot::Config;
namespace pg = officer::integrations::postgres;
namespace standup = officer::bot::standup;
namespace oauth = officer::integrations::oauth;

constexpr const char* kGoogleAuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth";
constexpr const char* kGoogleScopes =
    "https://www.googleapis.com/auth/calendar.events "
    "https://www.googleapis.com/auth/calendar.readonly";
constexpr const char* kMicrosoftScopes = "offline_access Calendars.ReadWrite";

// The only clock in officer; everything below takes it as a port or takes `now` as a value.
class SystemClock final : public officer::domain::Clock {
 public:
  date::sys_seconds Now() const override {
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

std::string LocalMessagesJson(officer::integrations::local::LocalMessageStore& store,
                              long long after) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& message : store.Since(after, 200)) {
    messages.push_back({{"id", message.id},
                        {"kind", message.kind},
                        {"channel", message.channel},
                        {"user", message.user},
                        {"ts", message.ts},
                        {"text", message.text},
                        {"blocks", message.blocks_json}});
  }
  return nlohmann::json{
      {"messages", messages}, {"last_id", store.LastId()}, {"pending_jobs", store.PendingJobs()}}
      .dump();
}

std::string ReminderMetrics(pg::PgReminderSchedule& reminders) {
  std::string out =
      "# HELP officer_reminders_total Reminders decided, by outcome.\n"
      "# TYPE officer_reminders_total counter\n";
  try {
    const auto outcomes = reminders.Outcomes();
    for (const char* outcome : {"sent", "skipped_cancelled", "skipped_off", "dropped_late"}) {
      auto it = outcomes.find(outcome);
      out += std::string("officer_reminders_total{outcome=\"") + outcome + "\"} " +
             std::to_string(it == outcomes.end() ? 0 : it->second) + "\n";
    }
  } catch (const std::exception&) {
    // The database is away; /readyz says so.
  }
  return out;
}

std::string JobMetrics(pg::JobStore& jobs, const pg::JobOutcomes& outcomes) {
  std::string out = "# HELP officer_jobs Jobs in the outbox by state.\n# TYPE officer_jobs gauge\n";
  try {
    const auto counts = jobs.Counts();
    out += "officer_jobs{state=\"queued\"} " + std::to_string(counts.pending) + "\n";
    out += "officer_jobs{state=\"running\"} " + std::to_string(counts.running) + "\n";
    out += "officer_jobs{state=\"failed\"} " + std::to_string(counts.retrying) + "\n";
    out += "officer_jobs{state=\"dead\"} " + std::to_string(counts.dead) + "\n";
  } catch (const std::exception&) {
    // The database is away; /readyz says so, the scrape still answers.
  }
  out +=
      "# HELP officer_job_runs_total Job runs by outcome in this process.\n"
      "# TYPE officer_job_runs_total counter\n";
  out += "officer_job_runs_total{outcome=\"succeeded\"} " +
         std::to_string(outcomes.succeeded.load()) + "\n";
  out += "officer_job_runs_total{outcome=\"retried\"} " + std::to_string(outcomes.retried.load()) +
         "\n";
  out += "officer_job_runs_total{outcome=\"dead\"} " + std::to_string(outcomes.dead.load()) + "\n";
  return out;
}

constexpr std::size_t kMaxBodyBytes = 64 * 1024;

const char kUsage[] =
    "officer — books the daily stand-up so nobody has to.\n"
    "\n"
    "Usage:\n"
    "  officer serve      HTTP server, reminder scheduler and job workers\n"
    "  officer migrate    apply database migrations (idempotent)\n"
    "  officer say        drive a local-mode officer from the terminal:\n"
    "                       officer say --user U1 --channel C1 \"/standup book 9:30 <@U2>\"\n"
    "                       officer say --user U2 --click accept:<meeting-id>\n"
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

  // cpprestsdk's pool carries the outbound HTTP (Slack, calendars, Zoom); its default of 40
  // threads spends more time switching than serving on small machines. The HTTP listener has
  // threads of its own.
  crossplat::threadpool::initialize_with_threads(
      std::max<std::size_t>(8, 4 * std::thread::hardware_concurrency()));

  officer::bot::Logging logging(config.log_format);
  auto log = logging.Logger("officer");
  officer::bot::Metrics metrics;
  SystemClock clock;
  pg::ConnectionPool pool(*config.database_url, 16);
  pg::PgMeetingRepository meetings(pool);
  pg::JobRetryPolicy retry_policy;
  retry_policy.lease = std::chrono::seconds(config.job_lease_seconds);
  pg::JobStore jobs(pool, retry_policy);
  pg::ReminderPlanningPolicy planning;
  planning.default_lead = std::chrono::minutes(config.default_reminder_minutes);
  planning.stale_claim = std::chrono::seconds(2 * config.job_lease_seconds);
  pg::PgReminderSchedule reminders(pool, planning);
  std::unique_ptr<pg::JobWorkers> workers;
  pg::PgWorkQueue queue(jobs, [&workers] {
    if (workers) workers->Nudge();
  });

  officer::integrations::http::HttpTransportConfig http_config;
  if (config.ca_file) http_config.ca_file = *config.ca_file;
  auto http = std::make_shared<officer::integrations::http::HttpTransport>(
      http_config, logging.Logger("integrations.http"));
  officer::integrations::slack::SlackWebApi slack_web_api(http, config.slack.api_base_url,
                                                          logging.Logger("integrations.slack"));
  officer::integrations::local::LocalMessageStore local_messages(pool);
  std::unique_ptr<standup::SlackApi> slack;
  if (config.local_mode) {
    slack = std::make_unique<officer::wiring::LocalSlack>(local_messages);
  } else {
    slack = std::make_unique<officer::wiring::WebApiSlack>(slack_web_api, config.slack.bot_token);
  }
  officer::integrations::local::LocalCalendar local_calendar(pool);
  standup::SlackChatNotifier chat(*slack);

  // Connected accounts: tokens encrypted under OFFICER_SECRET_KEY, refreshed by policy; each
  // provider is on only when its client id is set.
  const auto secret_key = *officer::integrations::crypto::SecretKey::FromBytes(std::string_view(
      reinterpret_cast<const char*>(config.secret_key->data()), config.secret_key->size()));
  const officer::integrations::crypto::TokenCipher cipher(secret_key);
  const oauth::OAuthState oauth_state(secret_key);
  oauth::CredentialStore credentials(pool, cipher, logging.Logger("credentials"));
  oauth::TokenEndpoints token_endpoints;
  std::vector<officer::wiring::OAuthProvider> oauth_providers;
  auto add_provider = [&](const std::string& name, const officer::bot::OAuthAppConfig& app,
                          std::string token_url, oauth::ClientAuth client_auth,
                          std::string authorize_url, std::string scope,
                          std::vector<std::pair<std::string, std::string>> extra) {
    if (!app.client_id) return;
    auto endpoint = std::make_shared<const oauth::TokenEndpoint>(
        http,
        oauth::TokenEndpointConfig{name, std::move(token_url), *app.client_id,
                                   app.client_secret.value_or(""), client_auth,
                                   name == "microsoft" ? scope : std::string()},
        logging.Logger("integrations.oauth"));
    token_endpoints[name] = endpoint;
    oauth_providers.push_back(officer::wiring::OAuthProvider{name, std::move(authorize_url),
                                                             *app.client_id, std::move(scope),
                                                             std::move(extra), endpoint});
  };
  add_provider("google", config.google, config.google.oauth_base_url + "/token",
               oauth::ClientAuth::kRequestBody, kGoogleAuthorizeUrl, kGoogleScopes,
               {{"access_type", "offline"}, {"prompt", "consent"}});
  const std::string ms_login =
      config.microsoft.app.oauth_base_url + "/" + config.microsoft.tenant + "/oauth2/v2.0";
  add_provider("microsoft", config.microsoft.app, ms_login + "/token",
               oauth::ClientAuth::kRequestBody, ms_login + "/authorize", kMicrosoftScopes, {});
  add_provider("zoom", config.zoom, config.zoom.oauth_base_url + "/token",
               oauth::ClientAuth::kBasic, config.zoom.oauth_base_url + "/authorize", "", {});

  pg::FreeBusyCache free_busy_cache(pool, clock);
  officer::wiring::OAuthConnect connect(
      config.public_url, oauth_state, credentials, clock, oauth_providers, logging.Logger("oauth"),
      [&free_busy_cache](const oauth::CredentialKey&) { free_busy_cache.ForgetAll(); });
  // Tells a person by direct message to connect `provider` (again); never carries a token.
  auto tell_to_connect = [&queue, &log](const officer::domain::WorkspaceId& workspace,
                                        const officer::domain::UserId& user,
                                        const std::string& provider, const std::string& text) {
    try {
      queue.Enqueue(
          standup::kDirectJob,
          nlohmann::json{{"team", workspace.value()}, {"user", user.value()}, {"text", text}}
              .dump(),
          "");
    } catch (const std::exception& error) {
      log->warn("could not queue the {} reconnect message for {}: {}", provider, user.value(),
                error.what());
    }
  };
  oauth::TokenRefresher refresher(
      credentials, token_endpoints, clock, logging.Logger("oauth"),
      [&](const oauth::CredentialKey& key) {
        const auto link = connect.LinkFor(key.workspace, key.user, key.provider).value_or("");
        tell_to_connect(key.workspace, key.user, key.provider,
                        standup::ReconnectText(key.provider, link));
      });

  std::unique_ptr<officer::integrations::google::GoogleCalendar> google_calendar;
  if (config.google.client_id) {
    google_calendar = std::make_unique<officer::integrations::google::GoogleCalendar>(
        http, config.google.api_base_url,
        officer::wiring::AccessTokenSourceFor(credentials, refresher, "google"),
        logging.Logger("integrations.google"));
  }
  std::unique_ptr<officer::integrations::msgraph::GraphCalendar> graph_calendar;
  if (config.microsoft.app.client_id) {
    graph_calendar = std::make_unique<officer::integrations::msgraph::GraphCalendar>(
        http, config.microsoft.app.api_base_url,
        officer::wiring::AccessTokenSourceFor(credentials, refresher, "microsoft"),
        logging.Logger("integrations.msgraph"));
  }
  std::unique_ptr<officer::integrations::zoom::ZoomMeetings> zoom;
  if (config.zoom.client_id) {
    zoom = std::make_unique<officer::integrations::zoom::ZoomMeetings>(
        http, config.zoom.api_base_url,
        officer::wiring::AccessTokenSourceFor(credentials, refresher, "zoom"),
        logging.Logger("integrations.zoom"));
  }
  officer::wiring::CalendarRouter calendar(
      credentials,
      officer::wiring::CalendarBackends{local_calendar, google_calendar.get(),
                                        graph_calendar.get()},
      free_busy_cache, logging.Logger("calendars"));

  standup::ServiceSettings settings{std::chrono::minutes(config.default_reminder_minutes),
                                    config.default_time_zone, config.public_url};
  standup::StandupService service(meetings, queue, clock, settings, &connect);
  standup::BookingWorker booking(meetings, *slack, clock, settings, zoom != nullptr);
  // An organizer who asked for zoom without a Zoom connection is told how to connect it.
  std::unique_ptr<officer::wiring::ConnectedVideo> video;
  if (zoom) {
    video = std::make_unique<officer::wiring::ConnectedVideo>(
        *zoom,
        [&](const officer::domain::WorkspaceId& workspace, const officer::domain::UserId& user) {
          for (const auto& [key, status] : credentials.ConnectionsOf(user)) {
            if (key.provider == "zoom") return;  // a failed refresh already said so
          }
          const auto link = connect.LinkFor(workspace, user, "zoom").value_or("");
          tell_to_connect(workspace, user, "zoom", standup::ZoomNotConnectedText(link));
        });
  }
  standup::EffectRunner effects(meetings, chat, calendar, video.get(), reminders, clock);
  standup::ReminderSender reminder_sender(meetings, reminders, calendar, chat, clock,
                                          planning.default_lead);
  workers = std::make_unique<pg::JobWorkers>(
      jobs,
      std::map<std::string, pg::JobHandler>{
          {standup::kBookJob, [&](const std::string& payload) { booking.Run(payload); }},
          {standup::kReplyJob,
           [&](const std::string& payload) { standup::RunReplyJob(*slack, payload); }},
          {standup::kDirectJob,
           [&](const std::string& payload) { standup::RunDirectJob(*slack, payload); }},
          {standup::kOpenModalJob,
           [&](const std::string& payload) {
             standup::RunOpenModalJob(*slack, payload, config.default_time_zone);
           }},
          {standup::kPublishHomeJob,
           [&](const std::string& payload) {
             standup::RunPublishHomeJob(*slack, service, payload);
           }},
          {standup::kReminderJob,
           [&](const std::string& payload) { reminder_sender.Run(payload); }},
          {"effect",
           [&](const std::string& payload) {
             auto effect = pg::DecodeEffect(payload);
             if (!effect) throw officer::PermanentError("an effect job this officer cannot read");
             effects.Run(*effect);
           }},
      },
      // A run of clicks on one meeting is applied with one load and one save.
      std::map<std::string, pg::BatchJobHandler>{
          {standup::kClickJob,
           [&](const std::vector<std::string>& payloads) { service.RunClickJobs(payloads); }},
      },
      logging.Logger("jobs"), 4);
  metrics.AddCollector([&] { return JobMetrics(jobs, workers->Outcomes()); });
  metrics.AddCollector([&] { return ReminderMetrics(reminders); });
  // Every replica plans; meetings are claimed with SKIP LOCKED, so they share the work.
  officer::wiring::PeriodicTask planner(
      [&] {
        try {
          while (reminders.PlanDue(clock.Now()) == planning.batch) {
          }
        } catch (const std::exception& error) {
          log->warn("reminder planning paused: {}", error.what());
        }
      },
      std::chrono::milliseconds(config.scheduler_tick_ms));
  // Finished jobs and past reminder records would otherwise grow for as long as officer runs.
  pg::HistorySweep history(pool, pg::RetentionPolicy{});
  officer::wiring::PeriodicTask sweeper(
      [&] {
        try {
          const auto swept = history.Sweep(clock.Now());
          if (swept.jobs + swept.reminder_records > 0) {
            log->info("deleted {} finished jobs and {} reminder records past their retention",
                      swept.jobs, swept.reminder_records);
          }
        } catch (const std::exception& error) {
          log->warn("history sweep paused: {}", error.what());
        }
      },
      std::chrono::hours(1));

  officer::bot::Dispatcher dispatcher(logging.Logger("http"), metrics);
  officer::bot::AddHealthRoutes(
      dispatcher, [&pool] { return pool.Ping(); }, metrics);
  standup::AddSlackRoutes(dispatcher, config.slack.signing_secret, clock, service,
                          logging.Logger("slack"));
  connect.AddRoutes(dispatcher);
  if (config.local_mode) {
    standup::AddLocalMessagesRoute(
        dispatcher, config.slack.signing_secret, clock,
        [&local_messages](long long after) { return LocalMessagesJson(local_messages, after); });
  }

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
  planner.Stop();
  sweeper.Stop();
  workers->Stop();
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
  if (command != "serve" && command != "migrate" && command != "say") {
    std::cerr << "officer: unknown command '" << command << "'; see `officer help`\n";
    return 2;
  }
  auto config = LoadOrExplain();
  if (!config) return 2;
  if (command == "migrate") return RunMigrate(*config);
  if (command == "say") {
    if (!config->local_mode) {
      return Fail("say drives a local-mode officer; unset SLACK_SIGNING_SECRET");
    }
    FillLocalSecrets(*config);
    SystemClock clock;
    return officer::bot::say::RunSay(std::vector<std::string>(args.begin() + 1, args.end()),
                                     "http://127.0.0.1:" + std::to_string(config->port),
                                     config->slack.signing_secret, clock, std::cout, std::cerr);
  }
  return RunServe(std::move(*config));
}
