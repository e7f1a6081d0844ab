#include <officer/integrations/oauth/token_refresher.hpp>

#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <pqxx/pqxx>

#include <officer/fakes/fake_oauth_token_server.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>
#include <officer/testing/manual_clock.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using officer::testing::ManualClock;

using namespace std::chrono_literals;
using officer::fakes::FakeOAuthOptions;
using officer::fakes::FakeOAuthTokenServer;
using officer::testing::TestDatabase;
namespace crypto = officer::integrations::crypto;
namespace d = officer::domain;
namespace http = officer::integrations::http;
namespace oauth = officer::integrations::oauth;
namespace pg = officer::integrations::postgres;

const date::sys_seconds kStart = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{9};

// Every table row as text, the way a database dump would show it.
std::string DumpCredentials(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::read_transaction tx(connection);
  std::string dump;
  for (const auto& row : tx.exec("SELECT c::text FROM credentials c")) {
    dump += row[0].as<std::string>() + "\n";
  }
  return dump;
}

struct Fixture {
  explicit Fixture(FakeOAuthOptions options = {})
      : fake(options), key(*crypto::SecretKey::FromHex(std::string(64, '7'))), cipher(key) {
    logger->set_level(spdlog::level::trace);
    http::HttpTransportConfig config;
    config.timeout = 10000ms;
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    endpoint = std::make_shared<oauth::TokenEndpoint>(
        transport,
        oauth::TokenEndpointConfig{
            "google", fake.TokenUrl(), options.client_id, options.client_secret,
            options.basic_auth ? oauth::ClientAuth::kBasic : oauth::ClientAuth::kRequestBody, ""},
        logger);
    refresher = std::make_unique<oauth::TokenRefresher>(
        store, oauth::TokenEndpoints{{"google", endpoint}}, clock, logger,
        [this](const oauth::CredentialKey& reconnect) {
          std::lock_guard lock(mutex);
          reconnects.push_back(reconnect);
        });
  }

  // Ada connected Google at kStart: an access token valid for an hour and a refresh token.
  void Connect(std::string access = "ya29.first-access", std::string refresh = "1//first-refresh") {
    fake.AddRefreshToken(refresh, "ada@example.com");
    store.Save(ada, oauth::TokenSet{std::move(access), std::move(refresh), clock.Now() + 3600s,
                                    "https://www.googleapis.com/auth/calendar.events"});
  }

  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 8};
  FakeOAuthTokenServer fake;
  crypto::SecretKey key;
  crypto::TokenCipher cipher;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "oauth", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  oauth::CredentialStore store{pool, cipher, logger};
  ManualClock clock{kStart};
  std::shared_ptr<oauth::TokenEndpoint> endpoint;
  std::unique_ptr<oauth::TokenRefresher> refresher;
  std::mutex mutex;
  std::vector<oauth::CredentialKey> reconnects;
  oauth::CredentialKey ada{d::WorkspaceId("T1"), d::UserId("U1"), "google"};
};

}  // namespace

