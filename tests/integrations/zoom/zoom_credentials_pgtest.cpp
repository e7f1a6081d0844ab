#include <officer/integrations/zoom/zoom_meetings.hpp>

#include <atomic>
#include <sstream>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <officer/fakes/fake_oauth_token_server.hpp>
#include <officer/fakes/fake_zoom_api.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/credential_store.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>
#include <officer/integrations/oauth/token_refresher.hpp>
#include <officer/testing/manual_clock.hpp>
#include <officer/testing/test_database.hpp>

namespace {

using officer::testing::ManualClock;

using namespace std::chrono_literals;
using officer::fakes::FakeOAuthTokenServer;
using officer::fakes::FakeZoomApi;
using officer::testing::TestDatabase;
namespace crypto = officer::integrations::crypto;
namespace d = officer::domain;
namespace http = officer::integrations::http;
namespace oauth = officer::integrations::oauth;
namespace pg = officer::integrations::postgres;
namespace zoom = officer::integrations::zoom;

const date::sys_seconds kStart = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{9};

d::StandupMeeting Standup() {
  d::StandupMeeting meeting;
  meeting.id = d::MeetingId("M1");
  meeting.organizer = d::UserId("U1");
  meeting.title = "Daily standup";
  meeting.start = d::TimeOfDay{9, 30};
  meeting.days = d::DaySet::Weekdays();
  meeting.zone_name = "Europe/Berlin";
  meeting.first_day = date::year{2026} / 12 / 1;
  return meeting;
}

// The production chain for Zoom: ZoomMeetings -> TokenRefresher -> CredentialStore (encrypted,
// PostgreSQL) and TokenEndpoint (Basic client auth) -> the fake Zoom token server, whose issued
// access tokens the fake Zoom API accepts.
struct Fixture {
  Fixture() : key(*crypto::SecretKey::FromHex(std::string(64, '5'))), cipher(key) {
    logger->set_level(spdlog::level::trace);
    token_server.OnAccessTokenIssued([this](const std::string& subject, const std::string& token) {
      api.AddAccessToken(token, subject);
    });
    http::HttpTransportConfig config;
    config.timeout = 10000ms;
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    const auto& options = token_server.Options();
    auto endpoint = std::make_shared<oauth::TokenEndpoint>(
        transport,
        oauth::TokenEndpointConfig{"zoom", token_server.TokenUrl(), options.client_id,
                                   options.client_secret, oauth::ClientAuth::kBasic, ""},
        logger);
    refresher = std::make_unique<oauth::TokenRefresher>(
        store, oauth::TokenEndpoints{{"zoom", endpoint}}, clock, logger);
    meetings = std::make_unique<zoom::ZoomMeetings>(
        transport, api.BaseUrl(),
        [this](const d::UserId& user, std::string_view rejected) {
          return refresher->AccessToken(oauth::CredentialKey{d::WorkspaceId("T1"), user, "zoom"},
                                        rejected);
        },
        logger);
  }

  TestDatabase db;
  pg::ConnectionPool pool{db.Url(), 4};
  FakeOAuthTokenServer token_server{FakeOAuthTokenServer::ZoomOptions()};
  FakeZoomApi api;
  crypto::SecretKey key;
  crypto::TokenCipher cipher;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "zoom", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  oauth::CredentialStore store{pool, cipher, logger};
  ManualClock clock{kStart};
  std::unique_ptr<oauth::TokenRefresher> refresher;
  std::unique_ptr<zoom::ZoomMeetings> meetings;
  oauth::CredentialKey ada{d::WorkspaceId("T1"), d::UserId("U1"), "zoom"};
};

}  // namespace

TEST_SUITE("zoom credentials") {
  TEST_CASE("a token Zoom refuses with 124 is refreshed once and the rotated refresh token kept") {
    Fixture f;
    // Connected an hour ago by the clock's measure, but Zoom no longer honours the access token.
    f.token_server.AddRefreshToken("zoom-refresh-0", "ada@example.com");
    f.store.Save(f.ada, oauth::TokenSet{"zoom-access-0", "zoom-refresh-0", kStart + 3000s, ""});

    const auto created = f.meetings->CreateRecurringMeeting(f.ada.user, Standup());
    CHECK(f.api.FindMeeting(created.external_id).has_value());
    CHECK(f.token_server.RefreshCount() == 1);
    const auto requests = f.token_server.TokenRequests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].authorization.rfind("Basic ", 0) == 0);
    CHECK(requests[0].form.count("client_secret") == 0);

    const auto live = f.token_server.LiveRefreshTokens("ada@example.com");
    REQUIRE(live.size() == 1);
    CHECK(live[0] != "zoom-refresh-0");
    const auto stored = f.store.Find(f.ada);
    REQUIRE(stored.has_value());
    CHECK(stored->refresh_token == live[0]);
    CHECK(stored->access_token != "zoom-access-0");

    // The next expiry refreshes with the rotated token, which only works if it was saved.
    f.clock.Advance(3600s);
    f.meetings->DeleteMeeting(f.ada.user, created.external_id);
    CHECK(f.token_server.RefreshCount() == 2);
    CHECK(f.api.FindMeeting(created.external_id)->deleted);
    CHECK(f.store.Find(f.ada)->refresh_token ==
          f.token_server.LiveRefreshTokens("ada@example.com").at(0));

    const auto output = f.log.str();
    CHECK(output.find("zoom-access") == std::string::npos);
    CHECK(output.find("zoom-refresh") == std::string::npos);
    CHECK(output.find("fake-client-secret") == std::string::npos);
  }

  TEST_CASE("a revoked Zoom refresh token ends in ReconnectNeeded and needs_reconnect") {
    Fixture f;
    f.token_server.AddRefreshToken("zoom-refresh-0", "ada@example.com");
    f.store.Save(f.ada, oauth::TokenSet{"zoom-access-0", "zoom-refresh-0", kStart + 3000s, ""});
    f.token_server.RevokeRefreshToken("zoom-refresh-0");
    CHECK_THROWS_AS(f.meetings->CreateRecurringMeeting(f.ada.user, Standup()),
                    oauth::ReconnectNeeded);
    CHECK(f.store.StatusOf(f.ada) == oauth::CredentialStatus::kNeedsReconnect);
    CHECK(f.api.Meetings().empty());
  }
}
