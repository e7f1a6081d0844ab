#include <officer/fakes/fake_http_server.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <cpprest/http_listener.h>

namespace officer::fakes {

namespace {

namespace cpprest = web::http;
using utility::conversions::to_string_t;
using utility::conversions::to_utf8string;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Asks the kernel for a free loopback port. Another process could take it before the listener
// binds; the constructor retries with a fresh port when that happens.
std::uint16_t FindFreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("FakeHttpServer: socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("FakeHttpServer: cannot find a free port");
  return ntohs(address.sin_port);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::string_view kLoopbackCertificatePem = R"pem(-----BEGIN CERTIFICATE-----
MIIBaTCCAQ+gAwIBAgIUU4d6I4RqrKRNwZ4BbEBQr4jsV80wCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQb2ZmaWNlci1mYWtlLXRsczAgFw0wMDAxMDEwMDAwMDBaGA8y
OTk5MTIzMTAwMDAwMFowGzEZMBcGA1UEAwwQb2ZmaWNlci1mYWtlLXRsczBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABFy0aJYIx+NhGNI1ZjZLH6UONSo+iVYXl4K7
zIruQn9KctjjP/AW05i6F6RN+psSSSuBYKuVrUGE1nTIbASEwiyjLzAtMBoGA1Ud
EQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
BAMCA0gAMEUCIQCf/YKtwQwwncjx/y4BELmjK6C4wq/R9JXFWldsEDJJXAIgYRk0
M4aVkhU+WB0oZzi43jR66okq6kQhskRccQ1AmSc=
-----END CERTIFICATE-----
)pem";

constexpr std::string_view kLoopbackPrivateKeyPem = R"pem(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggkui9zroSviBsG+S
zalmL5Eb04KPa3T+4umIGydQi8yhRANCAARctGiWCMfjYRjSNWY2Sx+lDjUqPolW
F5eCu8yK7kJ/SnLY4z/wFtOYuhekTfqbEkkrgWCrla1BhNZ0yGwEhMIs
-----END PRIVATE KEY-----
)pem";

}  // namespace

std::string_view LoopbackCertificatePem() { return kLoopbackCertificatePem; }
std::string_view LoopbackPrivateKeyPem() { return kLoopbackPrivateKeyPem; }

std::string UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseFormFields(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> fields;
  while (!text.empty()) {
    auto end = text.find('&');
    std::string_view part = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (part.empty()) continue;
    auto equals = part.find('=');
    if (equals == std::string_view::npos) {
      fields.emplace_back(UrlDecode(part), std::string());
    } else {
      fields.emplace_back(UrlDecode(part.substr(0, equals)), UrlDecode(part.substr(equals + 1)));
    }
  }
  return fields;
}

std::string RecordedRequest::Header(std::string_view name) const {
  auto it = headers.find(Lower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> RecordedRequest::QueryParam(std::string_view name) const {
  for (auto& [key, value] : ParseFormFields(query)) {
    if (key == name) return value;
  }
  return std::nullopt;
}

FakeResponse FakeResponse::Json(std::string json_text, int status) {
  FakeResponse response;
  response.status = status;
  response.body = std::move(json_text);
  return response;
}

FakeResponse FakeResponse::Status(int status) {
  FakeResponse response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "status " + std::to_string(status);
  return response;
}

FakeResponse FakeResponse::RateLimited(int retry_after_seconds) {
  auto response = Json(R"({"ok":false,"error":"ratelimited"})", 429);
  response.headers["Retry-After"] = std::to_string(retry_after_seconds);
  return response;
}

FakeResponse FakeResponse::NeverAnswer() {
  auto response = Status(504);
  response.delay = std::chrono::hours(1);
  return response;
}

struct FakeHttpServer::Pending {
  cpprest::http_request request;
  RecordedRequest recorded;
};

FakeHttpServer::FakeHttpServer(std::uint16_t port, bool tls) : tls_(tls) {
  fallback_ = [](const RecordedRequest&) {
    return FakeResponse::Json(R"({"error":"not_found"})", 404);
  };
  constexpr int kTries = 5;
  for (int attempt = 1;; ++attempt) {
    port_ = port != 0 ? port : FindFreePort();
    cpprest::experimental::listener::http_listener_config config;
    if (tls_) {
      config.set_ssl_context_callback([](boost::asio::ssl::context& context) {
        context.use_certificate_chain(
            boost::asio::buffer(kLoopbackCertificatePem.data(), kLoopbackCertificatePem.size()));
        context.use_private_key(
            boost::asio::buffer(kLoopbackPrivateKeyPem.data(), kLoopbackPrivateKeyPem.size()),
            boost::asio::ssl::context::pem);
      });
    }
    listener_ = std::make_unique<cpprest::experimental::listener::http_listener>(
        to_string_t(BaseUrl() + "/"), config);
    listener_->support([this](const cpprest::http_request& request) {
      auto pending = std::make_shared<Pending>(Pending{request, {}});
      {
        std::lock_guard lock(mutex_);
        ++in_flight_;
      }
      try {
        OnRequest(pending);
      } catch (const std::exception&) {
        // Nothing was scheduled; the listener answers 500 for an unanswered request.
        Finish();
      }
    });
    try {
      listener_->open().wait();
      return;
    } catch (const std::exception& error) {
      listener_.reset();
      if (port != 0 || attempt >= kTries) {
        throw std::runtime_error(std::string("FakeHttpServer: cannot listen: ") + error.what());
      }
    }
  }
}

FakeHttpServer::~FakeHttpServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  try {
    listener_->close().wait();
  } catch (const std::exception&) {
    // Closing is best effort: the test is over either way.
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return in_flight_ == 0; });
}

