#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <officer/fakes/fake_http_server.hpp>

namespace officer::fakes {

/// A meeting as the fake keeps it.
struct FakeZoomMeeting {
  std::uint64_t id = 0;
  std::string host;     ///< whose token created it
  nlohmann::json body;  ///< the POSTed body
  std::string join_url;
  bool deleted = false;
};

/// The Zoom Meetings API (v2) over real HTTP, with the documented shapes (see
/// shared/reference/calendars-video-oauth.md section 4):
/// - POST /users/me/meetings {topic, type, start_time, timezone, duration, recurrence, settings}
///   -> 201 {id (number), uuid, host_id, host_email, topic, type, status: "waiting",
///   start_time, duration, timezone, created_at, join_url, start_url, password, settings,
///   recurrence, occurrences}; 300 {code: 300, message} without a topic or with a type 8 but no
///   recurrence.
/// - GET /meetings/{id}: the meeting; 404 {code: 3001, "Meeting does not exist: {id}."}.
/// - DELETE /meetings/{id}: 204 for its host; 404 code 3001 when unknown or already deleted.
/// Auth: "Authorization: Bearer <token>" must be a token added with AddAccessToken, else HTTP
/// 401 {code: 124, message: "Invalid access token."}. Thread-safe. Scripted failures go through
/// Server().Enqueue(path, ...).
class FakeZoomApi {
 public:
  explicit FakeZoomApi(std::uint16_t port = 0);

  /// For ZOOM_API_BASE_URL: "http://127.0.0.1:<port>".
  std::string BaseUrl() const { return server_.BaseUrl(); }
  FakeHttpServer& Server() { return server_; }

  /// Bearer `token` acts as the Zoom user `email`.
  void AddAccessToken(std::string token, std::string email);
  void RemoveAccessToken(const std::string& token);
  /// The next `times` requests answer {code: 124, message: "Invalid access token."} with
  /// `status` (Zoom uses 401) whatever the token.
  void FailNextWithInvalidToken(int times = 1, int status = 401);

  std::vector<FakeZoomMeeting> Meetings() const;
  std::optional<FakeZoomMeeting> FindMeeting(const std::string& id) const;

 private:
  FakeResponse Dispatch(const RecordedRequest& request);
  FakeResponse Create(const std::string& host, const nlohmann::json& body);
  nlohmann::json View(const FakeZoomMeeting& meeting) const;

  mutable std::mutex mutex_;
  std::map<std::string, std::string> tokens_;  // token -> e-mail
  std::map<std::uint64_t, FakeZoomMeeting> meetings_;
  int fail_times_ = 0;
  int fail_status_ = 401;
  std::uint64_t next_id_ = 85746065432;

  // Last: its handlers reach the state above, so it stops before that state goes away.
  FakeHttpServer server_;
};

}  // namespace officer::fakes
