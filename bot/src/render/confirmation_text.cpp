#include <officer/bot/render/confirmation_text.hpp>

#include <vector>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>
#include <officer/domain/day_set.hpp>

#include "render/block_kit.hpp"
#include "render/meeting_text.hpp"

namespace officer::bot::render {
namespace {

constexpr std::size_t kMaxAgendaSections = 10;
constexpr std::size_t kMaxNamedInAck = 10;

domain::DaySet ToDaySet(const slack::DaySet& days) {
  domain::DaySet out;
  for (unsigned i = 0; i < 7; ++i) {  // index 0 is Monday
    if (days[i]) out.Add(date::weekday{(i + 1) % 7});
  }
  return out;
}

// "a", "a and b", "a, b and c"
std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::vector<std::string> Named(const slack::Participants& who) {
  std::vector<std::string> out;
  for (const auto& user : who.users) out.push_back("<@" + EscapeMrkdwn(user) + ">");
  for (const auto& group : who.usergroups) out.push_back("<!subteam^" + EscapeMrkdwn(group) + ">");
  for (const auto& channel : who.channels) {
    out.push_back("the members of <#" + EscapeMrkdwn(channel) + ">");
  }
  if (out.size() > kMaxNamedInAck) {
    const std::size_t rest = out.size() - (kMaxNamedInAck - 1);
    out.resize(kMaxNamedInAck - 1);
    out.push_back(std::to_string(rest) + " more");
  }
  return out;
}

std::string ItemText(const domain::AgendaItem& item) {
  return EscapeMrkdwn(Truncate(item.text, detail::kMaxAgendaChars));
}

}  // namespace

std::string BookingAck(const slack::BookCommand& command, const std::string& zone_name) {
  const domain::DaySet days = ToDaySet(command.days);
  std::string text = "Booking " + detail::BoldTitle(command.title) + " at " +
                     ClockText({command.hour, command.minute}) +
                     (zone_name.empty() ? " your time" : " " + EscapeMrkdwn(zone_name)) +
                     (days == domain::DaySet::Daily() ? " " : " on ") +
                     DaysText(days, Capital::kNo) + " for " +
                     DurationText(command.duration_minutes);
  if (const auto named = Named(command.who); !named.empty()) text += " with " + JoinAnd(named);
  if (const auto* video = std::get_if<slack::VideoLocation>(&command.location)) {
    text += ", on " + detail::ProviderName(slack::VideoProviderName(video->provider));
  }
  if (const auto* room = std::get_if<slack::RoomLocation>(&command.location)) {
    text += ", in " + EscapeMrkdwn(Truncate(room->name, detail::kMaxRoomChars));
  }
  return text + ". I'll post it here in a moment.";
}

std::string CancelAck(const domain::StandupMeeting& meeting) {
  return "Cancelled " + detail::BoldTitle(meeting.title) + " (`" +
         EscapeMrkdwn(meeting.id.value()) +
         "`). I'll let the others know, take it off the calendar and stop its reminders.";
}

std::string ReminderPreferenceAck(const std::optional<domain::MeetingId>& meeting,
                                  const domain::ReminderSetting& setting) {
  const std::string id = meeting ? EscapeMrkdwn(meeting->value()) : std::string{};
  const auto lead = setting.Lead();
  if (!lead) {
    if (meeting) return "No more reminders for " + id + ".";
    return "No more standup reminders for you. Turn them back on with `/standup remind 10m all`.";
  }
  const std::string target = meeting ? "standup " + id : "every standup";
  if (lead->count() <= 0) return "I'll remind you when " + target + " starts.";
  return "I'll remind you " + LeadText(*lead) + " before " + target + ".";
}

std::string AutoconfirmAck(bool on) {
  if (on) {
    return "From now on I'll accept standup invitations for you, on your calendar too. Turn it "
           "off with `/standup autoconfirm off`.";
  }
  return "I won't accept standup invitations for you any more: you'll get each one to accept or "
         "decline yourself.";
}

SlackMessage AgendaMessage(const domain::StandupMeeting& meeting) {
  const std::string title = detail::BoldTitle(meeting.title);
  const std::string id = EscapeMrkdwn(meeting.id.value());
  nlohmann::json blocks = nlohmann::json::array();
  if (meeting.agenda.empty()) {
    const std::string text = "The agenda of " + title + " is empty. Add an item with `/standup " +
                             "agenda " + id + " add &lt;text&gt;`.";
    blocks.push_back(detail::Section(text));
    return {"The agenda of " + EscapeMrkdwn(Truncate(meeting.title, detail::kMaxTitleChars)) +
                " is empty.",
            std::move(blocks)};
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) {
    lines.push_back(detail::AgendaLine(i + 1, meeting.agenda[i]));
  }
  detail::AppendSections(blocks, detail::PackLines("*Agenda* of " + title + " (`" + id + "`)",
                                                   lines, kMaxAgendaSections, [](std::size_t n) {
                                                     return detail::AndMore(n) + " items";
                                                   }));
  blocks.push_back(detail::Context("/standup agenda " + id +
                                   " add &lt;text&gt; \u00b7 /standup "
                                   "agenda " +
                                   id + " done &lt;number&gt;"));
  return {"Agenda of " + EscapeMrkdwn(Truncate(meeting.title, detail::kMaxTitleChars)) + ": " +
              std::to_string(meeting.agenda.size()) +
              (meeting.agenda.size() == 1 ? " item" : " items"),
          std::move(blocks)};
}

std::string AgendaAddedAck(const domain::StandupMeeting& meeting) {
  if (meeting.agenda.empty())
    return "The agenda of " + detail::BoldTitle(meeting.title) + " is empty.";
  return "Added item " + std::to_string(meeting.agenda.size()) + " to the agenda of " +
         detail::BoldTitle(meeting.title) + ": " + ItemText(meeting.agenda.back());
}

std::string AgendaDoneAck(const domain::StandupMeeting& meeting, std::size_t number) {
  std::string text =
      "Marked item " + std::to_string(number) + " of " + detail::BoldTitle(meeting.title) + " done";
  if (number >= 1 && number <= meeting.agenda.size()) {
    text += ": ~" + ItemText(meeting.agenda[number - 1]) + "~";
  }
  return text;
}

}  // namespace officer::bot::render
