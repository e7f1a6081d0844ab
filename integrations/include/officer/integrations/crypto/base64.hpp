#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace officer::integrations::crypto {

/// RFC 4648 base64 with padding.
std::string Base64Encode(std::string_view bytes);
/// Strict: the standard alphabet, padded to a multiple of 4; nullopt for anything else.
std::optional<std::string> Base64Decode(std::string_view text);

/// RFC 4648 base64url without padding (as JWTs and PKCE use it).
std::string Base64UrlEncode(std::string_view bytes);
/// Strict: the URL-safe alphabet, no padding; nullopt for anything else.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace officer::integrations::crypto
