#include <officer/bot/slack/signature.hpp>

#include <string>

#include <doctest/doctest.h>

namespace {

using officer::bot::slack::SignSlackRequest;
using officer::bot::slack::VerificationResult;
using officer::bot::slack::VerifySlackSignature;

constexpr std::string_view kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::string_view kTimestamp = "1531420618";
const date::sys_seconds kNow{std::chrono::seconds{1531420618}};

// Slack's published vector, as used by python-slack-sdk, java-slack-sdk and bolt-js.
constexpr std::string_view kSlackBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&"
    "channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&"
    "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%"
    "2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
constexpr std::string_view kSlackSignature =
    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

constexpr std::string_view kChallengeBody =
    R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})";
constexpr std::string_view kStandupBody =
    "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fstandup&text=book+9%3A30+%3C%"
    "40U0123ABCD%"
    "7Calice%3E+%3C%21subteam%5ES0456EFGH%7C%40team%3E&response_url=https%3A%2F%2Fhooks.slack.com%"
    "2Fcommands%2FT1%2F1%2Fabc&trigger_id=1.2.3";

VerificationResult Verify(std::string_view signature, std::string_view body,
                          date::sys_seconds now) {
  return VerifySlackSignature(kSecret, kTimestamp, signature, body, now);
}

}  // namespace

