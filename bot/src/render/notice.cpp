#include <officer/bot/render/notice.hpp>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

// "at 9:30 Europe/Berlin on weekdays" / "at 8:00 UTC every day"
std::string When(const domain::StandupMeeting& meeting) {
  const std::string days = DaysText(meeting.days, Capital::kNo);
  return "at " + TimeAndZone(meeting) +
         (meeting.days == domain::DaySet::Daily() ? " " + days : " on " + days);
}

std::string NoteClause(const std::string& note) {
  if (note.empty()) return ".";
  return ": " + EscapeMrkdwn(Truncate(note, detail::kMaxNoteChars)) + ".";
}

// The sentence, with the title in bold for the message and plain for the notification.
std::string Sentence(const domain::StandupMeeting& meeting, domain::DirectMessageReason reason,
                     const std::string& note, bool bold) {
  const std::string title = bold ? detail::BoldTitle(meeting.title)
                                 : EscapeMrkdwn(Truncate(meeting.title, detail::kMaxTitleChars));
  const std::string where = ChannelLink(meeting.channel);
  switch (reason) {
    case domain::DirectMessageReason::Clash:
      return "You're busy during " + title + NoteClause(note) + " It's " + When(meeting) + " in " +
             where + ". If you can't make it, press Decline on the standup message.";
    case domain::DirectMessageReason::RoomBusy: {
      std::string room = "The room";
      if (const auto* r = std::get_if<domain::Room>(&meeting.location)) {
        const std::string name = EscapeMrkdwn(Truncate(r->name_or_email, detail::kMaxRoomChars));
        room = bold ? "*" + name + "*" : name;
      }
      return room + " is booked during " + title + NoteClause(note) + " It's " + When(meeting) +
             " in " + where + ". Book another room, or cancel with `/standup cancel " +
             EscapeMrkdwn(meeting.id.value()) + "` and book again.";
    }
    case domain::DirectMessageReason::Cancelled:
      return Mention(meeting.organizer) + " cancelled " + title + " (" + ScheduleText(meeting) +
             ").";
    case domain::DirectMessageReason::VideoLinkMissing: {
      const auto* video = std::get_if<domain::VideoLink>(&meeting.location);
      const bool teams = video != nullptr && video->provider == "teams";
      const std::string provider = detail::ProviderName(teams ? "teams" : "meet");
      return title + " in " + where + " has no " + provider + " link: " + provider +
             " links come with a connected " +
             (teams ? "Microsoft 365 calendar" : "Google Calendar") +
             ", and the standup went on another calendar. Connect yours with `/standup connect " +
             (teams ? "microsoft" : "google") + "`, then cancel with `/standup cancel " +
             EscapeMrkdwn(meeting.id.value()) + "` and book again.";
    }
  }
  return {};
}

}  // namespace

SlackMessage Notice(const domain::StandupMeeting& meeting, domain::DirectMessageReason reason,
                    const std::string& note, const date::time_zone& /*zone*/) {
  nlohmann::json blocks = nlohmann::json::array();
  blocks.push_back(detail::Section(Sentence(meeting, reason, note, true)));
  return {Sentence(meeting, reason, note, false), std::move(blocks)};
}

}  // namespace officer::bot::render
