#include <officer/bot/http/http_wire.hpp>

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

namespace wire = officer::bot::http_wire;
using officer::bot::OutboundResponse;
using wire::Parse;

wire::HeadResult Head(const std::string& text) { return wire::ParseHead(text, 64 * 1024); }

}  // namespace

TEST_SUITE("http wire") {
  TEST_CASE("a request head gives method, path, query and lower-cased fields") {
    const std::string text =
        "POST /slack/commands?x=1&y=%20 HTTP/1.1\r\nHost: officer\r\n"
        "Content-Type:  application/x-www-form-urlencoded \r\nX-Slack-Signature: v0=ab\r\n"
        "x-slack-signature: v0=cd\r\nContent-Length: 12\r\n\r\nbody...";
    const auto parsed = Head(text);
    REQUIRE(parsed.status == Parse::kComplete);
    const auto& head = parsed.head;
    CHECK(head.method == "POST");
    CHECK(head.path == "/slack/commands");
    CHECK(head.query == "x=1&y=%20");
    CHECK(head.minor_version == 1);
    CHECK(head.headers.at("content-type") == "application/x-www-form-urlencoded");
    CHECK(head.headers.at("x-slack-signature") == "v0=ab");  // the first of a repeated field
    CHECK(head.content_length == 12U);
    CHECK_FALSE(head.chunked);
    CHECK(head.keep_alive);
    CHECK(head.length == text.find("body..."));
  }

  TEST_CASE("a head is incomplete until its blank line, and too large past the limit") {
    CHECK(Head("GET / HTTP/1.1\r\nHost: x\r\n").status == Parse::kIncomplete);
    CHECK(Head("").status == Parse::kIncomplete);
    CHECK(wire::ParseHead("GET / HTTP/1.1\r\nHost: " + std::string(100, 'x'), 64).status ==
          Parse::kTooLarge);
    CHECK(wire::ParseHead("GET / HTTP/1.1\r\nHost: " + std::string(100, 'x') + "\r\n\r\n", 64)
              .status == Parse::kTooLarge);
  }

  TEST_CASE("empty lines before a request line are skipped") {
    const auto parsed = Head("\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n");
    REQUIRE(parsed.status == Parse::kComplete);
    CHECK(parsed.head.path == "/healthz");
    CHECK(parsed.head.length == std::string("\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n").size());
  }

  TEST_CASE("connection handling: HTTP/1.0 and Connection: close end the connection") {
    CHECK_FALSE(Head("GET / HTTP/1.0\r\n\r\n").head.keep_alive);
    CHECK_FALSE(Head("GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n").head.keep_alive);
    CHECK(Head("GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n").head.keep_alive);
    CHECK(Head("POST / HTTP/1.1\r\nExpect: 100-Continue\r\n\r\n").head.expect_continue);
  }

  TEST_CASE("an absolute-form target keeps its path") {
    const auto parsed = Head("GET http://officer:5000/readyz?a=b HTTP/1.1\r\n\r\n");
    REQUIRE(parsed.status == Parse::kComplete);
    CHECK(parsed.head.path == "/readyz");
    CHECK(parsed.head.query == "a=b");
    CHECK(Head("GET http://officer HTTP/1.1\r\n\r\n").head.path == "/");
  }

  TEST_CASE("malformed heads are refused with a reason") {
    for (const char* text : {
             "GET /\r\n\r\n",
             "GET  / HTTP/1.1\r\n\r\n",
             "G(T / HTTP/1.1\r\n\r\n",
             "GET / HTTP/2.0\r\n\r\n",
             "GET nowhere HTTP/1.1\r\n\r\n",
             "GET / HTTP/1.1\r\nno colon\r\n\r\n",
             "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
             "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
             "POST / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n",
             "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
             "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
             "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
             "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
             "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
         }) {
      CAPTURE(text);
      const auto parsed = Head(text);
      CHECK(parsed.status == Parse::kBad);
      CHECK_FALSE(parsed.problem.empty());
    }
    CHECK(Head("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n").status ==
          Parse::kComplete);
  }

  TEST_CASE("a chunked body is decoded, extensions and trailers skipped") {
    std::string body;
    const std::string raw = "5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-Trailer: t\r\n\r\nNEXT";
    const auto decoded = wire::DecodeChunked(raw, 1024, body);
    REQUIRE(decoded.status == Parse::kComplete);
    CHECK(body == "hello, world!!!");
    CHECK(decoded.consumed == raw.find("NEXT"));
  }

  TEST_CASE("a chunked body is incomplete until its last chunk and blank line") {
    std::string body;
    for (const char* raw : {"", "5\r\nhel", "5\r\nhello\r\n", "5\r\nhello\r\n0\r\n",
                            "5\r\nhello\r\n0\r\nX-Trailer: t\r\n"}) {
      CAPTURE(raw);
      CHECK(wire::DecodeChunked(raw, 1024, body).status == Parse::kIncomplete);
    }
  }

  TEST_CASE("a chunked body that is malformed or too large says so") {
    std::string body;
    CHECK(wire::DecodeChunked("zz\r\nhello\r\n0\r\n\r\n", 1024, body).status == Parse::kBad);
    CHECK(wire::DecodeChunked("5\r\nhelloXX0\r\n\r\n", 1024, body).status == Parse::kBad);
    CHECK(wire::DecodeChunked("5 x\r\nhello\r\n0\r\n\r\n", 1024, body).status == Parse::kBad);
    CHECK(wire::DecodeChunked("400\r\n", 1023, body).status == Parse::kTooLarge);
    CHECK(wire::DecodeChunked("3\r\nabc\r\n3\r\nabc\r\n", 5, body).status == Parse::kTooLarge);
    CHECK(wire::DecodeChunked("fffffffffffffffffffff\r\n", 1024, body).status == Parse::kTooLarge);
  }

  TEST_CASE("a response carries its status, type, fields and length") {
    OutboundResponse response{302, "text/plain", "moved", {{"Location", "https://x/y"}}};
    CHECK(wire::WriteResponse(response, false, false) ==
          "HTTP/1.1 302 Found\r\nContent-Type: text/plain\r\nLocation: https://x/y\r\n"
          "Content-Length: 5\r\n\r\nmoved");
    CHECK(wire::WriteResponse(response, true, true) ==
          "HTTP/1.1 302 Found\r\nContent-Type: text/plain\r\nLocation: https://x/y\r\n"
          "Content-Length: 5\r\nConnection: close\r\n\r\n");
  }

  TEST_CASE("a response's own framing fields are left out and line breaks removed") {
    OutboundResponse response{200, "application/json", "{}", {}};
    response.headers = {{"Content-Length", "99"},
                        {"Connection", "keep-alive"},
                        {"X-Note", "a\r\nSet-Cookie: evil"}};
    CHECK(wire::WriteResponse(response, false, false) ==
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Note: aSet-Cookie: evil\r\n"
          "Content-Length: 2\r\n\r\n{}");
    CHECK(wire::WriteResponse(OutboundResponse{204, "text/plain", "", {}}, false, false) ==
          "HTTP/1.1 204 No Content\r\n\r\n");
  }

  TEST_CASE("an unreadable request gets the contract's JSON error") {
    const auto response = wire::BadRequest("its head is larger than 64 KiB");
    CHECK(response.status == 400);
    const auto body = nlohmann::json::parse(response.body);
    CHECK(body.at("error") == "bad_request");
    CHECK(body.at("message").get<std::string>().find("64 KiB") != std::string::npos);
  }
}
