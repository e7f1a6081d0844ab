#include <officer/bot/slack/signature.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <string>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace officer::bot::slack {
namespace {

constexpr std::string_view kVersionPrefix = "v0=";
constexpr std::size_t kHexDigestLength = 64;

// One HMAC-SHA256 context per thread, fetched once and re-keyed only when the key changes: a
// one-shot HMAC() looks the algorithms up in OpenSSL's provider tables on every call, which cost
// more than the hashing itself at thousands of requests a second.
class HmacSha256 {
 public:
  HmacSha256() : mac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)) {
    if (mac_ != nullptr) context_ = EVP_MAC_CTX_new(mac_);
  }
  ~HmacSha256() {
    EVP_MAC_CTX_free(context_);
    EVP_MAC_free(mac_);
  }
  HmacSha256(const HmacSha256&) = delete;
  HmacSha256& operator=(const HmacSha256&) = delete;

  /// The digest, or an empty string when OpenSSL fails.
  std::string Hex(std::string_view key, std::string_view message) {
    if (context_ == nullptr) return {};
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    std::size_t digest_length = 0;
    // With a null key EVP_MAC_init restarts from the key already set, skipping its hashing.
    const bool same_key = keyed_ && key == key_;
    std::array<OSSL_PARAM, 2> params = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("SHA256"), 0),
        OSSL_PARAM_construct_end()};
    const int initialised =
        same_key ? EVP_MAC_init(context_, nullptr, 0, nullptr)
                 : EVP_MAC_init(context_, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size(), params.data());
    keyed_ = initialised == 1;
    if (!keyed_) return {};
    if (!same_key) key_.assign(key);
    if (EVP_MAC_update(context_, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        EVP_MAC_final(context_, digest.data(), &digest_length, digest.size()) != 1) {
      keyed_ = false;
      return {};
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest_length * 2);
    for (std::size_t i = 0; i < digest_length; ++i) {
      hex.push_back(kHex[digest[i] >> 4U]);
      hex.push_back(kHex[digest[i] & 0x0FU]);
    }
    return hex;
  }

 private:
  EVP_MAC* mac_ = nullptr;
  EVP_MAC_CTX* context_ = nullptr;
  std::string key_;
  bool keyed_ = false;
};

std::string HexHmacSha256(std::string_view key, std::string_view message) {
  thread_local HmacSha256 hmac;
  return hmac.Hex(key, message);
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
