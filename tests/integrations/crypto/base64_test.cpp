#include <officer/integrations/crypto/base64.hpp>

#include <doctest/doctest.h>

namespace crypto = officer::integrations::crypto;

TEST_SUITE("crypto") {
  TEST_CASE("base64 matches the RFC 4648 test vectors both ways") {
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
      CHECK(crypto::Base64Encode(plain) == encoded);
      CHECK(crypto::Base64Decode(encoded) == plain);
    }
  }

  TEST_CASE("base64url has no padding and uses - and _") {
    CHECK(crypto::Base64UrlEncode("\xfb\xff") == "-_8");
    CHECK(crypto::Base64UrlDecode("-_8") == std::string("\xfb\xff"));
    CHECK(crypto::Base64UrlEncode("f") == "Zg");
  }

  TEST_CASE("base64 decoding refuses foreign characters, bad padding and non-canonical endings") {
    CHECK_FALSE(crypto::Base64Decode("Zm9v!").has_value());
    CHECK_FALSE(crypto::Base64Decode("Zg=").has_value());
    CHECK_FALSE(crypto::Base64Decode("Zh==").has_value());
    CHECK_FALSE(crypto::Base64UrlDecode("Zg==").has_value());
    CHECK_FALSE(crypto::Base64UrlDecode("+/8").has_value());
    CHECK_FALSE(crypto::Base64UrlDecode("Z").has_value());
  }
}
