#include <officer/bot/standup/replies.hpp>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>

namespace officer::bot::standup {

std::string OpeningModalText() { return "Opening the booking form…"; }

std::string ModalUnavailableText() {
  return "The booking form needs a Slack workspace. Book with text instead, for example "
         "`/standup book 9:30 @alice @bob`.";
}

std::string BookedText(const domain::StandupMeeting& meeting) {
  return "Booked *" + render::EscapeMrkdwn(meeting.title) + "* (" + meeting.id.value() + "), " +
         render::ScheduleText(meeting) + ". It is in " + render::ChannelLink(meeting.channel) +
         " now; cancel it with `/standup cancel " + meeting.id.value() + "`.";
}

std::string ZoomUnavailableText() {
  return "This Officer has no Zoom app set up, so I can't add a Zoom link. Book without `zoom`, "
         "or ask whoever runs Officer to set ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.";
}

std::string UnreadableGroupText(const std::string& group) {
  return "I can't read the members of the user group <!subteam^" + group +
         ">. Check that it exists and that Officer may read user groups, or name the people "
         "with @.";
}

std::string UnreadableChannelText(const std::string& channel) {
  return "I can't read the members of <#" + channel +
         ">. Invite Officer to that channel, or name the people with @.";
}

std::string UnknownPersonText(const std::string& user) {
  return "I can't find <@" + user +
         "> in this workspace. Mention people with @ so Slack sends "
         "their ids.";
}

std::string TooManyPeopleText(std::size_t limit) {
  return "That's more than " + std::to_string(limit) +
         " people for one standup. Name a smaller group, or split the team.";
}

namespace {

const char* ProviderTitle(slack::ConnectProvider provider) {
  return provider == slack::ConnectProvider::kGoogle      ? "Google Calendar"
         : provider == slack::ConnectProvider::kMicrosoft ? "Microsoft 365"
                                                          : "Zoom";
}

}  // namespace

std::string ConnectText(slack::ConnectProvider provider) {
  return std::string("Connecting ") + ProviderTitle(provider) +
         " isn't set up on this Officer (its administrator has not configured the app's client "
         "id). Until then standups go on Officer's own calendar, which still finds clashes "
         "between standups.";
}

std::string ConnectLinkText(slack::ConnectProvider provider, const std::string& link) {
  return std::string("Connect your ") + ProviderTitle(provider) + ": <" + link +
         "|open this link> within 10 minutes. It is only for you; don't share it.";
}

std::string ReconnectText(const std::string& provider, const std::string& link) {
  const char* title = provider == "google"      ? "Google Calendar"
                      : provider == "microsoft" ? "Microsoft 365"
                                                : "Zoom";
  std::string text = std::string("Your ") + title +
                     " connection has expired or was revoked, so Officer can't use it any more.";
  if (!link.empty()) {
    text += " Connect it again: <" + link + "|open this link> within 10 minutes, or later with";
  } else {
    text += " Connect it again with";
  }
  text += " `/standup connect " + provider + "`.";
  return text;
}

std::string ZoomNotConnectedText(const std::string& link) {
  std::string text =
      "Your standup asked for a Zoom meeting, but you haven't connected Zoom, so it has no "
      "Zoom link.";
  if (!link.empty()) text += " Connect it: <" + link + "|open this link> within 10 minutes, or";
  text += " use `/standup connect zoom`, then book again.";
  return text;
}

std::string TryAgainShortlyText() {
  return "Officer can't reach its database right now. Nothing was changed; try again shortly.";
}

}  // namespace officer::bot::standup
