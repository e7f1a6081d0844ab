#pragma once

// Pieces of text about a meeting that several renderers share. Private to officer_bot.

#include <cstddef>
#include <string>
#include <string_view>

#include <officer/domain/agenda_item.hpp>
#include <officer/domain/participant.hpp>

namespace officer::bot::render::detail {

/// How much of each piece of user text is shown (before escaping), so every line stays far below
/// a section's 3000 characters.
inline constexpr std::size_t kMaxTitleChars = 150;
inline constexpr std::size_t kMaxRoomChars = 200;
inline constexpr std::size_t kMaxNoteChars = 200;
inline constexpr std::size_t kMaxAgendaChars = 300;

/// "accepted", "declined", "invited", "busy", "calendar not visible".
std::string StatusWord(domain::ParticipantStatus status);

/// "✅", "❌", "✉️", "⚠️", "❔".
std::string StatusEmoji(domain::ParticipantStatus status);

/// "✅ <@U1> (organizer) — accepted", "⚠️ <@U3> — busy 09:00–10:00 on Tue 1 Dec".
std::string ParticipantLine(const domain::Participant& participant, bool organizer);

/// "1. Release plan", "2. ~Retro notes~" (done), text escaped.
std::string AgendaLine(std::size_t number, const domain::AgendaItem& item);

/// "zoom" → "Zoom", "google_meet" → "Google Meet", "teams" → "Microsoft Teams", "" → "video call".
std::string ProviderName(std::string_view provider);

/// "*Daily standup*": the title shortened, escaped and in bold.
std::string BoldTitle(std::string_view title);

}  // namespace officer::bot::render::detail
