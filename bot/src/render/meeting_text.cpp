#include "render/meeting_text.hpp"

#include <officer/bot/render/mrkdwn.hpp>

namespace officer::bot::render::detail {

std::string StatusWord(domain::ParticipantStatus status) {
  switch (status) {
    case domain::ParticipantStatus::Invited:
      return "invited";
    case domain::ParticipantStatus::Accepted:
      return "accepted";
    case domain::ParticipantStatus::Declined:
      return "declined";
    case domain::ParticipantStatus::Busy:
      return "busy";
    case domain::ParticipantStatus::CalendarNotVisible:
      return "calendar not visible";
  }
  return "invited";
}

std::string StatusEmoji(domain::ParticipantStatus status) {
  switch (status) {
    case domain::ParticipantStatus::Invited:
      return "\u2709\ufe0f";
    case domain::ParticipantStatus::Accepted:
      return "\u2705";
    case domain::ParticipantStatus::Declined:
      return "\u274c";
    case domain::ParticipantStatus::Busy:
      return "\u26a0\ufe0f";
    case domain::ParticipantStatus::CalendarNotVisible:
      return "\u2754";
  }
  return "\u2709\ufe0f";
}

std::string ParticipantLine(const domain::Participant& participant, bool organizer) {
  std::string line = StatusEmoji(participant.status) + " " + Mention(participant.user);
  if (organizer) line += " (organizer)";
  line += " \u2014 ";
  if (participant.status == domain::ParticipantStatus::Busy && !participant.clash_note.empty()) {
    line += EscapeMrkdwn(Truncate(participant.clash_note, kMaxNoteChars));
  } else {
    line += StatusWord(participant.status);
  }
  return line;
}

std::string AgendaLine(std::size_t number, const domain::AgendaItem& item) {
  const std::string text = EscapeMrkdwn(Truncate(item.text, kMaxAgendaChars));
  return std::to_string(number) + ". " + (item.done ? "~" + text + "~" : text);
}

std::string ProviderName(std::string_view provider) {
  std::string lower;
  for (const char c : provider) {
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (lower.empty()) return "video call";
  if (lower == "zoom") return "Zoom";
  if (lower == "google_meet" || lower == "meet" || lower == "google") return "Google Meet";
  if (lower == "teams" || lower == "msteams" || lower == "microsoft") return "Microsoft Teams";
  return Truncate(provider, 40);
}

std::string BoldTitle(std::string_view title) {
  return "*" + EscapeMrkdwn(Truncate(title, kMaxTitleChars)) + "*";
}

}  // namespace officer::bot::render::detail
