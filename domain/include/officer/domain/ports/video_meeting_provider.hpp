#pragma once

#include <string>

#include <officer/domain/ids.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::domain {

/// A video meeting as the provider created it.
struct CreatedVideoMeeting {
  std::string join_url;
  std::string external_id;
};

/// A video meeting service (Zoom), acting for `owner`.
/// Failures throw TransientError or PermanentError.
class VideoMeetingProvider {
 public:
  VideoMeetingProvider() = default;
  VideoMeetingProvider(const VideoMeetingProvider&) = delete;
  VideoMeetingProvider& operator=(const VideoMeetingProvider&) = delete;
  virtual ~VideoMeetingProvider() = default;

  /// Creates a recurring meeting matching the standup's schedule; returns its link and id.
  virtual CreatedVideoMeeting CreateRecurringMeeting(const UserId& owner,
                                                     const StandupMeeting& meeting) = 0;
  /// Deletes the meeting; deleting a missing meeting is not an error.
  virtual void DeleteMeeting(const UserId& owner, const std::string& external_id) = 0;
};

}  // namespace officer::domain