TEST_SUITE("bot.slack.signature") {
  TEST_CASE("Slack's published request verifies at its own timestamp") {
    CHECK(kSlackBody.size() == 362);
    CHECK(Verify(kSlackSignature, kSlackBody, kNow) == VerificationResult::kValid);
  }

  TEST_CASE("signing Slack's published request reproduces Slack's signature") {
    CHECK(SignSlackRequest(kSecret, kTimestamp, kSlackBody) == kSlackSignature);
  }

  TEST_CASE("signing with an instant formats it as Unix seconds") {
    CHECK(SignSlackRequest(kSecret, kNow, kSlackBody) == kSlackSignature);
  }

  TEST_CASE("an empty body signs to the reference vector") {
    constexpr std::string_view kExpected =
        "v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739";
    CHECK(SignSlackRequest(kSecret, kTimestamp, "") == kExpected);
    CHECK(Verify(kExpected, "", kNow) == VerificationResult::kValid);
  }

  TEST_CASE("a url_verification JSON body signs to the reference vector") {
    constexpr std::string_view kExpected =
        "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652";
    CHECK(SignSlackRequest(kSecret, kTimestamp, kChallengeBody) == kExpected);
    CHECK(Verify(kExpected, kChallengeBody, kNow) == VerificationResult::kValid);
  }

  TEST_CASE("a standup slash command body signs to the reference vector") {
    constexpr std::string_view kExpected =
        "v0=edb2899a4dd731a0130afd2d443db3fb4d8f054bd9f37676f188180710ab6211";
    CHECK(SignSlackRequest(kSecret, kTimestamp, kStandupBody) == kExpected);
    CHECK(Verify(kExpected, kStandupBody, kNow) == VerificationResult::kValid);
  }

  TEST_CASE("a request exactly five minutes old still verifies") {
    CHECK(Verify(kSlackSignature, kSlackBody, kNow + std::chrono::seconds{300}) ==
          VerificationResult::kValid);
  }

  TEST_CASE("a request more than five minutes old is stale") {
    CHECK(Verify(kSlackSignature, kSlackBody, kNow + std::chrono::seconds{301}) ==
          VerificationResult::kStale);
  }

  TEST_CASE("a request checked against the real clock today is stale") {
    const date::sys_seconds today{std::chrono::seconds{1767225600}};  // 2026-01-01
    CHECK(Verify(kSlackSignature, kSlackBody, today) == VerificationResult::kStale);
  }

  TEST_CASE("a request timestamped more than five minutes in the future is stale") {
    CHECK(Verify(kSlackSignature, kSlackBody, kNow - std::chrono::seconds{301}) ==
          VerificationResult::kStale);
  }

  TEST_CASE("a request timestamped exactly five minutes in the future still verifies") {
    CHECK(Verify(kSlackSignature, kSlackBody, kNow - std::chrono::seconds{300}) ==
          VerificationResult::kValid);
  }

  TEST_CASE("a stale request is refused even when its signature is correct for it") {
    const std::string old_ts = "1000";
    const auto signature = SignSlackRequest(kSecret, old_ts, kSlackBody);
    CHECK(VerifySlackSignature(kSecret, old_ts, signature, kSlackBody, kNow) ==
          VerificationResult::kStale);
  }

  TEST_CASE("a tampered body does not verify") {
    const std::string tampered = std::string{kSlackBody} + "------";
    CHECK(Verify(kSlackSignature, tampered, kNow) == VerificationResult::kMismatch);
  }

  TEST_CASE("a body changed by one byte does not verify") {
    std::string tampered{kSlackBody};
    tampered[tampered.find("U2CERLKJA")] = 'W';
    CHECK(Verify(kSlackSignature, tampered, kNow) == VerificationResult::kMismatch);
  }

  TEST_CASE("a different signing secret does not verify") {
    CHECK(VerifySlackSignature("not-the-secret", kTimestamp, kSlackSignature, kSlackBody, kNow) ==
          VerificationResult::kMismatch);
  }

  TEST_CASE("an empty signing secret never verifies, even a request signed with it") {
    const auto signature = SignSlackRequest("", kTimestamp, kSlackBody);
    CHECK(VerifySlackSignature("", kTimestamp, signature, kSlackBody, kNow) ==
          VerificationResult::kMismatch);
  }

  TEST_CASE("the signature is bound to the timestamp it was made with") {
    const auto signature = SignSlackRequest(kSecret, "1531420619", kSlackBody);
    CHECK(Verify(signature, kSlackBody, kNow) == VerificationResult::kMismatch);
  }

  TEST_CASE("a missing timestamp header is reported as missing headers") {
    CHECK(VerifySlackSignature(kSecret, "", kSlackSignature, kSlackBody, kNow) ==
          VerificationResult::kMissingHeaders);
  }

  TEST_CASE("a missing signature header is reported as missing headers") {
    CHECK(Verify("", kSlackBody, kNow) == VerificationResult::kMissingHeaders);
  }

  TEST_CASE("a timestamp that is not a whole number of seconds is a bad timestamp") {
    for (const std::string_view ts : {"abc", "1531420618.5", "-1531420618", "+1531420618",
                                      " 1531420618", "1531420618x", "99999999999999999999999"}) {
      CAPTURE(ts);
      CHECK(VerifySlackSignature(kSecret, ts, kSlackSignature, kSlackBody, kNow) ==
            VerificationResult::kBadTimestamp);
    }
  }

  TEST_CASE("a signature with another version prefix is a bad version") {
    std::string v1{kSlackSignature};
    v1[1] = '1';
    CHECK(Verify(v1, kSlackBody, kNow) == VerificationResult::kBadVersion);
    CHECK(Verify(kSlackSignature.substr(3), kSlackBody, kNow) == VerificationResult::kBadVersion);
  }

  TEST_CASE("a truncated signature does not verify") {
    CHECK(Verify(kSlackSignature.substr(0, 60), kSlackBody, kNow) == VerificationResult::kMismatch);
    CHECK(Verify("v0=", kSlackBody, kNow) == VerificationResult::kMismatch);
  }

  TEST_CASE("an uppercase hex signature does not verify because Slack sends lowercase") {
    std::string upper{kSlackSignature};
    for (auto i = std::size_t{3}; i < upper.size(); ++i) {
      if (upper[i] >= 'a' && upper[i] <= 'f') {
        upper[i] = static_cast<char>(upper[i] - 'a' + 'A');
      }
    }
    CHECK(Verify(upper, kSlackBody, kNow) == VerificationResult::kMismatch);
  }

  TEST_CASE("verification results have readable names for logs") {
    CHECK(ToString(VerificationResult::kValid) == "valid");
    CHECK(ToString(VerificationResult::kStale) == "stale");
    CHECK(ToString(VerificationResult::kMismatch) == "mismatch");
  }
}