TEST_SUITE("credentials") {
  TEST_CASE("a dump of the credentials table shows no token in clear text") {
    Fixture f;
    f.Connect("ya29.visible-if-leaked", "1//refresh-visible-if-leaked");
    const auto dump = DumpCredentials(f.db.Url());
    CHECK(dump.find("T1") != std::string::npos);  // the dump did read the row
    CHECK(dump.find(f.cipher.CurrentKeyId()) != std::string::npos);
    CHECK(dump.find("visible-if-leaked") == std::string::npos);
    CHECK(dump.find("ya29") == std::string::npos);
    CHECK(dump.find("1//") == std::string::npos);

    const auto stored = f.store.Find(f.ada);
    REQUIRE(stored.has_value());
    CHECK(stored->access_token == "ya29.visible-if-leaked");
    CHECK(stored->refresh_token == "1//refresh-visible-if-leaked");
    CHECK(stored->expires_at == kStart + 3600s);
    CHECK(stored->status == oauth::CredentialStatus::kActive);
  }

  TEST_CASE("a token blob copied onto another person's row does not decrypt there") {
    Fixture f;
    f.Connect();
    oauth::CredentialKey grace{d::WorkspaceId("T1"), d::UserId("U2"), "google"};
    f.store.Save(grace, oauth::TokenSet{"ya29.grace", "1//grace", kStart + 3600s, ""});
    {
      pqxx::connection connection(f.db.Url());
      pqxx::work tx(connection);
      tx.exec(
          "UPDATE credentials SET access_token_enc = (SELECT access_token_enc FROM "
          "credentials WHERE user_id = 'U1') WHERE user_id = 'U2'");
      tx.commit();
    }
    CHECK_THROWS_AS(f.store.Find(grace), oauth::ReconnectNeeded);
    CHECK(f.log.str().find("tampered") != std::string::npos);
  }

  TEST_CASE("a token valid for more than a minute is handed out without a refresh") {
    Fixture f;
    f.Connect();
    f.clock.Advance(3600s - 61s);
    CHECK(f.refresher->AccessToken(f.ada) == "ya29.first-access");
    CHECK(f.fake.RefreshCount() == 0);
  }

  TEST_CASE("a token within a minute of expiry is refreshed once, keeping Google's refresh token") {
    Fixture f;
    f.Connect();
    f.clock.Advance(3600s - 59s);
    const auto fresh = f.refresher->AccessToken(f.ada);
    CHECK(fresh != "ya29.first-access");
    CHECK(f.fake.RefreshCount() == 1);
    CHECK(f.refresher->AccessToken(f.ada) == fresh);
    CHECK(f.fake.RefreshCount() == 1);

    const auto stored = f.store.Find(f.ada);
    REQUIRE(stored.has_value());
    CHECK(stored->access_token == fresh);
    CHECK(stored->refresh_token == "1//first-refresh");  // Google sent none: the old one stays
    CHECK(stored->expires_at == f.clock.Now() + 3599s);
    CHECK(stored->scope == "https://www.googleapis.com/auth/calendar.events");
  }

  TEST_CASE("a rotated refresh token is persisted and the next refresh uses it") {
    Fixture f(FakeOAuthTokenServer::ZoomOptions());
    f.Connect("zoom-access-0", "zoom-refresh-0");
    f.clock.Advance(3600s);
    f.refresher->AccessToken(f.ada);
    const auto live = f.fake.LiveRefreshTokens("ada@example.com");
    REQUIRE(live.size() == 1);
    CHECK(live[0] != "zoom-refresh-0");
    CHECK(f.store.Find(f.ada)->refresh_token == live[0]);
    CHECK(DumpCredentials(f.db.Url()).find(live[0]) == std::string::npos);

    f.clock.Advance(3600s);
    CHECK_NOTHROW(f.refresher->AccessToken(f.ada));
    CHECK(f.fake.RefreshCount() == 2);
  }

  TEST_CASE("concurrent callers of an expiring credential cause exactly one refresh") {
    Fixture f(FakeOAuthTokenServer::ZoomOptions());
    f.Connect("zoom-access-0", "zoom-refresh-0");
    f.clock.Advance(3600s);
    std::vector<std::string> tokens(6);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      threads.emplace_back([&, i] { tokens[i] = f.refresher->AccessToken(f.ada); });
    }
    for (auto& thread : threads) thread.join();
    CHECK(f.fake.RefreshCount() == 1);
    for (const auto& token : tokens) CHECK(token == tokens[0]);
  }

  TEST_CASE("a token the provider refused (401) is refreshed whatever its expiry, once") {
    Fixture f;
    f.Connect();
    const auto fresh = f.refresher->AccessToken(f.ada, "ya29.first-access");
    CHECK(fresh != "ya29.first-access");
    CHECK(f.fake.RefreshCount() == 1);
    // Another caller that saw the same 401 gets the new token without a second refresh.
    CHECK(f.refresher->AccessToken(f.ada, "ya29.first-access") == fresh);
    CHECK(f.fake.RefreshCount() == 1);
  }

  TEST_CASE("invalid_grant marks the credential needs_reconnect and reports ReconnectNeeded once") {
    Fixture f;
    f.Connect();
    f.fake.RevokeRefreshToken("1//first-refresh");
    f.clock.Advance(3600s);
    CHECK_THROWS_AS(f.refresher->AccessToken(f.ada), oauth::ReconnectNeeded);
    CHECK(f.store.StatusOf(f.ada) == oauth::CredentialStatus::kNeedsReconnect);
    CHECK(f.reconnects == std::vector<oauth::CredentialKey>{f.ada});

    // Later calls fail at once, without asking the provider or telling the owner again.
    const auto requests = f.fake.TokenRequests().size();
    CHECK_THROWS_AS(f.refresher->AccessToken(f.ada), oauth::ReconnectNeeded);
    CHECK(f.fake.TokenRequests().size() == requests);
    CHECK(f.reconnects.size() == 1);

    // Connecting again makes it active.
    f.Connect("ya29.second-access", "1//second-refresh");
    CHECK(f.refresher->AccessToken(f.ada) == "ya29.second-access");
  }

  TEST_CASE("a person who never connected needs to connect") {
    Fixture f;
    CHECK_THROWS_AS(f.refresher->AccessToken(f.ada), oauth::ReconnectNeeded);
    CHECK_FALSE(f.store.StatusOf(f.ada).has_value());
  }

  TEST_CASE("a transient refresh failure leaves the credential as it was") {
    Fixture f;
    f.Connect();
    f.fake.Server().Enqueue("/token", officer::fakes::FakeResponse::Status(503), 3);
    f.clock.Advance(3600s);
    CHECK_THROWS_AS(f.refresher->AccessToken(f.ada), officer::TransientError);
    CHECK(f.store.StatusOf(f.ada) == oauth::CredentialStatus::kActive);
    CHECK(f.store.Find(f.ada)->access_token == "ya29.first-access");
  }

  TEST_CASE("after a key rotation a row still decrypts and is rewritten under the new key") {
    Fixture f;
    f.Connect();
    const crypto::TokenCipher rotated(*crypto::SecretKey::FromHex(std::string(64, '8')), {f.key});
    oauth::CredentialStore store(f.pool, rotated, f.logger);
    CHECK(store.Find(f.ada)->key_id == f.key.Id());
    oauth::TokenRefresher refresher(store, {{"google", f.endpoint}}, f.clock, f.logger);
    f.clock.Advance(3600s);
    refresher.AccessToken(f.ada);
    CHECK(store.Find(f.ada)->key_id == rotated.CurrentKeyId());
    CHECK(store.Find(f.ada)->refresh_token == "1//first-refresh");
  }

  TEST_CASE("no token reaches the log of a connect, refreshes and a revocation") {
    Fixture f;
    f.Connect();
    f.refresher->AccessToken(f.ada, "ya29.first-access");
    f.fake.RevokeRefreshToken("1//first-refresh");
    f.clock.Advance(7200s);
    CHECK_THROWS(f.refresher->AccessToken(f.ada));
    const auto output = f.log.str();
    CHECK(output.find("refreshed") != std::string::npos);
    CHECK(output.find("ya29") == std::string::npos);
    CHECK(output.find("1//") == std::string::npos);
    CHECK(output.find("fake-client-secret") == std::string::npos);
  }
}
