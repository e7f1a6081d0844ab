#include <officer/integrations/oauth/oauth_state.hpp>

#include <variant>

#include <doctest/doctest.h>

#include <officer/integrations/oauth/pkce.hpp>

namespace {

namespace crypto = officer::integrations::crypto;
namespace oauth = officer::integrations::oauth;
namespace d = officer::domain;
using std::chrono::minutes;
using std::chrono::seconds;

const date::sys_seconds kNow = date::sys_days{date::year{2026} / 12 / 1} + std::chrono::hours{9};

crypto::SecretKey Key(char digit) { return *crypto::SecretKey::FromHex(std::string(64, digit)); }

oauth::OAuthStateClaims Claims() {
  return oauth::OAuthState::NewClaims(d::WorkspaceId("T1"), d::UserId("U1"), "google", kNow);
}

oauth::StateError ErrorOf(const oauth::VerifiedState& verified) {
  REQUIRE(std::holds_alternative<oauth::StateError>(verified));
  return std::get<oauth::StateError>(verified);
}

}  // namespace

TEST_SUITE("oauth") {
  TEST_CASE("a signed state verifies to the same workspace, user, provider, nonce and expiry") {
    const oauth::OAuthState states(Key('1'));
    const auto claims = Claims();
    CHECK(claims.expires_at == kNow + minutes{10});
    CHECK(claims.nonce.size() >= 22);
    const auto verified = states.Verify(states.Sign(claims), kNow + minutes{9});
    REQUIRE(std::holds_alternative<oauth::OAuthStateClaims>(verified));
    CHECK(std::get<oauth::OAuthStateClaims>(verified) == claims);
  }

  TEST_CASE("a state is refused once ten minutes have passed") {
    const oauth::OAuthState states(Key('1'));
    const auto state = states.Sign(Claims());
    CHECK(ErrorOf(states.Verify(state, kNow + minutes{10})) == oauth::StateError::kExpired);
    CHECK(std::holds_alternative<oauth::OAuthStateClaims>(
        states.Verify(state, kNow + minutes{10} - seconds{1})));
  }

  TEST_CASE("a changed state or one signed under another key is tampered") {
    const oauth::OAuthState states(Key('1'));
    auto state = states.Sign(Claims());
    SUBCASE("another key") {
      CHECK(ErrorOf(oauth::OAuthState(Key('2')).Verify(state, kNow)) ==
            oauth::StateError::kTampered);
    }
    SUBCASE("the payload names someone else") {
      auto other = Claims();
      other.user = d::UserId("U2");
      const auto forged = states.Sign(other);
      const auto swapped = forged.substr(0, forged.find('.')) + state.substr(state.find('.'));
      CHECK(ErrorOf(states.Verify(swapped, kNow)) == oauth::StateError::kTampered);
    }
    SUBCASE("a flipped signature character") {
      state.back() = state.back() == 'A' ? 'B' : 'A';
      CHECK(ErrorOf(states.Verify(state, kNow)) == oauth::StateError::kTampered);
    }
  }

  TEST_CASE("text that is not a state is malformed") {
    const oauth::OAuthState states(Key('1'));
    CHECK(ErrorOf(states.Verify("", kNow)) == oauth::StateError::kMalformed);
    CHECK(ErrorOf(states.Verify("no-dot-here", kNow)) == oauth::StateError::kMalformed);
    CHECK(ErrorOf(states.Verify(".sig", kNow)) == oauth::StateError::kMalformed);
    CHECK(ErrorOf(states.Verify(std::string(5000, 'a') + ".b", kNow)) ==
          oauth::StateError::kMalformed);
  }

  TEST_CASE(
      "the PKCE verifier of a flow is a valid verifier that only the state's nonce and key "
      "determine") {
    const oauth::OAuthState states(Key('1'));
    const auto claims = Claims();
    const auto verifier = states.PkceVerifierFor(claims);
    CHECK(oauth::Pkce::IsValidVerifier(verifier));
    CHECK(states.PkceVerifierFor(claims) == verifier);
    CHECK(oauth::OAuthState(Key('1')).PkceVerifierFor(claims) == verifier);
    CHECK(oauth::OAuthState(Key('2')).PkceVerifierFor(claims) != verifier);
    CHECK(states.PkceVerifierFor(Claims()) != verifier);
  }
}
