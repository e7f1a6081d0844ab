#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <date/date.h>

#include <officer/bot/slack/expected.hpp>

namespace officer::bot::slack {

/// The slash command's name when the caller does not say otherwise.
inline constexpr std::string_view kDefaultSlashCommand = "/standup";

/// `help` (or `?`, `usage`).
struct HelpCommand {
  friend bool operator==(const HelpCommand&, const HelpCommand&) = default;
};

/// Empty text: open the booking modal.
struct OpenModalCommand {
  friend bool operator==(const OpenModalCommand&, const OpenModalCommand&) = default;
};

/// Days of the week a standup repeats on; index 0 is Monday, 6 is Sunday (ISO order).
using DaySet = std::array<bool, 7>;
inline constexpr DaySet kWeekdays{true, true, true, true, true, false, false};
inline constexpr DaySet kEveryDay{true, true, true, true, true, true, true};

/// Everyone named in `book`, by kind, in the order typed, without duplicates. Groups and channels
/// are expanded to people later; the organizer is added later too.
struct Participants {
  std::vector<std::string> users;       ///< user ids, "U…" or "W…"
  std::vector<std::string> usergroups;  ///< user group ids, "S…"
  std::vector<std::string> channels;    ///< channel ids, "C…" or "G…"

  bool Empty() const { return users.empty() && usergroups.empty() && channels.empty(); }
  friend bool operator==(const Participants&, const Participants&) = default;
};

/// No video or room was asked for; the calendar provider's default applies.
struct DefaultLocation {
  friend bool operator==(const DefaultLocation&, const DefaultLocation&) = default;
};
/// Where the video link comes from: a Zoom meeting Officer creates (`zoom`), or the link the
/// organizer's calendar adds to the event itself (`meet` on Google, `teams` on Microsoft).
enum class VideoProvider { kZoom, kMeet, kTeams };
/// The provider's name as the command, the job queue and the domain spell it.
std::string_view VideoProviderName(VideoProvider provider);
/// The provider with that name, matched exactly; nullopt for any other text.
std::optional<VideoProvider> VideoProviderNamed(std::string_view name);
/// `zoom`, `meet` or `teams`
struct VideoLocation {
  VideoProvider provider = VideoProvider::kZoom;
  friend bool operator==(const VideoLocation&, const VideoLocation&) = default;
};
/// `room "Name or resource e-mail"`
struct RoomLocation {
  std::string name;
  friend bool operator==(const RoomLocation&, const RoomLocation&) = default;
};
using Location = std::variant<DefaultLocation, VideoLocation, RoomLocation>;

inline constexpr int kDefaultDurationMinutes = 15;
inline constexpr int kMinDurationMinutes = 5;
inline constexpr int kMaxDurationMinutes = 120;
inline constexpr std::string_view kDefaultTitle = "Daily standup";

/// `book <time> <who…> [options]`. The time is a wall-clock time in `time_zone`, or in the
/// organizer's Slack time zone when that is unset. Nothing here is checked against a clock or the
/// time zone database: `first_day` may be in the past and `time_zone` may not exist.
struct BookCommand {
  int hour = 0;    ///< 0..23
  int minute = 0;  ///< 0..59
  Participants who;
  DaySet days = kWeekdays;
  int duration_minutes = kDefaultDurationMinutes;  ///< 5..120
  std::optional<std::string> time_zone;            ///< as typed after `tz`, e.g. "Europe/Berlin"
  Location location = DefaultLocation{};
  std::string title{kDefaultTitle};
  std::optional<date::year_month_day> first_day;  ///< `from YYYY-MM-DD`, a valid calendar date

  friend bool operator==(const BookCommand&, const BookCommand&) = default;
};

/// `list`
struct ListCommand {
  friend bool operator==(const ListCommand&, const ListCommand&) = default;
};

/// `cancel <id>`. A leading '#' on the id is dropped (people copy "#12" from lists).
struct CancelCommand {
  std::string meeting_id;
  friend bool operator==(const CancelCommand&, const CancelCommand&) = default;
};

enum class RemindScope {
  kUnspecified,  ///< `remind 10m`
  kAll,          ///< `remind 10m all`
  kMeeting,      ///< `remind 10m <id>`
};

inline constexpr int kMinReminderMinutes = 1;
inline constexpr int kMaxReminderMinutes = 1440;

/// Where a person wants their reminders: `dm` (a direct message) or `channel` (`here`): in the
/// standup's channel, mentioning them.
enum class ReminderPlace { kDirectMessage, kChannel };

/// `remind <N>m [<id>|all] [dm|channel]`, `remind off [<id>|all]`.
struct RemindCommand {
  std::optional<int> minutes;  ///< nullopt means off; otherwise 1..1440
  RemindScope scope = RemindScope::kUnspecified;
  std::string meeting_id;              ///< set only for RemindScope::kMeeting
  std::optional<ReminderPlace> place;  ///< nullopt: keep the person's choice
  friend bool operator==(const RemindCommand&, const RemindCommand&) = default;
};

/// `autoconfirm on|off`
struct AutoconfirmCommand {
  bool enabled = false;
  friend bool operator==(const AutoconfirmCommand&, const AutoconfirmCommand&) = default;
};

struct AgendaShow {
  friend bool operator==(const AgendaShow&, const AgendaShow&) = default;
};
struct AgendaAdd {
  std::string text;  ///< the rest of the line as typed, trimmed; outer quotes removed
  friend bool operator==(const AgendaAdd&, const AgendaAdd&) = default;
};
struct AgendaDone {
  int item = 0;  ///< 1-based, as numbered in `agenda <id>`
  friend bool operator==(const AgendaDone&, const AgendaDone&) = default;
};

/// `agenda <id>`, `agenda <id> add <text>`, `agenda <id> done <n>`.
struct AgendaCommand {
  std::string meeting_id;
  std::variant<AgendaShow, AgendaAdd, AgendaDone> action;
  friend bool operator==(const AgendaCommand&, const AgendaCommand&) = default;
};

enum class ConnectProvider { kGoogle, kMicrosoft, kZoom };

/// `connect google|microsoft|zoom` (`outlook` and `office365` mean microsoft).
struct ConnectCommand {
  ConnectProvider provider = ConnectProvider::kGoogle;
  friend bool operator==(const ConnectCommand&, const ConnectCommand&) = default;
};

using Command = std::variant<HelpCommand, OpenModalCommand, BookCommand, ListCommand, CancelCommand,
                             RemindCommand, AutoconfirmCommand, AgendaCommand, ConnectCommand>;

/// A mistake in the command text, for an ephemeral reply: `message` names the problem in a
/// sentence a person can act on; `usage` is the usage line of the command concerned (the whole
/// usage text when the command itself is unknown). `message` may quote what the person typed, so
/// escape & < > before putting it in mrkdwn.
struct CommandError {
  std::string message;
  std::string usage;
  friend bool operator==(const CommandError&, const CommandError&) = default;
};

/// Parses the text after the slash command. Command words and keywords are case-insensitive.
/// `slash_command` only appears in usage lines.
Expected<Command, CommandError> ParseCommandText(
    std::string_view text, std::string_view slash_command = kDefaultSlashCommand);

/// The help text listing every command, one per line. Contains no '<', '>' or '&', so it is safe
/// as plain text and as mrkdwn.
std::string UsageText(std::string_view slash_command = kDefaultSlashCommand);

/// The one-line usage of `book`, e.g. for an error reply.
std::string BookUsageLine(std::string_view slash_command = kDefaultSlashCommand);

}  // namespace officer::bot::slack
