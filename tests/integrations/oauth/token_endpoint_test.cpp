#include <officer/integrations/oauth/token_endpoint.hpp>

#include <chrono>
#include <sstream>

#include <doctest/doctest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <officer/fakes/fake_oauth_token_server.hpp>
#include <officer/integrations/http/http_transport.hpp>
#include <officer/integrations/oauth/pkce.hpp>
#include <officer/integrations/oauth/reconnect_needed.hpp>

namespace {

using namespace std::chrono_literals;
using officer::fakes::FakeOAuthOptions;
using officer::fakes::FakeOAuthTokenServer;
using officer::fakes::FakeResponse;
namespace http = officer::integrations::http;
namespace oauth = officer::integrations::oauth;

const date::sys_seconds kNow = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{9};
constexpr std::string_view kRedirect = "http://localhost:5000/oauth/google/callback";

struct Fixture {
  explicit Fixture(FakeOAuthOptions options = {},
                   oauth::ClientAuth auth = oauth::ClientAuth::kRequestBody)
      : fake(std::move(options)) {
    logger->set_level(spdlog::level::trace);
    http::HttpTransportConfig config;
    config.timeout = 10000ms;
    config.retry.initial_backoff = 1ms;
    auto transport = std::make_shared<http::HttpTransport>(config, logger, [](auto) {});
    endpoint = std::make_unique<oauth::TokenEndpoint>(
        transport,
        oauth::TokenEndpointConfig{"google", fake.TokenUrl(), fake.Options().client_id,
                                   fake.Options().client_secret, auth, ""},
        logger);
  }

  FakeOAuthTokenServer fake;
  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>(
      "test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  std::unique_ptr<oauth::TokenEndpoint> endpoint;
};

}  // namespace

TEST_SUITE("oauth") {
  TEST_CASE("a code exchange sends a form with the client in the body and the PKCE verifier") {
    Fixture f;
    const auto verifier = oauth::Pkce::NewVerifier();
    f.fake.AddAuthorizationCode("4/code-1", "ada@example.com", std::string(kRedirect),
                                oauth::Pkce::ChallengeS256(verifier), "calendar.events");
    const auto tokens = f.endpoint->ExchangeCode("4/code-1", kRedirect, verifier, kNow);

    CHECK(tokens.access_token.rfind("ya29.fake-", 0) == 0);
    REQUIRE(tokens.refresh_token.has_value());
    CHECK(f.fake.LiveRefreshTokens("ada@example.com") ==
          std::vector<std::string>{*tokens.refresh_token});
    CHECK(tokens.expires_at == kNow + 3599s);
    CHECK(tokens.scope == "calendar.events");
    const auto requests = f.fake.TokenRequests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].form.at("grant_type") == "authorization_code");
    CHECK(requests[0].form.at("client_id") == "fake-client-id");
    CHECK(requests[0].form.at("client_secret") == "fake-client-secret");
    CHECK(requests[0].form.at("redirect_uri") == kRedirect);
    CHECK(requests[0].authorization.empty());
  }

  TEST_CASE("a wrong PKCE verifier or a used code is invalid_grant, reported as ReconnectNeeded") {
    Fixture f;
    f.fake.AddAuthorizationCode("4/code-1", "ada@example.com", std::string(kRedirect),
                                oauth::Pkce::ChallengeS256(oauth::Pkce::NewVerifier()));
    CHECK_THROWS_AS(
        f.endpoint->ExchangeCode("4/code-1", kRedirect, oauth::Pkce::NewVerifier(), kNow),
        oauth::ReconnectNeeded);
    CHECK_THROWS_AS(f.endpoint->ExchangeCode("4/code-1", kRedirect, "", kNow),
                    oauth::ReconnectNeeded);
  }

  TEST_CASE("a Google refresh answers no refresh token, so the result leaves it absent") {
    Fixture f;
    f.fake.AddRefreshToken("1//refresh-ada", "ada@example.com");
    const auto tokens = f.endpoint->Refresh("1//refresh-ada", kNow);
    CHECK_FALSE(tokens.access_token.empty());
    CHECK_FALSE(tokens.refresh_token.has_value());
    CHECK(tokens.expires_at == kNow + 3599s);
    const auto requests = f.fake.TokenRequests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].form.at("grant_type") == "refresh_token");
    CHECK(requests[0].form.at("refresh_token") == "1//refresh-ada");
  }

  TEST_CASE(
      "a revoked refresh token is ReconnectNeeded and the token is in neither message nor log") {
    Fixture f;
    f.fake.AddRefreshToken("1//refresh-ada", "ada@example.com");
    f.fake.RevokeRefreshToken("1//refresh-ada");
    try {
      f.endpoint->Refresh("1//refresh-ada", kNow);
      FAIL("expected ReconnectNeeded");
    } catch (const oauth::ReconnectNeeded& error) {
      CHECK(error.Provider() == "google");
      CHECK(std::string(error.what()).find("refresh-ada") == std::string::npos);
    }
    CHECK(f.log.str().find("invalid_grant") != std::string::npos);
    CHECK(f.log.str().find("refresh-ada") == std::string::npos);
    CHECK(f.log.str().find("fake-client-secret") == std::string::npos);
  }

  TEST_CASE("Zoom-style Basic client authentication and rotated refresh tokens") {
    Fixture f(FakeOAuthTokenServer::ZoomOptions(), oauth::ClientAuth::kBasic);
    f.fake.AddRefreshToken("zoom-refresh-old", "ada@example.com");
    const auto tokens = f.endpoint->Refresh("zoom-refresh-old", kNow);
    REQUIRE(tokens.refresh_token.has_value());
    CHECK(*tokens.refresh_token != "zoom-refresh-old");
    const auto requests = f.fake.TokenRequests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].authorization.rfind("Basic ", 0) == 0);
    CHECK(requests[0].form.count("client_secret") == 0);
    CHECK_THROWS_AS(f.endpoint->Refresh("zoom-refresh-old", kNow), oauth::ReconnectNeeded);
  }

  TEST_CASE("other refusals are PermanentError naming the OAuth error, 5xx are TransientError") {
    Fixture f;
    SUBCASE("a wrong client secret") {
      f.fake.AddRefreshToken("1//r", "ada@example.com");
      const oauth::TokenEndpoint wrong(
          std::make_shared<http::HttpTransport>(http::HttpTransportConfig{}, f.logger),
          oauth::TokenEndpointConfig{"google", f.fake.TokenUrl(), "fake-client-id", "other",
                                     oauth::ClientAuth::kRequestBody, ""},
          f.logger);
      try {
        wrong.Refresh("1//r", kNow);
        FAIL("expected PermanentError");
      } catch (const oauth::ReconnectNeeded&) {
        FAIL("invalid_client is not a revoked grant");
      } catch (const officer::PermanentError& error) {
        CHECK(std::string(error.what()).find("invalid_client") != std::string::npos);
      }
    }
    SUBCASE("a server error") {
      f.fake.Server().Enqueue("/token", FakeResponse::Status(503), 3);
      CHECK_THROWS_AS(f.endpoint->Refresh("1//r", kNow), officer::TransientError);
    }
    SUBCASE("a 200 without an access token") {
      f.fake.Server().Enqueue("/token", FakeResponse::Json(R"({"token_type":"Bearer"})"));
      CHECK_THROWS_AS(f.endpoint->Refresh("1//r", kNow), officer::TransientError);
    }
  }
}