std::string FakeHttpServer::BaseUrl() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

void FakeHttpServer::Handle(std::string path, FakeHandler handler) {
  std::lock_guard lock(mutex_);
  handlers_[std::move(path)] = std::move(handler);
}

void FakeHttpServer::SetFallback(FakeHandler handler) {
  std::lock_guard lock(mutex_);
  fallback_ = std::move(handler);
}

void FakeHttpServer::Enqueue(const std::string& path, FakeResponse response, int times) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < times; ++i) scripted_[path].push_back(response);
}

std::vector<RecordedRequest> FakeHttpServer::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<RecordedRequest> FakeHttpServer::RequestsTo(std::string_view path) const {
  std::lock_guard lock(mutex_);
  std::vector<RecordedRequest> out;
  for (const auto& request : requests_) {
    if (request.path == path) out.push_back(request);
  }
  return out;
}

std::size_t FakeHttpServer::CountTo(std::string_view path) const { return RequestsTo(path).size(); }

void FakeHttpServer::ClearRequests() {
  std::lock_guard lock(mutex_);
  requests_.clear();
}

void FakeHttpServer::Finish() {
  // Notify under the lock: the destructor may run as soon as in_flight_ reaches zero.
  std::lock_guard lock(mutex_);
  --in_flight_;
  changed_.notify_all();
}

void FakeHttpServer::OnRequest(const std::shared_ptr<Pending>& pending) {
  auto& request = pending->request;
  auto& recorded = pending->recorded;
  recorded.method = to_utf8string(request.method());
  recorded.path = to_utf8string(request.relative_uri().path());
  recorded.query = to_utf8string(request.relative_uri().query());
  for (const auto& [name, value] : request.headers()) {
    recorded.headers.emplace(Lower(to_utf8string(name)), to_utf8string(value));
  }

  request.extract_vector().then([this, pending](pplx::task<std::vector<unsigned char>> body) {
    try {
      auto bytes = body.get();
      pending->recorded.body.assign(bytes.begin(), bytes.end());
    } catch (const std::exception&) {
      // The client went away mid-body; answer what we have.
    }
    FakeResponse answer;
    try {
      answer = Respond(pending->recorded);
    } catch (const std::exception& error) {
      answer = FakeResponse::Json(std::string(R"({"error":"fake_handler_threw"})"), 500);
      answer.headers["X-Fake-Error"] = error.what();
    }
    if (answer.delay.count() > 0) {
      std::unique_lock lock(mutex_);
      changed_.wait_for(lock, answer.delay, [this] { return stopping_; });
    }
    cpprest::http_response response(static_cast<cpprest::status_code>(answer.status));
    for (const auto& [name, value] : answer.headers) {
      response.headers().add(to_string_t(name), to_string_t(value));
    }
    if (!answer.body.empty()) response.set_body(std::move(answer.body), answer.content_type);
    try {
      pending->request.reply(response).then([this](pplx::task<void> sent) {
        try {
          sent.get();
        } catch (const std::exception&) {
          // The client timed out and closed the connection: nothing to tell.
        }
        Finish();
      });
    } catch (const std::exception&) {
      Finish();
    }
  });
}

FakeResponse FakeHttpServer::Respond(const RecordedRequest& request) {
  FakeHandler handler;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (auto queue = scripted_.find(request.path);
        queue != scripted_.end() && !queue->second.empty()) {
      auto response = std::move(queue->second.front());
      queue->second.pop_front();
      return response;
    }
    auto it = handlers_.find(request.path);
    handler = it != handlers_.end() ? it->second : fallback_;
  }
  return handler(request);
}

}  // namespace officer::fakes
