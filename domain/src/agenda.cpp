#include <officer/domain/standup_organizer.hpp>

#include <string_view>

#include "meeting_guards.hpp"

namespace officer::domain {
namespace {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

AgendaAddResult AgendaAdd(const std::optional<StandupMeeting>& current,
                          const AgendaAddRequest& request) {
  if (auto refusal = detail::RefuseParticipantAction<AgendaAddResult>(current, request.meeting,
                                                                      request.user)) {
    return *std::move(refusal);
  }
  const auto text = Trim(request.text);
  if (text.empty()) return EmptyAgendaItem{};
  if (text.size() > kMaxAgendaItemChars) return AgendaItemTooLong{kMaxAgendaItemChars};

  StandupMeeting next = *current;
  next.agenda.push_back(AgendaItem{std::string{text}, false, request.user});
  return detail::Changed(std::move(next), {UpdateMeetingMessage{current->id}});
}

AgendaDoneResult AgendaDone(const std::optional<StandupMeeting>& current,
                            const AgendaDoneRequest& request) {
  if (auto refusal = detail::RefuseParticipantAction<AgendaDoneResult>(current, request.meeting,
                                                                       request.user)) {
    return *std::move(refusal);
  }
  const auto count = current->agenda.size();
  if (request.number < 1 || request.number > count) {
    return AgendaItemNotFound{current->id, request.number, count};
  }
  if (current->agenda[request.number - 1].done) return detail::Unchanged(*current);

  StandupMeeting next = *current;
  next.agenda[request.number - 1].done = true;
  return detail::Changed(std::move(next), {UpdateMeetingMessage{current->id}});
}

}  // namespace officer::domain
