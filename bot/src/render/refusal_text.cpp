#include <officer/bot/render/refusal_text.hpp>

#include <officer/bot/render/mrkdwn.hpp>
#include <officer/bot/render/time_text.hpp>
#include <officer/domain/standup_meeting.hpp>

namespace officer::bot::render {
namespace {

// "`m-abc`", escaped; ids are short, but they may echo what someone typed.
std::string Id(const domain::MeetingId& meeting) {
  return "`" + EscapeMrkdwn(Truncate(meeting.value(), 64)) + "`";
}

std::string TwoDigits(int value) {
  return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

std::string Explain(const domain::TooFewPeople& refusal) {
  const std::string named =
      refusal.count <= 1 ? "Only you would be in it."
                         : "Only " + std::to_string(refusal.count) + " people would be in it.";
  return "A standup needs at least two people, you included. " + named +
         " Name someone else, like `/standup book 9:30 @alice`.";
}

std::string Explain(const domain::BadDuration& refusal) {
  return "A standup lasts " + std::to_string(domain::kMinDurationMinutes) + " to " +
         std::to_string(domain::kMaxDurationMinutes) + " minutes, not " +
         std::to_string(refusal.minutes) + ". Try `for 15m`.";
}

std::string Explain(const domain::BadTime& refusal) {
  return std::to_string(refusal.hour) + ":" + TwoDigits(refusal.minute) +
         " isn't a time of day. Use a time like `9:30`, `2pm` or `14:00`.";
}

std::string Explain(const domain::NoDays&) {
  return "Pick at least one day for the standup: `weekdays`, `daily`, or a list like "
         "`mon,wed,fri`.";
}

std::string Explain(const domain::UnknownTimeZone& refusal) {
  return "I don't know the time zone \u201c" + EscapeMrkdwn(Truncate(refusal.name, 64)) +
         "\u201d. Use an IANA name like `tz Europe/Berlin` or `tz America/New_York`.";
}

std::string Explain(const domain::FirstDayInPast& refusal) {
  return IsoDate(refusal.first_day) + " is in the past (today is " + IsoDate(refusal.today) +
         " in the standup's time zone). Use `from` with today or a later day, or leave it out to "
         "start at the next possible day.";
}

std::string Explain(const domain::MeetingNotFound& refusal) {
  return "There's no standup with the id " + Id(refusal.meeting) +
         ". `/standup list` shows yours with their ids.";
}

std::string Explain(const domain::NotAParticipant&) { return "You're not in this standup."; }

std::string Explain(const domain::NotTheOrganizer& refusal) {
  return "Only " + Mention(refusal.organizer) + ", who organized it, can cancel this standup.";
}

std::string Explain(const domain::AlreadyCancelled&) {
  return "That standup is already cancelled.";
}

std::string Explain(const domain::AgendaItemNotFound& refusal) {
  const std::string id = EscapeMrkdwn(Truncate(refusal.meeting.value(), 64));
  if (refusal.count == 0) {
    return "The agenda of `" + id + "` has no items yet. Add one with `/standup agenda " + id +
           " add &lt;text&gt;`.";
  }
  const std::string range =
      refusal.count == 1 ? "only item 1" : "items 1 to " + std::to_string(refusal.count);
  return "The agenda of `" + id + "` has " + range + ", so there's no item " +
         std::to_string(refusal.number) + ". `/standup agenda " + id + "` lists them.";
}

std::string Explain(const domain::EmptyAgendaItem&) {
  return "An agenda item needs some text, like `/standup agenda m-abc add Release plan`.";
}

std::string Explain(const domain::AgendaItemTooLong& refusal) {
  return "An agenda item can be at most " + std::to_string(refusal.max_chars) +
         " characters. Shorten it, or split it into two items.";
}

std::string Explain(const domain::BadReminderLead& refusal) {
  return "A reminder can come at most " + std::to_string(domain::kMaxReminderLeadMinutes) +
         " minutes (24 hours) before a standup, not " + std::to_string(refusal.minutes) +
         " minutes. Try `/standup remind 10m`.";
}

std::string Explain(const slack::CommandError& error) {
  return WithUsage(EscapeMrkdwn(error.message), error.usage);
}

std::string WithUsage(const std::string& explanation, const std::string& usage) {
  if (usage.empty()) return explanation;
  return explanation + "\n```" + EscapeMrkdwn(usage) + "```";
}

}  // namespace officer::bot::render
