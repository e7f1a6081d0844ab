#pragma once

#include <string>
#include <string_view>

#include <date/date.h>

namespace officer::bot::slack {

/// Why a request did or did not pass Slack's signature check. Only `kValid` may be acted on; the
/// reason for any other value is for a debug log line, the client just gets an opaque 401.
enum class VerificationResult {
  kValid,
  kMissingHeaders,  ///< X-Slack-Request-Timestamp or X-Slack-Signature absent/empty
  kBadTimestamp,    ///< timestamp is not a plain decimal number of seconds
  kStale,           ///< |now - timestamp| > 300 s, in either direction
  kBadVersion,      ///< signature does not start with "v0="
  kMismatch,        ///< HMAC differs (or no signing secret is configured)
};

/// Replay window: a request more than this far from `now`, past or future, is refused.
inline constexpr std::chrono::seconds kSlackSignatureMaxSkew{300};

/// Checks a Slack request signature
/// (https://api.slack.com/authentication/verifying-requests-from-slack): HMAC-SHA256 keyed by the
/// signing secret over "v0:" + timestamp + ":" + raw_body, lowercase hex, compared in constant
/// time. `raw_body` must be the exact bytes received, before any decoding. An empty signing secret
/// never verifies. Pure: no I/O, no clock, never throws.
VerificationResult VerifySlackSignature(std::string_view signing_secret,
                                        std::string_view timestamp_header,
                                        std::string_view signature_header,
                                        std::string_view raw_body, date::sys_seconds now);

/// The X-Slack-Signature value Slack would send: "v0=" followed by 64 lowercase hex digits.
std::string SignSlackRequest(std::string_view signing_secret, std::string_view timestamp,
                             std::string_view raw_body);

/// Same, with the timestamp given as an instant (formatted as Unix seconds).
std::string SignSlackRequest(std::string_view signing_secret, date::sys_seconds timestamp,
                             std::string_view raw_body);

/// A short lowercase name for logs, e.g. "stale".
std::string_view ToString(VerificationResult result);

}  // namespace officer::bot::slack
