#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace officer::bot {

/// A transport-neutral HTTP request: what the listener received, with the body as raw bytes.
struct InboundRequest {
  std::string method;
  std::string path;
  std::string query;
  /// Header names lower-cased; a repeated header keeps its first value.
  std::map<std::string, std::string> headers;
  std::string body;
  /// True when the body exceeded the size limit and was not read.
  bool body_too_large = false;

  /// The header's value, matched case-insensitively.
  std::optional<std::string> Header(std::string_view name) const;
  /// The value of a query parameter, percent-decoded.
  std::optional<std::string> QueryParam(std::string_view name) const;
};

/// A transport-neutral HTTP response.
struct OutboundResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// The contract's error shape: {"error": code, "message": sentence}.
OutboundResponse JsonError(int status, std::string_view code, std::string_view message);

/// A 200 (or other status) response carrying a JSON document.
OutboundResponse JsonResponse(std::string json_text, int status = 200);

/// Decodes %XX escapes and (when plus_is_space) '+' into a space; bad escapes are kept verbatim.
std::string PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace officer::bot
