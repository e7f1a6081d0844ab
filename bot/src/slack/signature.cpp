#include <officer/bot/slack/signature.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <string>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace officer::bot::slack {
namespace {

constexpr std::string_view kVersionPrefix = "v0=";
constexpr std::size_t kHexDigestLength = 64;

std::string HexHmacSha256(std::string_view key, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  const auto* result = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                            digest.data(), &digest_length);
  if (result == nullptr) {
    return {};
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(std::size_t{digest_length} * 2);
  for (unsigned int i = 0; i < digest_length; ++i) {
    hex.push_back(kHex[digest[i] >> 4U]);
    hex.push_back(kHex[digest[i] & 0x0FU]);
  }
  return hex;
}

std::string BaseString(std::string_view timestamp, std::string_view raw_body) {
  std::string base;
  base.reserve(3 + timestamp.size() + 1 + raw_body.size());
  base.append("v0:").append(timestamp).append(":").append(raw_body);
  return base;
}

}  // namespace

VerificationResult VerifySlackSignature(std::string_view signing_secret,
                                        std::string_view timestamp_header,
                                        std::string_view signature_header,
                                        std::string_view raw_body, date::sys_seconds now) {
  if (timestamp_header.empty() || signature_header.empty()) {
    return VerificationResult::kMissingHeaders;
  }

  // Digits only: from_chars would accept a leading '-', and "12abc" must not pass as 12.
  std::int64_t seconds = 0;
  const auto* end = timestamp_header.data() + timestamp_header.size();
  const auto [parsed_to, error] = std::from_chars(timestamp_header.data(), end, seconds);
  if (error != std::errc{} || parsed_to != end || timestamp_header.front() == '-') {
    return VerificationResult::kBadTimestamp;
  }
  // Unsigned difference of the larger minus the smaller is exact and cannot overflow.
  const std::int64_t now_seconds = now.time_since_epoch().count();
  const std::uint64_t skew =
      seconds > now_seconds
          ? static_cast<std::uint64_t>(seconds) - static_cast<std::uint64_t>(now_seconds)
          : static_cast<std::uint64_t>(now_seconds) - static_cast<std::uint64_t>(seconds);
  if (skew > static_cast<std::uint64_t>(kSlackSignatureMaxSkew.count())) {
    return VerificationResult::kStale;
  }

  if (!signature_header.starts_with(kVersionPrefix)) {
    return VerificationResult::kBadVersion;
  }
  const std::string_view received = signature_header.substr(kVersionPrefix.size());
  if (signing_secret.empty() || received.size() != kHexDigestLength) {
    return VerificationResult::kMismatch;
  }
  const std::string expected =
      HexHmacSha256(signing_secret, BaseString(timestamp_header, raw_body));
  if (expected.size() != received.size() ||
      CRYPTO_memcmp(expected.data(), received.data(), expected.size()) != 0) {
    return VerificationResult::kMismatch;
  }
  return VerificationResult::kValid;
}

std::string SignSlackRequest(std::string_view signing_secret, std::string_view timestamp,
                             std::string_view raw_body) {
  return std::string{kVersionPrefix} +
         HexHmacSha256(signing_secret, BaseString(timestamp, raw_body));
}

std::string SignSlackRequest(std::string_view signing_secret, date::sys_seconds timestamp,
                             std::string_view raw_body) {
  return SignSlackRequest(signing_secret, std::to_string(timestamp.time_since_epoch().count()),
                          raw_body);
}

std::string_view ToString(VerificationResult result) {
  switch (result) {
    case VerificationResult::kValid:
      return "valid";
    case VerificationResult::kMissingHeaders:
      return "missing headers";
    case VerificationResult::kBadTimestamp:
      return "bad timestamp";
    case VerificationResult::kStale:
      return "stale";
    case VerificationResult::kBadVersion:
      return "bad version";
    case VerificationResult::kMismatch:
      return "mismatch";
  }
  return "unknown";
}

}  // namespace officer::bot::slack
