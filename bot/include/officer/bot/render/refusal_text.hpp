#pragma once

#include <string>

#include <officer/bot/slack/command_text.hpp>
#include <officer/domain/refusals.hpp>

namespace officer::bot::render {

// What to tell a person whose request Officer refused: one mrkdwn sentence (or two) naming the
// problem and what to do instead. Everything quoted from the request is escaped.

std::string Explain(const domain::TooFewPeople& refusal);
std::string Explain(const domain::BadDuration& refusal);
std::string Explain(const domain::BadTime& refusal);
std::string Explain(const domain::NoDays& refusal);
std::string Explain(const domain::UnknownTimeZone& refusal);
std::string Explain(const domain::FirstDayInPast& refusal);
std::string Explain(const domain::MeetingNotFound& refusal);
std::string Explain(const domain::NotAParticipant& refusal);
std::string Explain(const domain::NotTheOrganizer& refusal);
std::string Explain(const domain::AlreadyCancelled& refusal);
std::string Explain(const domain::AgendaItemNotFound& refusal);
std::string Explain(const domain::EmptyAgendaItem& refusal);
std::string Explain(const domain::AgendaItemTooLong& refusal);
std::string Explain(const domain::BadReminderLead& refusal);

/// A mistake in the command text: its message (escaped), then the usage in a code block.
std::string Explain(const slack::CommandError& error);

/// `explanation` followed by a usage line in a code block, for refusals of `book`.
std::string WithUsage(const std::string& explanation, const std::string& usage);

}  // namespace officer::bot::render
