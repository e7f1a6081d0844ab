#pragma once

#include <string>
#include <variant>

namespace officer::domain {

/// The standup has no room and no video link.
struct NoLocation {
  friend bool operator==(const NoLocation&, const NoLocation&) = default;
};

/// A physical room, by its name or its calendar resource e-mail.
struct Room {
  std::string name_or_email;
  /// When the room's calendar showed it booked during an occurrence: ClashNote of the first
  /// clash. Empty while it is free, or not known.
  std::string clash_note = {};
  friend bool operator==(const Room&, const Room&) = default;
};

/// A video meeting. join_url and external_id are empty until the provider has created it.
struct VideoLink {
  std::string provider;  ///< e.g. "zoom"
  std::string join_url;
  std::string external_id;
  friend bool operator==(const VideoLink&, const VideoLink&) = default;
};

/// Whether the organizer's calendar adds this link to the event itself (Google Meet on Google,
/// Teams on Microsoft 365) instead of Officer creating a meeting at a video provider (Zoom).
inline bool ComesWithCalendarEvent(const VideoLink& link) {
  return link.provider == "meet" || link.provider == "teams";
}

/// Where the standup happens.
using Location = std::variant<NoLocation, Room, VideoLink>;

}  // namespace officer::domain
