#include <officer/integrations/oauth/pkce.hpp>

#include <doctest/doctest.h>

namespace oauth = officer::integrations::oauth;

TEST_SUITE("oauth") {
  TEST_CASE("the S256 challenge matches RFC 7636 appendix B") {
    CHECK(oauth::Pkce::ChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
          "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  TEST_CASE("a new verifier is random, 43 to 128 unreserved characters") {
    const auto verifier = oauth::Pkce::NewVerifier();
    CHECK(verifier.size() == 64);
    CHECK(oauth::Pkce::IsValidVerifier(verifier));
    CHECK(oauth::Pkce::NewVerifier() != verifier);
    CHECK(oauth::Pkce::NewVerifier(10).size() == 43);
    CHECK(oauth::Pkce::NewVerifier(500).size() == 128);
    CHECK(oauth::Pkce::IsValidVerifier(oauth::Pkce::NewVerifier(128)));
  }

  TEST_CASE("a verifier that is too short, too long or has reserved characters is not valid") {
    CHECK_FALSE(oauth::Pkce::IsValidVerifier(std::string(42, 'a')));
    CHECK_FALSE(oauth::Pkce::IsValidVerifier(std::string(129, 'a')));
    CHECK_FALSE(oauth::Pkce::IsValidVerifier(std::string(42, 'a') + "+"));
    CHECK(oauth::Pkce::IsValidVerifier(std::string(40, 'a') + "-._~"));
  }
}
