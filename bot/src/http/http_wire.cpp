#include <officer/bot/http/http_wire.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>

namespace officer::bot::http_wire {

namespace {

constexpr std::string_view kCrlf = "\r\n";

// RFC 9110 tchar: the characters of a method or a field name.
bool IsTokenChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c)) != 0) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool HasToken(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (Lower(Trim(list.substr(0, comma))) == token) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

HeadResult Bad(std::string problem) {
  HeadResult result;
  result.status = Parse::kBad;
  result.problem = std::move(problem);
  return result;
}

// Splits the request target into path and query; an absolute-form target ("http://host/x")
// keeps only its path, as a proxy-free server should accept it.
bool SplitTarget(std::string_view target, RequestHead& head) {
  if (target.empty()) return false;
  for (const char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  if (target.front() != '/' && target != "*") {
    const auto scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return false;
    const auto path_start = target.find('/', scheme_end + 3);
    target =
        path_start == std::string_view::npos ? std::string_view("/") : target.substr(path_start);
  }
  target = target.substr(0, target.find('#'));
  const auto question = target.find('?');
  head.path = std::string(target.substr(0, question));
  head.query = question == std::string_view::npos ? "" : std::string(target.substr(question + 1));
  return true;
}

struct ReasonPhrase {
  int status;
  std::string_view text;
};

constexpr std::array<ReasonPhrase, 24> kReasonPhrases = {{
    {100, "Continue"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {413, "Content Too Large"},
    {415, "Unsupported Media Type"},
    {429, "Too Many Requests"},
    {500, "Internal Server Error"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
}};

// The phrase is optional in HTTP/1.1; a status without one here goes without.
std::string_view Reason(int status) {
  for (const auto& phrase : kReasonPhrases) {
    if (phrase.status == status) return phrase.text;
  }
  return {};
}

// A header field as a handler set it, minus anything that could end the line early.
void AppendField(std::string& out, std::string_view name, std::string_view value) {
  for (const auto part : {name, std::string_view(": "), value}) {
    for (const char c : part) {
      if (c != '\r' && c != '\n') out.push_back(c);
    }
  }
  out.append(kCrlf);
}

}  // namespace

HeadResult ParseHead(std::string_view buffer, std::size_t max_head_bytes) {
  // Empty lines before a request line are allowed (RFC 9112 §2.2).
  std::size_t start = 0;
  while (buffer.substr(start, 2) == kCrlf) start += 2;
  const auto end = buffer.find("\r\n\r\n", start);
  if (end == std::string_view::npos || end + 4 > max_head_bytes) {
    HeadResult result;
    const bool too_large = end == std::string_view::npos ? buffer.size() >= max_head_bytes : true;
    result.status = too_large ? Parse::kTooLarge : Parse::kIncomplete;
    return result;
  }
  HeadResult result;
  RequestHead& head = result.head;
  head.length = end + 4;
  std::string_view rest = buffer.substr(start, end + 2 - start);  // each line ends in CRLF

  const auto line_end = rest.find(kCrlf);
  const std::string_view line = rest.substr(0, line_end);
  rest.remove_prefix(line_end + 2);
  const auto first_space = line.find(' ');
  const auto last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || first_space == last_space) {
    return Bad("the request line is not METHOD TARGET VERSION");
  }
  const std::string_view method = line.substr(0, first_space);
  const std::string_view target = line.substr(first_space + 1, last_space - first_space - 1);
  const std::string_view version = line.substr(last_space + 1);
  if (!IsToken(method)) return Bad("the method is not a token");
  if (version == "HTTP/1.1") {
    head.minor_version = 1;
  } else if (version == "HTTP/1.0") {
    head.minor_version = 0;
  } else {
    return Bad("only HTTP/1.0 and HTTP/1.1 are spoken here");
  }
  if (!SplitTarget(target, head)) return Bad("the request target is not a path");
  head.method = std::string(method);

  bool has_transfer_encoding = false;
  while (!rest.empty()) {
    const auto field_end = rest.find(kCrlf);
    const std::string_view field = rest.substr(0, field_end);
    rest.remove_prefix(field_end + 2);
    const auto colon = field.find(':');
    if (colon == std::string_view::npos || !IsToken(field.substr(0, colon))) {
      return Bad("a header line is not NAME: VALUE");
    }
    std::string name = Lower(field.substr(0, colon));
    const std::string_view value = Trim(field.substr(colon + 1));
    if (name == "content-length") {
      std::size_t length = 0;
      const auto [parsed_to, error] =
          std::from_chars(value.data(), value.data() + value.size(), length);
      if (value.empty() || error != std::errc{} || parsed_to != value.data() + value.size()) {
        return Bad("Content-Length is not a number");
      }
      if (head.content_length && *head.content_length != length) {
        return Bad("Content-Length is given twice, differently");
      }
      head.content_length = length;
    } else if (name == "transfer-encoding") {
      if (has_transfer_encoding || Lower(value) != "chunked") {
        return Bad("the only transfer coding understood is chunked");
      }
      has_transfer_encoding = true;
      head.chunked = true;
    } else if (name == "connection") {
      if (HasToken(value, "close")) head.keep_alive = false;
    } else if (name == "expect") {
      if (Lower(value) == "100-continue") head.expect_continue = true;
    }
    head.headers.emplace(std::move(name), std::string(value));
  }
  if (head.chunked && head.content_length) {
    return Bad("Content-Length and Transfer-Encoding cannot both be given");
  }
  if (head.minor_version == 0) head.keep_alive = false;
  result.status = Parse::kComplete;
  return result;
}

ChunkedResult DecodeChunked(std::string_view raw, std::size_t max_body_bytes, std::string& body) {
  constexpr std::size_t kMaxLine = 1024;  // a chunk-size line with extensions, or a trailer field
  body.clear();
  ChunkedResult result;
  std::size_t at = 0;
  for (;;) {
    const auto line_end = raw.find(kCrlf, at);
    if (line_end == std::string_view::npos) {
      if (raw.size() - at > kMaxLine) result.status = Parse::kBad;
      return result;
    }
    std::size_t size = 0;
    const auto* digits_end = raw.data() + line_end;
    const auto [parsed_to, error] = std::from_chars(raw.data() + at, digits_end, size, 16);
    if (parsed_to == raw.data() + at) {
      result.status = Parse::kBad;
      return result;
    }
    if (error == std::errc::result_out_of_range || size > max_body_bytes - body.size()) {
      result.status = Parse::kTooLarge;
      return result;
    }
    // After the size only chunk extensions may follow (";name=value"), which mean nothing here.
    const std::string_view after = Trim(std::string_view(parsed_to, digits_end - parsed_to));
    if (!after.empty() && after.front() != ';') {
      result.status = Parse::kBad;
      return result;
    }
    if (size == 0) {
      // Trailer fields, then the blank line that ends the body.
      std::size_t trailer = line_end + 2;
      for (;;) {
        const auto trailer_end = raw.find(kCrlf, trailer);
        if (trailer_end == std::string_view::npos) {
          if (raw.size() - trailer > kMaxLine) result.status = Parse::kBad;
          return result;
        }
        if (trailer_end == trailer) {
          result.status = Parse::kComplete;
          result.consumed = trailer_end + 2;
          return result;
        }
        trailer = trailer_end + 2;
      }
    }
    const std::size_t data = line_end + 2;
    if (raw.size() < data + size + 2) return result;
    if (raw.substr(data + size, 2) != kCrlf) {
      result.status = Parse::kBad;
      return result;
    }
    body.append(raw.substr(data, size));
    at = data + size + 2;
  }
}

std::string WriteResponse(const OutboundResponse& response, bool close, bool head_only) {
  const bool bodiless =
      response.status / 100 == 1 || response.status == 204 || response.status == 304;
  std::string out;
  out.reserve(160 + (bodiless || head_only ? 0 : response.body.size()));
  out.append("HTTP/1.1 ").append(std::to_string(response.status)).append(" ");
  out.append(Reason(response.status)).append(kCrlf);
  if (!bodiless && !response.content_type.empty()) {
    AppendField(out, "Content-Type", response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    // The framing fields are this function's to write.
    const std::string lower = Lower(name);
    if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection" ||
        (lower == "content-type" && !response.content_type.empty())) {
      continue;
    }
    AppendField(out, name, value);
  }
  if (!bodiless) {
    out.append("Content-Length: ").append(std::to_string(response.body.size())).append(kCrlf);
  }
  if (close) out.append("Connection: close\r\n");
  out.append(kCrlf);
  if (!bodiless && !head_only) out.append(response.body);
  return out;
}

OutboundResponse BadRequest(std::string_view problem) {
  return JsonError(400, "bad_request",
                   "The request could not be read as HTTP/1.1: " + std::string(problem) + ".");
}

}  // namespace officer::bot::http_wire
