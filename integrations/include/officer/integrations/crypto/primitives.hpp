#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace officer::integrations::crypto {

/// `count` bytes from OpenSSL's CSPRNG. Throws PermanentError if it fails (it does not in
/// practice: it would mean the process has no entropy source).
std::string RandomBytes(std::size_t count);

/// SHA-256 of `data`: 32 raw bytes.
std::string Sha256(std::string_view data);

/// HMAC-SHA256 of `data` under `key`: 32 raw bytes.
std::string HmacSha256(std::string_view key, std::string_view data);

/// Lower-case hex of raw bytes.
std::string HexEncode(std::string_view bytes);

/// Compares in time independent of where the inputs differ (CRYPTO_memcmp); false for
/// different lengths.
bool ConstantTimeEquals(std::string_view lhs, std::string_view rhs);

}  // namespace officer::integrations::crypto
