#pragma once

#include <cstddef>
#include <string>

#include <officer/bot/slack/command_text.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::standup {

// Private replies about the booking workflow itself (the meeting's own texts live in render/).

std::string OpeningModalText();
std::string ModalUnavailableText();
std::string BookedText(const domain::StandupMeeting& meeting);
std::string ZoomUnavailableText();
std::string UnreadableGroupText(const std::string& group);
std::string UnreadableChannelText(const std::string& channel);
std::string UnknownPersonText(const std::string& user);
std::string TooManyPeopleText(std::size_t limit);
/// `connect` when the provider has no client id configured.
std::string ConnectText(slack::ConnectProvider provider);
/// `connect` with the private link to /oauth/{provider}/start.
std::string ConnectLinkText(slack::ConnectProvider provider, const std::string& link);
/// The direct message to the owner of a connection that needs connecting again; `link` may be
/// empty. Never carries a token.
std::string ReconnectText(const std::string& provider, const std::string& link);
/// The direct message to an organizer who asked for zoom without a Zoom connection.
std::string ZoomNotConnectedText(const std::string& link);
std::string TryAgainShortlyText();

}  // namespace officer::bot::standup
