#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <officer/bot/http/inbound_request.hpp>

namespace officer::bot::http_wire {

/// HTTP/1.1 as it travels over a connection (RFC 9112), the part Officer's listener needs: the
/// head of a request, a chunked body, and a response. Pure functions over bytes; no I/O.

/// A request line and its header fields.
struct RequestHead {
  std::string method;
  std::string path;       ///< as sent, still percent-encoded; an absolute-form target's path
  std::string query;      ///< after '?', as sent; empty when none
  int minor_version = 1;  ///< HTTP/1.<minor_version>
  /// Field names lower-cased, values without surrounding white space; a repeated field keeps
  /// its first value.
  std::map<std::string, std::string> headers;
  std::optional<std::size_t> content_length;
  bool chunked = false;          ///< Transfer-Encoding: chunked
  bool keep_alive = true;        ///< false for HTTP/1.0 or Connection: close
  bool expect_continue = false;  ///< Expect: 100-continue
  std::size_t length = 0;        ///< bytes of the head, final blank line included
};

enum class Parse { kIncomplete, kComplete, kBad, kTooLarge };

struct HeadResult {
  Parse status = Parse::kIncomplete;
  RequestHead head;     ///< set when kComplete
  std::string problem;  ///< set when kBad: what is wrong, for the 400 answer
};

/// Parses the request head at the start of `buffer`. kIncomplete until the blank line has
/// arrived; kTooLarge once `max_head_bytes` have come without it.
HeadResult ParseHead(std::string_view buffer, std::size_t max_head_bytes);

struct ChunkedResult {
  Parse status = Parse::kIncomplete;
  std::size_t consumed = 0;  ///< bytes of `raw` the whole body took, when kComplete
};

/// Decodes a chunked body from the start of `raw` into `body` (replacing what it held), trailer
/// fields skipped. kTooLarge once the decoded body would pass `max_body_bytes`.
ChunkedResult DecodeChunked(std::string_view raw, std::size_t max_body_bytes, std::string& body);

/// The whole response: status line, Content-Type and Content-Length, the response's own header
/// fields, "Connection: close" when `close`, then the body (left out when `head_only`, for a
/// HEAD request).
std::string WriteResponse(const OutboundResponse& response, bool close, bool head_only);

/// A JSON error of the contract's shape for a request that could not be read.
OutboundResponse BadRequest(std::string_view problem);

}  // namespace officer::bot::http_wire
