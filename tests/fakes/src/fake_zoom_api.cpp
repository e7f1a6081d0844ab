#include <officer/fakes/fake_zoom_api.hpp>

#include <algorithm>
#include <cctype>

namespace officer::fakes {

namespace {

using nlohmann::json;

constexpr std::string_view kMeetingsPrefix = "/meetings/";

FakeResponse ZoomError(int status, int code, std::string message) {
  return FakeResponse::Json(json{{"code", code}, {"message", std::move(message)}}.dump(), status);
}

// 204 must carry no body: FakeResponse::Status(204) sends its text, which a client reading
// no body for 204 takes as the start of the next response on a kept-alive connection.
FakeResponse NoContent() {
  FakeResponse response;
  response.status = 204;
  return response;
}

std::string BearerToken(const RecordedRequest& request) {
  const std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.rfind(kBearer, 0) == 0 ? header.substr(kBearer.size()) : std::string();
}

std::optional<std::uint64_t> ParseId(std::string_view text) {
  if (text.empty() || text.size() > 19 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoull(std::string(text));
}

}  // namespace

FakeZoomApi::FakeZoomApi(std::uint16_t port) : server_(port) {
  server_.SetFallback([this](const RecordedRequest& request) { return Dispatch(request); });
}

void FakeZoomApi::AddAccessToken(std::string token, std::string email) {
  std::lock_guard lock(mutex_);
  tokens_[std::move(token)] = std::move(email);
}

void FakeZoomApi::RemoveAccessToken(const std::string& token) {
  std::lock_guard lock(mutex_);
  tokens_.erase(token);
}

void FakeZoomApi::FailNextWithInvalidToken(int times, int status) {
  std::lock_guard lock(mutex_);
  fail_times_ = times;
  fail_status_ = status;
}

std::vector<FakeZoomMeeting> FakeZoomApi::Meetings() const {
  std::lock_guard lock(mutex_);
  std::vector<FakeZoomMeeting> out;
  for (const auto& [id, meeting] : meetings_) out.push_back(meeting);
  return out;
}

std::optional<FakeZoomMeeting> FakeZoomApi::FindMeeting(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto number = ParseId(id);
  if (!number) return std::nullopt;
  auto found = meetings_.find(*number);
  if (found == meetings_.end()) return std::nullopt;
  return found->second;
}

FakeResponse FakeZoomApi::Dispatch(const RecordedRequest& request) {
  std::lock_guard lock(mutex_);
  const auto token = tokens_.find(BearerToken(request));
  if (fail_times_ > 0 || token == tokens_.end()) {
    const int status = fail_times_ > 0 ? fail_status_ : 401;
    if (fail_times_ > 0) --fail_times_;
    return ZoomError(status, 124, "Invalid access token.");
  }
  const std::string host = token->second;
  if (request.path == "/users/me/meetings" && request.method == "POST") {
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return ZoomError(400, 300, "Request Body should be a valid JSON object.");
    }
    return Create(host, body);
  }
  std::string_view path = request.path;
  if (path.rfind(kMeetingsPrefix, 0) != 0) return ZoomError(404, 404, "Not Found");
  path.remove_prefix(kMeetingsPrefix.size());
  const auto id = ParseId(path);
  auto found = id ? meetings_.find(*id) : meetings_.end();
  if (found == meetings_.end() || found->second.deleted || found->second.host != host) {
    return ZoomError(404, 3001, "Meeting does not exist: " + std::string(path) + ".");
  }
  if (request.method == "GET") return FakeResponse::Json(View(found->second).dump());
  if (request.method == "DELETE") {
    found->second.deleted = true;
    return NoContent();
  }
  return ZoomError(405, 405, "Method Not Allowed");
}

FakeResponse FakeZoomApi::Create(const std::string& host, const json& body) {
  if (!body.contains("topic") || !body["topic"].is_string()) {
    return ZoomError(400, 300, "Validation Failed.");
  }
  if (body.value("type", 2) == 8 &&
      (!body.contains("recurrence") || !body["recurrence"].is_object())) {
    return ZoomError(400, 300, "Recurrence is required for a recurring meeting with fixed time.");
  }
  FakeZoomMeeting meeting;
  meeting.id = next_id_++;
  meeting.host = host;
  meeting.body = body;
  meeting.join_url = "https://us05web.zoom.us/j/" + std::to_string(meeting.id) + "?pwd=fakePwd" +
                     std::to_string(meeting.id % 1000);
  const auto& stored = meetings_.emplace(meeting.id, std::move(meeting)).first->second;
  return FakeResponse::Json(View(stored).dump(), 201);
}

json FakeZoomApi::View(const FakeZoomMeeting& meeting) const {
  json view = meeting.body;
  view["id"] = meeting.id;
  view["uuid"] = "fakeUuid" + std::to_string(meeting.id) + "==";
  view["host_id"] = "fakeHost";
  view["host_email"] = meeting.host;
  view["status"] = "waiting";
  view["created_at"] = "2026-11-30T12:00:00Z";
  view["join_url"] = meeting.join_url;
  view["start_url"] = "https://us05web.zoom.us/s/" + std::to_string(meeting.id) + "?zak=fake";
  view["password"] = "fakePwd";
  view["occurrences"] = json::array();
  return view;
}

}  // namespace officer::fakes
